import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { appConfig, ConfigError } from '@chartuloba/platform';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  try {
    appConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    },
  });
}

void main();

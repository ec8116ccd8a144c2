import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { appConfig, ConfigError } from '@chartuloba/platform';
import { CliModule } from './cli.module';
import { RESEARCH_COMMANDS, ResearchCliModule } from './research-cli.module';

function failWith(error: Error): never {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  if (RESEARCH_COMMANDS.includes(process.argv[2] ?? '')) {
    await CommandFactory.run(ResearchCliModule, { logger: ['error', 'warn'], errorHandler: failWith });
    return;
  }
  try {
    appConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  await CommandFactory.run(CliModule, { logger: ['error', 'warn'], errorHandler: failWith });
}

void main();

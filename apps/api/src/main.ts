import 'reflect-metadata';
import { appConfig, ConfigError } from '@chartuloba/platform';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = appConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  process.stdout.write(
    `Chartuloba listening on ${config.publicUrl} (database: ${config.mode.database}, jobs: ${config.mode.queue}, mail: ${config.mode.mail})\n`,
  );
}

void main();

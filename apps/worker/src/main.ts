import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppLogger, appConfig, ConfigError } from '@chartuloba/platform';
import { WorkerModule } from './worker.module';

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
  if (!config.redisUrl) {
    // Without Redis the api process runs every job itself; a separate worker would have nothing to do.
    process.stderr.write('The worker needs REDIS_URL; without it, jobs run inside the api process.\n');
    process.exit(78);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  app.enableShutdownHooks();
  await app.init();
  process.stdout.write('Chartuloba worker running\n');
}

void main();

import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AppConfig,
  appConfig,
  configureHttpApp,
  createFastifyAdapter,
  DemoSeedRunner,
  MigrationRunner,
  MunicipalityService,
} from '@chartuloba/platform';
import { ApiModule } from './api.module';

/**
 * Builds the api app: migrations first (every start, under an advisory lock), then demo data where it is
 * safe, then the HTTP shell. Used by `main.ts` and by the e2e tests, so tests boot exactly what runs.
 */
export async function createApiApp(config: AppConfig = appConfig()): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    createFastifyAdapter(config),
    {
      bufferLogs: true,
    },
  );
  await app.get(MigrationRunner).migrate();
  if (await shouldSeedDemo(app, config)) {
    await app.get(DemoSeedRunner).run();
  }
  await configureHttpApp(app, config);
  await app.init();
  return app;
}

/** Demo data only on an empty embedded database, or when asked for: never silently into production. */
async function shouldSeedDemo(app: NestFastifyApplication, config: AppConfig): Promise<boolean> {
  if (config.demoSeed === 'never') {
    return false;
  }
  if (config.demoSeed === 'always') {
    return true;
  }
  return config.mode.database === 'pglite' && !(await app.get(MunicipalityService).exists());
}

import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { AppConfig, loadConfig } from './app-config';

/** Injection token for the validated, typed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

let cached: AppConfig | undefined;

/** The validated configuration of this process, read once from the environment. */
export function appConfig(): AppConfig {
  cached ??= loadConfig();
  return cached;
}

/**
 * @nestjs/config holds the validated values (ConfigService.get('app')); APP_CONFIG gives the typed object.
 * Tests pass their own AppConfig instead of the environment.
 */
@Global()
@Module({})
export class ConfigModule {
  static forConfig(config: AppConfig = appConfig()) {
    return {
      module: ConfigModule,
      imports: [NestConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ app: config })] })],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG, NestConfigModule],
    };
  }
}

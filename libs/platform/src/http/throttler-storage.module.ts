import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { AppConfig } from '../config/app-config';
import { WindowThrottlerStorage } from './window-throttler-storage';

export const THROTTLER_STORAGE = Symbol('THROTTLER_STORAGE');

/**
 * Rate-limit counters in Redis when it is configured, so every api replica counts together; in process
 * otherwise. Made by a
 * provider, not passed as an instance, so Nest's shutdown hook closes its Redis connection.
 */
@Module({})
export class ThrottlerStorageModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: ThrottlerStorageModule,
      providers: [
        {
          provide: THROTTLER_STORAGE,
          // Keys carry the deployment's prefix, so portals (or test runs) sharing one Redis never share counters.
          useFactory: () =>
            config.redisUrl
              ? new ThrottlerStorageRedisService(config.redisUrl, {
                  keyPrefix: `${config.queuePrefix}:throttle:`,
                  // Every request asks Redis; concurrent asks leave in one write.
                  enableAutoPipelining: true,
                })
              : new WindowThrottlerStorage(),
        },
      ],
      exports: [THROTTLER_STORAGE],
    };
  }
}

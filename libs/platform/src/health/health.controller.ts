import { Controller, Get, Inject, OnApplicationShutdown } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import IORedis from 'ioredis';
import { Public } from '../auth/access';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

@ApiTags('health')
@Controller('health')
export class HealthController implements OnApplicationShutdown {
  private redis?: IORedis;

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary: 'Liveness and readiness: database and, when configured, Redis; says which parts are in use',
  })
  @ApiOkResponse({ description: 'All parts answer' })
  async check() {
    const result = await this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      ...(this.config.redisUrl ? [() => this.pingRedis()] : []),
    ]);
    return { ...result, mode: this.config.mode };
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    this.redis ??= new IORedis(this.config.redisUrl ?? '', { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await this.redis.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}

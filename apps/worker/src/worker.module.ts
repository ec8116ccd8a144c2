import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@chartuloba/platform';
import { MIGRATIONS } from '../../../migrations';

/** No HTTP: BullMQ workers for every lib's processors. */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot({ config, migrations: MIGRATIONS, role: 'worker' })],
    };
  }
}

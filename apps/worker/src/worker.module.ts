import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, appConfig, PlatformModule } from '@chartuloba/platform';
import { BudgetingWorkerModule, BUDGETING_QUEUE } from '@chartuloba/budgeting';
import { PetitionsWorkerModule, PETITIONS_QUEUE } from '@chartuloba/petitions';
import { MIGRATIONS } from '../../../migrations';

/** No HTTP: BullMQ workers for every lib's processors. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig = appConfig()): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ config, migrations: MIGRATIONS, role: 'worker' }),
        // Registering the queue binds the lib's @Processor to a BullMQ worker (with REDIS_URL).
        ...(config.redisUrl
          ? [BullModule.registerQueue({ name: PETITIONS_QUEUE }, { name: BUDGETING_QUEUE })]
          : []),
        PetitionsWorkerModule,
        BudgetingWorkerModule,
      ],
    };
  }
}

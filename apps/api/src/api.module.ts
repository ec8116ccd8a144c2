import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@chartuloba/platform';
import { IdentityModule } from '@chartuloba/identity';
import { BudgetingModule } from '@chartuloba/budgeting';
import { CouncilsModule } from '@chartuloba/councils';
import { PetitionsModule } from '@chartuloba/petitions';
import { MIGRATIONS } from '../../../migrations';
import { HomeController } from './pages/home.controller';

/** The HTTP app: every lib's API and pages. In embedded mode it also runs the libs' job processors inline. */
@Module({})
export class ApiModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ config, migrations: MIGRATIONS, role: 'api' }),
        IdentityModule,
        BudgetingModule,
        CouncilsModule,
        PetitionsModule,
      ],
      controllers: [HomeController],
    };
  }
}

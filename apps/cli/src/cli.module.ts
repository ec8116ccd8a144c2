import { Module } from '@nestjs/common';
import { PlatformModule } from '@chartuloba/platform';
import { IdentityCoreModule } from '@chartuloba/identity';
import { MIGRATIONS } from '../../../migrations';
import {
  AuditChainCommand,
  AuditVerifyCommand,
  MigrateCommand,
  RevertCommand,
  SeedDemoCommand,
} from './platform.commands';
import { UserCreateCommand } from './identity.commands';

/** `npm run -s cli -- <command>`: operator commands over the same services the portal uses. */
@Module({
  imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, role: 'cli' }), IdentityCoreModule],
  providers: [
    AuditVerifyCommand,
    AuditChainCommand,
    MigrateCommand,
    RevertCommand,
    SeedDemoCommand,
    UserCreateCommand,
  ],
})
export class CliModule {}

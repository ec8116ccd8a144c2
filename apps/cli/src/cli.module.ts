import { Module } from '@nestjs/common';
import { PlatformModule } from '@chartuloba/platform';
import { MIGRATIONS } from '../../../migrations';
import {
  AuditChainCommand,
  AuditVerifyCommand,
  MigrateCommand,
  RevertCommand,
  SeedDemoCommand,
} from './platform.commands';

/** `npm run -s cli -- <command>`: operator commands over the same services the portal uses. */
@Module({
  imports: [PlatformModule.forRoot({ migrations: MIGRATIONS, role: 'cli' })],
  providers: [AuditVerifyCommand, AuditChainCommand, MigrateCommand, RevertCommand, SeedDemoCommand],
})
export class CliModule {}

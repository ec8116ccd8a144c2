import { PlatformFoundation1764086400000 } from './1764086400000-PlatformFoundation';
import { IdentityAccounts1764090000000 } from './1764090000000-IdentityAccounts';
import { BudgetingCycles1764120000000 } from './1764120000000-BudgetingCycles';

/** Every migration, in order. A new migration file is added here too (the list is what TypeORM runs). */
export const MIGRATIONS = [
  PlatformFoundation1764086400000,
  IdentityAccounts1764090000000,
  BudgetingCycles1764120000000,
];

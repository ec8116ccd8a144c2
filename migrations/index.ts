import { PlatformFoundation1764086400000 } from './1764086400000-PlatformFoundation';
import { IdentityAccounts1764090000000 } from './1764090000000-IdentityAccounts';
import { BudgetingCycles1764120000000 } from './1764120000000-BudgetingCycles';
import { BudgetingCommentModeration1764130000000 } from './1764130000000-BudgetingCommentModeration';
import { BudgetingPaperNumbers1764140000000 } from './1764140000000-BudgetingPaperNumbers';
import { CouncilsBodiesSessions1764110000000 } from './1764110000000-CouncilsBodiesSessions';
import { PetitionsCore1764100000000 } from './1764100000000-PetitionsCore';
import { PlatformFiles1764150000000 } from './1764150000000-PlatformFiles';
import { CouncilsDocumentUploads1764160000000 } from './1764160000000-CouncilsDocumentUploads';
import { CouncilsReportUploads1764170000000 } from './1764170000000-CouncilsReportUploads';
import { BudgetingUploads1764180000000 } from './1764180000000-BudgetingUploads';
import { BudgetingMergeDecline1764190000000 } from './1764190000000-BudgetingMergeDecline';
import { PlatformMailRefused1764200000000 } from './1764200000000-PlatformMailRefused';

/** Every migration, in order. A new migration file is added here too (the list is what TypeORM runs). */
export const MIGRATIONS = [
  PlatformFoundation1764086400000,
  IdentityAccounts1764090000000,
  BudgetingCycles1764120000000,
  CouncilsBodiesSessions1764110000000,
  PetitionsCore1764100000000,
  BudgetingCommentModeration1764130000000,
  BudgetingPaperNumbers1764140000000,
  PlatformFiles1764150000000,
  CouncilsDocumentUploads1764160000000,
  CouncilsReportUploads1764170000000,
  BudgetingUploads1764180000000,
  BudgetingMergeDecline1764190000000,
  PlatformMailRefused1764200000000,
];

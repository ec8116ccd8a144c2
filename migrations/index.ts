import { PlatformFoundation1764086400000 } from './1764086400000-PlatformFoundation';

/** Every migration, in order. A new migration file is added here too (the list is what TypeORM runs). */
export const MIGRATIONS = [PlatformFoundation1764086400000];

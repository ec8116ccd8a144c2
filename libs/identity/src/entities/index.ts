import { OneTimeTokenEntity } from './one-time-token.entity';
import { ResidencyEntity } from './residency.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export const IDENTITY_ENTITIES = [UserEntity, ResidencyEntity, SessionEntity, OneTimeTokenEntity];
export { OneTimeTokenEntity, ResidencyEntity, SessionEntity, UserEntity };

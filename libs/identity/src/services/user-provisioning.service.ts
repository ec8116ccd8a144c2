import { Injectable } from '@nestjs/common';
import { AuditLog, Locale, Role, TransactionRunner } from '@chartuloba/platform';
import { UserEntity } from '../entities/user.entity';
import { IdentityError } from '../identity.errors';
import { UsersRepository } from '../repositories/users.repository';
import { PasswordHasher } from './password-hasher';

export interface ProvisionedUser {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  locale?: Locale;
}

/** Accounts created by the operator (CLI) or the demo seed: confirmed at once, audited as the system. */
@Injectable()
export class UserProvisioningService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async create(input: ProvisionedUser): Promise<UserEntity> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.transactions.run(async () => {
      if (await this.users.findByLogin(input.email)) {
        throw new IdentityError(
          'identity.email-taken',
          'conflict',
          'An account with this e-mail already exists',
        );
      }
      const roles: Role[] = ['citizen', ...input.roles.filter((role) => role !== 'citizen')];
      const user = await this.users.create({
        email: input.email.trim(),
        displayName: input.displayName,
        passwordHash,
        emailVerifiedAt: new Date(),
        roles,
        locale: input.locale ?? 'ka',
      });
      await this.audit.record({
        actor: null,
        action: 'identity.account-provisioned',
        subject: { type: 'user', id: user.id },
        summary: `Account created by the operator with roles ${roles.join(', ')}`,
        data: { roles },
      });
      return user;
    });
  }
}

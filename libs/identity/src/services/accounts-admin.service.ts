import { Injectable } from '@nestjs/common';
import {
  Actor,
  AuditLog,
  Locale,
  MunicipalityService,
  Role,
  Settlement,
  TransactionRunner,
} from '@chartuloba/platform';
import { normalizePersonalNumber } from '../domain/personal-number';
import {
  assistedCode,
  assistedLoginName,
  formatAssistedCode,
  normalizeAssistedCode,
} from '../domain/secrets';
import { UserEntity } from '../entities/user.entity';
import { fieldError, IdentityError } from '../identity.errors';
import { IdentityPolicy } from '../identity.policy';
import { ResidencyRepository } from '../repositories/residency.repository';
import { TokensRepository } from '../repositories/tokens.repository';
import { AccountRow, UsersRepository } from '../repositories/users.repository';
import { IdentityKeys } from './identity-keys';

const ASSISTED_CODE_DAYS = 30;

export interface ResidencyInput {
  personalNumber: string;
  settlementId?: string;
  birthYear?: number;
}

export interface AssistedAccount {
  user: UserEntity;
  /** Shown once, on the printed sheet; only its keyed hash is stored. */
  code: string;
}

/** Staff work on other people's accounts: find, verify residency, grant roles, assisted accounts. */
@Injectable()
export class AccountsAdminService {
  constructor(
    private readonly users: UsersRepository,
    private readonly residency: ResidencyRepository,
    private readonly tokens: TokensRepository,
    private readonly keys: IdentityKeys,
    private readonly municipalities: MunicipalityService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async search(actor: Actor, query: string, page: number, pageSize: number) {
    IdentityPolicy.assert(IdentityPolicy.can(actor, 'accounts.view'));
    return this.users.search(query, (page - 1) * pageSize, pageSize);
  }

  async get(actor: Actor, userId: string): Promise<AccountRow> {
    IdentityPolicy.assert(IdentityPolicy.can(actor, 'accounts.view'));
    const user = await this.users.findById(userId);
    if (!user) {
      throw new IdentityError('identity.account-not-found', 'not-found', 'Account not found');
    }
    return { user, residency: await this.residency.find(userId) };
  }

  /** The municipality's settlements, or none before the municipality is set up. */
  async settlements(): Promise<Settlement[]> {
    return (await this.municipalities.exists()) ? this.municipalities.settlements() : [];
  }

  async grantRole(actor: Actor, userId: string, role: Role): Promise<UserEntity> {
    return this.changeRole(actor, userId, role, true);
  }

  async revokeRole(actor: Actor, userId: string, role: Role): Promise<UserEntity> {
    return this.changeRole(actor, userId, role, false);
  }

  /**
   * Records a resident verified in person. The personal number is checked and kept only as a keyed hash;
   * the unique index makes a second account with the same number impossible, even under concurrent staff.
   */
  async verifyResidency(actor: Actor, userId: string, input: ResidencyInput): Promise<void> {
    IdentityPolicy.assert(IdentityPolicy.can(actor, 'accounts.verify-residency'));
    if (actor.id === userId) {
      throw new IdentityError('identity.forbidden', 'forbidden', 'Nobody verifies their own residency');
    }
    const personalNumber = normalizePersonalNumber(input.personalNumber);
    if (!personalNumber) {
      throw fieldError(
        'identity.personal-number-invalid',
        'invalid',
        'personalNumber',
        'A personal number has 11 digits',
      );
    }
    if (input.settlementId && !(await this.settlements()).some((s) => s.id === input.settlementId)) {
      throw fieldError(
        'identity.settlement-unknown',
        'invalid',
        'settlementId',
        'Choose a settlement of the municipality',
      );
    }
    await this.transactions.run(async () => {
      const user = await this.users.findById(userId);
      if (!user) {
        throw new IdentityError('identity.account-not-found', 'not-found', 'Account not found');
      }
      if (await this.residency.find(userId)) {
        throw new IdentityError(
          'identity.already-resident',
          'conflict',
          'This account is already resident-verified',
        );
      }
      const hash = this.keys.personalNumberHash(personalNumber);
      // Checked first for a clean answer; the unique index still decides when two staff race.
      const outcome = (await this.residency.findByPersonalNumberHash(hash))
        ? 'taken'
        : await this.residency.insert({
            userId,
            personalNumberHash: hash,
            settlementId: input.settlementId ?? null,
            birthYear: input.birthYear ?? null,
            verifiedBy: actor.id,
          });
      if (outcome === 'taken') {
        throw fieldError(
          'identity.personal-number-taken',
          'conflict',
          'personalNumber',
          'Another account is already verified with this personal number',
        );
      }
      await this.audit.record({
        actor,
        action: 'identity.residency-verified',
        subject: { type: 'user', id: userId },
        summary: 'Residency verified in person',
        data: { settlementId: input.settlementId ?? null, birthYear: input.birthYear ?? null },
      });
    });
  }

  async createAssisted(actor: Actor, displayName: string, locale: Locale): Promise<AssistedAccount> {
    IdentityPolicy.assert(IdentityPolicy.can(actor, 'accounts.create-assisted'));
    return this.transactions.run(async () => {
      let loginName = assistedLoginName();
      while (await this.users.findByLogin(loginName)) {
        loginName = assistedLoginName();
      }
      const user = await this.users.create({
        loginName,
        displayName: displayName.trim(),
        roles: ['citizen'],
        locale,
        assisted: true,
      });
      await this.audit.record({
        actor,
        action: 'identity.assisted-account-created',
        subject: { type: 'user', id: user.id },
        summary: 'Assisted account created with a printed one-time code',
      });
      return { user, code: await this.issueCode(user.id) };
    });
  }

  /** A new printed code (the old one stops working), e.g. when the resident lost the sheet. */
  async reissueCode(actor: Actor, userId: string): Promise<AssistedAccount> {
    IdentityPolicy.assert(IdentityPolicy.can(actor, 'accounts.create-assisted'));
    return this.transactions.run(async () => {
      const user = await this.users.findById(userId);
      if (!user) {
        throw new IdentityError('identity.account-not-found', 'not-found', 'Account not found');
      }
      if (!user.assisted) {
        throw new IdentityError(
          'identity.not-assisted',
          'conflict',
          'Only assisted accounts sign in with a code',
        );
      }
      await this.tokens.invalidate(user.id, 'assisted-code');
      await this.audit.record({
        actor,
        action: 'identity.assisted-code-reissued',
        subject: { type: 'user', id: user.id },
        summary: 'New one-time code printed',
      });
      return { user, code: await this.issueCode(user.id) };
    });
  }

  private async issueCode(userId: string): Promise<string> {
    const code = assistedCode();
    await this.tokens.insert({
      userId,
      purpose: 'assisted-code',
      tokenHash: this.keys.assistedCodeHash(normalizeAssistedCode(code)),
      expiresAt: new Date(Date.now() + ASSISTED_CODE_DAYS * 24 * 3600_000),
    });
    return formatAssistedCode(code);
  }

  private async changeRole(actor: Actor, userId: string, role: Role, grant: boolean): Promise<UserEntity> {
    if (!IdentityPolicy.canChangeRole(actor, role)) {
      throw new IdentityError(
        'identity.role-not-grantable',
        'forbidden',
        `You may not grant or revoke the role ${role}`,
        [],
        {
          role,
        },
      );
    }
    return this.transactions.run(async () => {
      const user = await this.users.findById(userId);
      if (!user) {
        throw new IdentityError('identity.account-not-found', 'not-found', 'Account not found');
      }
      if (grant === user.roles.includes(role)) {
        return user;
      }
      // Someone must always be able to hand out roles.
      if (!grant && role === 'admin' && (await this.users.countWithRole('admin')) <= 1) {
        throw new IdentityError(
          'identity.last-admin',
          'conflict',
          'The last admin cannot lose the admin role',
        );
      }
      const roles = grant ? [...user.roles, role] : user.roles.filter((held) => held !== role);
      await this.users.update(user.id, { roles });
      await this.audit.record({
        actor,
        action: grant ? 'identity.role-granted' : 'identity.role-revoked',
        subject: { type: 'user', id: user.id },
        summary: `${grant ? 'Granted' : 'Revoked'} role ${role}`,
        data: { role },
      });
      return Object.assign(user, { roles });
    });
  }
}

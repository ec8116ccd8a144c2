import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  APP_CONFIG,
  AppConfig,
  AuditLog,
  Locale,
  MailService,
  TransactionRunner,
} from '@chartuloba/platform';
import { randomToken, sha256 } from '../domain/secrets';
import { UserEntity } from '../entities/user.entity';
import { TokenPurpose } from '../entities/one-time-token.entity';
import { fieldError, IdentityError } from '../identity.errors';
import { TokensRepository } from '../repositories/tokens.repository';
import { ResidencyRepository } from '../repositories/residency.repository';
import { AccountRow, UsersRepository } from '../repositories/users.repository';
import { PasswordHasher } from './password-hasher';
import { actorOf, SessionsService } from './sessions.service';

const VERIFY_LINK_HOURS = 48;
const RESET_LINK_HOURS = 1;

export interface Registration {
  displayName: string;
  email: string;
  password: string;
}

/** What people do with their own account: register, confirm the address, reset and change the password. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokensRepository,
    private readonly residency: ResidencyRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Always answers the same way: when the address already has an account, its owner gets a mail saying
   * so instead, so the form cannot be used to find out who is registered.
   */
  async register(input: Registration, locale: Locale): Promise<void> {
    const passwordHash = await this.hasher.hash(input.password);
    await this.transactions.run(async () => {
      const existing = await this.users.findByLogin(input.email);
      if (existing?.email) {
        await this.mail.send({
          to: existing.email,
          locale: existing.locale,
          subjectKey: 'identity.mail.exists.subject',
          bodyKeys: ['identity.mail.exists.body'],
          link: `${this.config.publicUrl}/forgot-password`,
          key: `identity:exists:${existing.id}:${new Date().toISOString().slice(0, 13)}`,
        });
        return;
      }
      const user = await this.users.create({
        email: input.email.trim(),
        displayName: input.displayName.trim(),
        passwordHash,
        roles: ['citizen'],
        locale,
      });
      await this.audit.record({
        actor: actorOf(user),
        action: 'identity.registered',
        subject: { type: 'user', id: user.id },
        summary: 'Account registered',
      });
      await this.sendLink(user, 'verify-email', VERIFY_LINK_HOURS);
    });
  }

  async verifyEmail(token: string): Promise<UserEntity> {
    return this.transactions.run(async () => {
      const user = await this.userOfToken('verify-email', token);
      if (!user.emailVerifiedAt) {
        await this.users.update(user.id, { emailVerifiedAt: new Date() });
        await this.audit.record({
          actor: actorOf(user),
          action: 'identity.email-verified',
          subject: { type: 'user', id: user.id },
          summary: 'E-mail address confirmed',
        });
      }
      return user;
    });
  }

  /** Silent whether or not the address is known, for the same reason as `register`. */
  async requestPasswordReset(email: string): Promise<void> {
    await this.transactions.run(async () => {
      const user = await this.users.findByLogin(email);
      if (!user?.email) {
        return;
      }
      await this.tokens.invalidate(user.id, 'reset-password');
      await this.audit.record({
        actor: null,
        action: 'identity.password-reset-requested',
        subject: { type: 'user', id: user.id },
        summary: 'Password reset link sent',
      });
      await this.sendLink(user, 'reset-password', RESET_LINK_HOURS);
    });
  }

  async resetPassword(token: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.transactions.run(async () => {
      const user = await this.userOfToken('reset-password', token);
      // Following the link proves the mailbox, so an unconfirmed address is confirmed too.
      await this.users.update(user.id, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() });
      await this.sessions.endAllSessions(user.id);
      await this.audit.record({
        actor: actorOf(user),
        action: 'identity.password-reset',
        subject: { type: 'user', id: user.id },
        summary: 'Password reset by e-mail link; all sessions ended',
      });
    });
  }

  /** Changes the password; an assisted account that never had one sets its first without the old one. */
  async changePassword(
    actor: Actor,
    currentPassword: string | undefined,
    newPassword: string,
  ): Promise<void> {
    const user = await this.users.findById(actor.id);
    if (!user) {
      throw new IdentityError('identity.account-not-found', 'not-found', 'Account not found');
    }
    if (user.passwordHash && !(await this.hasher.verify(user.passwordHash, currentPassword ?? ''))) {
      throw fieldError(
        'identity.current-password-wrong',
        'invalid',
        'currentPassword',
        'The current password is not right',
      );
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await this.transactions.run(async () => {
      await this.users.update(user.id, { passwordHash });
      await this.audit.record({
        actor,
        action: 'identity.password-changed',
        subject: { type: 'user', id: user.id },
        summary: user.passwordHash ? 'Password changed' : 'First password set',
      });
    });
  }

  /** One's own account with its residency (never the personal number). */
  async own(actor: Actor): Promise<AccountRow> {
    const user = await this.users.findById(actor.id);
    if (!user) {
      throw new IdentityError('identity.account-not-found', 'not-found', 'Account not found');
    }
    return { user, residency: await this.residency.find(user.id) };
  }

  private async userOfToken(purpose: TokenPurpose, token: string): Promise<UserEntity> {
    const userId = await this.tokens.consume(purpose, sha256(token));
    const user = userId ? await this.users.findById(userId) : null;
    if (!user) {
      throw new IdentityError(
        'identity.link-invalid',
        'invalid',
        'This link is not valid any more. Please ask for a new one',
      );
    }
    return user;
  }

  /** Stores a one-time link and its mail in the current transaction: no mail without the token, or back. */
  private async sendLink(
    user: UserEntity,
    purpose: 'verify-email' | 'reset-password',
    hours: number,
  ): Promise<void> {
    if (!user.email) {
      return;
    }
    const token = randomToken();
    const row = await this.tokens.insert({
      userId: user.id,
      purpose,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + hours * 3600_000),
    });
    const kind = purpose === 'verify-email' ? 'verify' : 'reset';
    await this.mail.send({
      to: user.email,
      locale: user.locale,
      subjectKey: `identity.mail.${kind}.subject`,
      bodyKeys: [`identity.mail.${kind}.body`],
      params: { name: user.displayName, hours },
      link: `${this.config.publicUrl}/${purpose === 'verify-email' ? 'verify-email' : 'reset-password'}?token=${token}`,
      key: `identity:${kind}:${user.id}:${row.id}`,
    });
  }
}

import { Injectable } from '@nestjs/common';
import { AuditLog, TransactionRunner } from '@chartuloba/platform';
import { normalizeAssistedCode } from '../domain/secrets';
import { UserEntity } from '../entities/user.entity';
import { IdentityError } from '../identity.errors';
import { LoginFailuresRepository } from '../repositories/login-failures.repository';
import { TokensRepository } from '../repositories/tokens.repository';
import { UsersRepository } from '../repositories/users.repository';
import { IdentityKeys } from './identity-keys';
import { actorOf } from './sessions.service';
import { PasswordHasher } from './password-hasher';

/** Five wrong passwords for one login within 15 minutes lock that login for the rest of the window. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

@Injectable()
export class SignInService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokensRepository,
    private readonly failures: LoginFailuresRepository,
    private readonly hasher: PasswordHasher,
    private readonly keys: IdentityKeys,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Checks a login (e-mail or assisted login name) and password. The lock counts attempts per login
   * string, whether or not an account exists, so neither the answer nor the lock tells who is registered.
   */
  async withPassword(login: string, password: string): Promise<UserEntity> {
    const loginHash = this.keys.loginHash(login);
    if (
      (await this.failures.countSince(loginHash, new Date(Date.now() - FAILURE_WINDOW_MS))) >= MAX_FAILURES
    ) {
      throw new IdentityError(
        'identity.too-many-attempts',
        'too-many-requests',
        'Too many failed sign-in attempts. Please wait 15 minutes and try again',
      );
    }
    const user = await this.users.findByLogin(login);
    const matches = user?.passwordHash
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyNothing(password);
    if (!user || !matches) {
      await this.failures.record(loginHash);
      throw new IdentityError(
        'identity.invalid-credentials',
        'unauthenticated',
        'The e-mail or password is not right',
      );
    }
    await this.failures.clear(loginHash);
    if (user.email && !user.emailVerifiedAt) {
      throw new IdentityError(
        'identity.email-not-verified',
        'forbidden',
        'Please confirm your e-mail address first: follow the link we sent you',
      );
    }
    return user;
  }

  /** An assisted account's printed code: it works once, then the resident sets a password or staff reissue. */
  async withAssistedCode(code: string): Promise<UserEntity> {
    return this.transactions.run(async () => {
      const userId = await this.tokens.consume(
        'assisted-code',
        this.keys.assistedCodeHash(normalizeAssistedCode(code)),
      );
      const user = userId ? await this.users.findById(userId) : null;
      if (!user) {
        throw new IdentityError(
          'identity.code-invalid',
          'unauthenticated',
          'This code is not valid or was already used',
        );
      }
      await this.audit.record({
        actor: actorOf(user),
        action: 'identity.assisted-code-used',
        subject: { type: 'user', id: user.id },
        summary: 'Signed in with a one-time code',
      });
      return user;
    });
  }
}

import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes): a sign-in costs tens of milliseconds, a guess as much.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private dummy?: Promise<string>;

  async hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so response times do not tell which e-mails have accounts. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('chartuloba-dummy-password');
    await this.verify(await this.dummy, password);
    return false;
  }
}

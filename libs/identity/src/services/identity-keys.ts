import { createSecretKey, KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chartuloba/platform';
import { deriveKey, hmac } from '../domain/secrets';

/** The keys identity derives from APP_SECRET, each for one purpose. */
@Injectable()
export class IdentityKeys {
  /** A KeyObject for @nestjs/jwt's signing (jsonwebtoken would try to parse bytes as a key); `export()` gives the bytes. */
  readonly jwt: KeyObject;
  private readonly personalNumber: Buffer;
  private readonly assistedCode: Buffer;
  private readonly login: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.jwt = createSecretKey(deriveKey(config.appSecret, 'jwt'));
    this.personalNumber = deriveKey(config.appSecret, 'personal-number');
    this.assistedCode = deriveKey(config.appSecret, 'assisted-code');
    this.login = deriveKey(config.appSecret, 'login');
  }

  /** Keyed, so a leaked table cannot be reversed by hashing all 10^11 possible numbers. */
  personalNumberHash(normalizedNumber: string): string {
    return hmac(this.personalNumber, normalizedNumber);
  }

  /** Codes have ~48 bits, too few for a plain hash to resist a dump; the key makes them useless offline. */
  assistedCodeHash(normalizedCode: string): string {
    return hmac(this.assistedCode, normalizedCode);
  }

  loginHash(login: string): string {
    return hmac(this.login, login.trim().toLowerCase());
  }
}

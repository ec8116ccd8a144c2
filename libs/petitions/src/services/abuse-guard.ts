import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@chartuloba/platform';
import { PetitionError } from '../petitions.errors';

interface Window {
  start: number;
  count: number;
}

/** Sign and withdraw actions one account may take per minute. A person signs a petition once. */
export const ACCOUNT_ACTIONS_PER_MINUTE = 20;
/** Distinct accounts signing one petition from one address within 10 minutes before signatures get flagged. */
export const ACCOUNTS_PER_IP_BEFORE_FLAG = 10;

/**
 * Rate limits per account and per IP, and the "many accounts from one address" pattern. Limits refuse
 * with 429; patterns never refuse or drop: the signature is kept, counted, and flagged for staff.
 * In-process windows: each replica limits on its own, which bounds abuse without a round trip.
 */
@Injectable()
export class AbuseGuard {
  private readonly accountHits = new Map<string, Window>();
  private readonly ipHits = new Map<string, Window>();
  private readonly ipAccounts = new Map<string, { start: number; users: Set<string> }>();
  private readonly ipLimit: number;
  private sweptAt = Date.now();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ipLimit = config.rateLimitPerMinute;
  }

  /** Throws when the account or the address acted too often in the last minute. */
  admit(userId: string, ip: string, now = Date.now()): void {
    this.sweep(now);
    if (
      !this.hit(this.accountHits, userId, ACCOUNT_ACTIONS_PER_MINUTE, now) ||
      !this.hit(this.ipHits, ip, this.ipLimit, now)
    ) {
      throw new PetitionError(
        'petitions.rate-limited',
        'too-many-requests',
        'Too many signing actions; please wait a minute',
      );
    }
  }

  /** A reason to flag this signature for staff review, or null. */
  flagFor(petitionId: string, userId: string, ip: string, now = Date.now()): string | null {
    const key = `${petitionId}|${ip}`;
    let accounts = this.ipAccounts.get(key);
    if (!accounts || now - accounts.start > 600_000) {
      accounts = { start: now, users: new Set<string>() };
      this.ipAccounts.set(key, accounts);
    }
    accounts.users.add(userId);
    return accounts.users.size > ACCOUNTS_PER_IP_BEFORE_FLAG ? 'many-accounts-one-address' : null;
  }

  /** A fixed one-minute window per key: O(1) per request, however many requests an address sends. */
  private hit(map: Map<string, Window>, key: string, limit: number, now: number): boolean {
    let window = map.get(key);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 };
      map.set(key, window);
    }
    if (window.count >= limit) {
      return false;
    }
    window.count += 1;
    return true;
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) {
      return;
    }
    this.sweptAt = now;
    for (const map of [this.accountHits, this.ipHits]) {
      for (const [key, window] of map) {
        if (now - window.start >= 60_000) {
          map.delete(key);
        }
      }
    }
    for (const [key, accounts] of this.ipAccounts) {
      if (now - accounts.start > 600_000) {
        this.ipAccounts.delete(key);
      }
    }
  }
}

import { Injectable } from '@nestjs/common';
import { Actor, Batcher, chunksOf, Locale, Role, TransactionRunner } from '@chartuloba/platform';
import { normalizePersonalNumber } from './domain/personal-number';
import { IdentityError } from './identity.errors';
import { ResidencyRepository } from './repositories/residency.repository';
import { UsersRepository } from './repositories/users.repository';
import { IdentityKeys } from './services/identity-keys';
import { SessionsService } from './services/sessions.service';

// One query per chunk: an id list stays well below PostgreSQL's parameter limits and one round trip's size.
const CONTACTS_PER_QUERY = 1000;

// At most two in flight: under load the batches grow instead of the queries (four made batches of ~3).
const RESIDENT_KEY_LOOKUPS = { concurrency: 2, maxBatch: 256 };

export interface AccountContact {
  id: string;
  displayName: string;
  /** Null for assisted accounts: notify them on paper or in person. */
  email: string | null;
  locale: Locale;
}

export interface Residency {
  settlementId: string | null;
  birthYear: number | null;
  verifiedAt: Date;
}

/**
 * What other libs may know about accounts. They never read identity tables; to dedupe an online signature
 * against a paper one, they compare `residentKeyOf(userId)` with `personalNumberHash(numberOnPaper)`.
 */
@Injectable()
export class IdentityFacade {
  // Signing and voting ask this on every request; concurrent asks share one query.
  private readonly residentKeys = new Batcher<string, string | null>(async (userIds) => {
    const found = await this.residency.personalNumberHashes(userIds);
    return userIds.map((id) => found.get(id) ?? null);
  }, RESIDENT_KEY_LOOKUPS);

  constructor(
    private readonly users: UsersRepository,
    private readonly residency: ResidencyRepository,
    private readonly keys: IdentityKeys,
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionsService,
  ) {}

  async isResidentVerified(userId: string): Promise<boolean> {
    return (await this.residency.find(userId)) !== null;
  }

  async residencyOf(userId: string): Promise<Residency | null> {
    const row = await this.residency.find(userId);
    return row
      ? { settlementId: row.settlementId, birthYear: row.birthYear, verifiedAt: row.verifiedAt }
      : null;
  }

  /** The keyed hash of a verified resident's personal number: one person, one key, across all accounts. */
  async residentKeyOf(userId: string): Promise<string | null> {
    if (this.transactions.inTransaction()) {
      // Inside a caller's transaction, read through it: it may hold a residency not yet committed.
      return (await this.residency.find(userId))?.personalNumberHash ?? null;
    }
    return this.residentKeys.submit(userId);
  }

  /**
   * The acting account's resident key: the one read with its session when the request began (no query),
   * else as `residentKeyOf`. Inside a transaction it always reads through it, as `residentKeyOf` does.
   */
  async residentKeyFor(actor: Actor): Promise<string | null> {
    const known = this.transactions.inTransaction() ? undefined : this.sessions.residentKeyReadWith(actor);
    return known !== undefined ? known : this.residentKeyOf(actor.id);
  }

  /** The same keyed hash for a number written on paper (a signature sheet, a ballot register). */
  personalNumberHash(personalNumber: string): string {
    const normalized = normalizePersonalNumber(personalNumber);
    if (!normalized) {
      throw new IdentityError(
        'identity.personal-number-invalid',
        'invalid',
        'A personal number has 11 digits',
      );
    }
    return this.keys.personalNumberHash(normalized);
  }

  /** The account already verified with this number, if any (a paper signature by someone who signed online). */
  async userIdOfPersonalNumber(personalNumber: string): Promise<string | null> {
    return (
      (await this.residency.findByPersonalNumberHash(this.personalNumberHash(personalNumber)))?.userId ?? null
    );
  }

  async accountsWithRole(role: Role): Promise<AccountContact[]> {
    return (await this.users.withRole(role)).map(({ id, displayName, email, locale }) => ({
      id,
      displayName,
      email,
      locale,
    }));
  }

  async contactOf(userId: string): Promise<AccountContact | null> {
    return (await this.contactsOf([userId])).get(userId) ?? null;
  }

  /** The contacts of the accounts among `userIds` that exist, by id: one query per thousand ids. */
  async contactsOf(userIds: readonly string[]): Promise<Map<string, AccountContact>> {
    const ids = [...new Set(userIds)];
    const contacts = new Map<string, AccountContact>();
    for (const chunk of chunksOf(ids, CONTACTS_PER_QUERY)) {
      const rows = await this.users.contactsByIds(chunk);
      for (const { id, displayName, email, locale } of rows) {
        contacts.set(id, { id, displayName, email, locale });
      }
    }
    return contacts;
  }
}

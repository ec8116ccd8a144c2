import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { TransactionRunner } from '../database/transaction-runner';
import { PlatformError } from '../errors/domain-error';
import type { Actor } from '../http/request-context';
import type { LocalizedText } from '../i18n/localized-text';
import { MunicipalityEntity, SettlementEntity, VoterCountEntity } from './municipality.entities';
import type { RecordVoterCountDto } from './municipality.dto';

export interface VoterCount {
  registeredVoters: number;
  asOf: string;
  source: string;
  recordedAt: Date;
}

export interface Settlement {
  id: string;
  slug: string;
  kind: 'town' | 'village' | 'community';
  name: LocalizedText;
}

export interface Municipality {
  id: string;
  slug: string;
  name: LocalizedText;
  settings: Record<string, unknown>;
}

/** The municipality this portal serves, its settlements and its registered-voter count. */
@Injectable()
export class MunicipalityService {
  private cached?: Municipality;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  /** The deployment's municipality (the first one created; one portal serves one municipality). */
  async current(): Promise<Municipality> {
    if (this.cached) {
      return this.cached;
    }
    const found = await this.transactions
      .manager()
      .findOne(MunicipalityEntity, { where: {}, order: { createdAt: 'ASC' } });
    if (!found) {
      throw new PlatformError(
        'platform.unknown-municipality',
        'not-found',
        'No municipality has been set up',
      );
    }
    this.cached = { id: found.id, slug: found.slug, name: found.name, settings: found.settings };
    return this.cached;
  }

  async exists(): Promise<boolean> {
    return (await this.transactions.manager().count(MunicipalityEntity)) > 0;
  }

  async create(
    slug: string,
    name: LocalizedText,
    settlements: Omit<Settlement, 'id'>[],
  ): Promise<Municipality> {
    return this.transactions.run(async (manager) => {
      const municipality = await manager.save(
        manager.create(MunicipalityEntity, { slug, name, settings: {} }),
      );
      await manager.insert(
        SettlementEntity,
        settlements.map((s) => ({ ...s, municipalityId: municipality.id })),
      );
      await this.audit.record({
        action: 'platform.municipality-created',
        subject: { type: 'municipality', id: municipality.id },
        summary: `Municipality ${slug} created with ${settlements.length} settlements`,
      });
      this.cached = undefined;
      return { id: municipality.id, slug, name, settings: {} };
    });
  }

  async settlements(): Promise<Settlement[]> {
    const municipality = await this.current();
    const rows = await this.transactions
      .manager()
      .find(SettlementEntity, { where: { municipalityId: municipality.id }, order: { slug: 'ASC' } });
    return rows.map(({ id, slug, kind, name }) => ({ id, slug, kind, name }));
  }

  /** The newest count by as-of date: the basis of petition thresholds. */
  async latestVoterCount(): Promise<VoterCount | null> {
    const municipality = await this.current();
    const row = await this.transactions.manager().findOne(VoterCountEntity, {
      where: { municipalityId: municipality.id },
      order: { asOf: 'DESC', createdAt: 'DESC' },
    });
    return row
      ? {
          registeredVoters: row.registeredVoters,
          asOf: row.asOf,
          source: row.source,
          recordedAt: row.createdAt,
        }
      : null;
  }

  async recordVoterCount(input: RecordVoterCountDto, actor: Actor | null): Promise<VoterCount> {
    if (input.asOf > new Date().toISOString().slice(0, 10)) {
      throw new PlatformError(
        'platform.voter-count-in-future',
        'invalid',
        'The as-of date cannot be in the future',
        [{ field: 'asOf', message: 'The as-of date cannot be in the future', constraint: 'notInFuture' }],
      );
    }
    const municipality = await this.current();
    return this.transactions.run(async (manager) => {
      const row = await manager.save(
        manager.create(VoterCountEntity, {
          municipalityId: municipality.id,
          registeredVoters: input.registeredVoters,
          asOf: input.asOf,
          source: input.source,
          recordedBy: actor?.id ?? null,
        }),
      );
      await this.audit.record({
        actor,
        action: 'platform.voter-count-recorded',
        subject: { type: 'municipality', id: municipality.id },
        summary: `Registered voters ${input.registeredVoters} as of ${input.asOf} (${input.source})`,
        data: { registeredVoters: input.registeredVoters, asOf: input.asOf, source: input.source },
      });
      return {
        registeredVoters: row.registeredVoters,
        asOf: row.asOf,
        source: row.source,
        recordedAt: row.createdAt,
      };
    });
  }
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from '../i18n/localized-text';

@Entity({ name: 'platform_municipalities' })
export class MunicipalityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  /** Per-municipality rules (petition answer deadline, …) as libs define them; read through their facades. */
  @Column({ type: 'jsonb', default: {} })
  settings!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'platform_settlements' })
export class SettlementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  kind!: 'town' | 'village' | 'community';

  @Column({ type: 'jsonb' })
  name!: LocalizedText;
}

@Entity({ name: 'platform_voter_counts' })
export class VoterCountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @Column({ name: 'registered_voters', type: 'integer' })
  registeredVoters!: number;

  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

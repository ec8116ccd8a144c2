import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'identity_residency' })
export class ResidencyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** HMAC of the personal number; the number itself is never stored. */
  @Column({ name: 'personal_number_hash', type: 'text' })
  personalNumberHash!: string;

  @Column({ name: 'settlement_id', type: 'uuid', nullable: true })
  settlementId!: string | null;

  @Column({ name: 'birth_year', type: 'integer', nullable: true })
  birthYear!: number | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', default: () => 'now()' })
  verifiedAt!: Date;
}

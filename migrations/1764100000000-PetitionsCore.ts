import { MigrationInterface, QueryRunner } from 'typeorm';

export class PetitionsCore1764100000000 implements MigrationInterface {
  name = 'PetitionsCore1764100000000';

  async up(db: QueryRunner): Promise<void> {
    // A petition under Art. 86 of the Local Self-Government Code. The threshold and its basis are copied
    // from the voter count when the petition opens, so a later count never moves a running petition.
    await db.query(`
      CREATE TABLE petitions_petitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('resolution-draft', 'resolution-principles', 'session-request')),
        origin text NOT NULL DEFAULT 'online' CHECK (origin IN ('online', 'general-assembly')),
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'open', 'threshold-reached',
          'registered', 'under-consideration', 'answered', 'closed', 'not-reached')),
        title jsonb NOT NULL,
        body jsonb NOT NULL,
        author_id uuid REFERENCES identity_users(id),
        author_name text NOT NULL,
        settlement_id uuid REFERENCES platform_settlements(id),
        assembly_minutes text,
        moderation_note text,
        threshold integer CHECK (threshold > 0),
        threshold_basis jsonb,
        closes_at timestamptz,
        submitted_at timestamptz,
        opened_at timestamptz,
        threshold_reached_at timestamptz,
        half_reached_at timestamptz,
        registration_due_at timestamptz,
        registered_at timestamptz,
        registration_number text UNIQUE,
        consideration_due_at timestamptz,
        consideration_started_at timestamptz,
        motion_id text,
        answered_at timestamptz,
        answer_outcome text CHECK (answer_outcome IN ('accepted', 'partly-accepted', 'rejected')),
        answer_text jsonb,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX petitions_petitions_status ON petitions_petitions (status, created_at DESC)`,
    );
    await db.query(
      `CREATE INDEX petitions_petitions_closing ON petitions_petitions (closes_at) WHERE status IN ('open', 'threshold-reached')`,
    );
    await db.query(`CREATE INDEX petitions_petitions_author ON petitions_petitions (author_id)`);
    await db.query(`CREATE SEQUENCE petitions_registration_seq`);

    // The initiative group: the author and co-initiators who accepted an invitation link.
    await db.query(`
      CREATE TABLE petitions_initiators (
        petition_id uuid NOT NULL REFERENCES petitions_petitions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES identity_users(id),
        role text NOT NULL CHECK (role IN ('author', 'co-initiator')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (petition_id, user_id)
      )`);
    await db.query(`CREATE INDEX petitions_initiators_user ON petitions_initiators (user_id)`);
    await db.query(`
      CREATE TABLE petitions_invitations (
        token_hash text PRIMARY KEY,
        petition_id uuid NOT NULL REFERENCES petitions_petitions(id) ON DELETE CASCADE,
        created_by uuid NOT NULL REFERENCES identity_users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        used_by uuid REFERENCES identity_users(id),
        used_at timestamptz
      )`);

    // Paper lists handed in to the Sakrebulo; the 20% verification sample is drawn from one list with a
    // recorded seed, so anyone can redraw it and get the same signatures.
    await db.query(`
      CREATE TABLE petitions_paper_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        petition_id uuid NOT NULL REFERENCES petitions_petitions(id) ON DELETE CASCADE,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
        created_by uuid REFERENCES identity_users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        sample_seed text,
        sample_size integer,
        sampled_at timestamptz,
        UNIQUE (petition_id, label)
      )`);

    // One row per person per petition: resident_key is identity's keyed hash of the personal number, for
    // online and paper signatures alike, so two accounts of one person or a paper copy of an online
    // signature hit the same unique key. Withdrawing keeps the row; signing again reactivates it.
    // No foreign key on petition_id: its check takes a KEY SHARE lock on the one petition row in every
    // signing transaction, and thousands of concurrent lockers of one row churn multixacts. Signatures are
    // only inserted by a statement that selects the petition row, and petitions are never deleted.
    await db.query(`
      CREATE TABLE petitions_signatures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        petition_id uuid NOT NULL,
        resident_key text NOT NULL,
        user_id uuid,
        source text NOT NULL CHECK (source IN ('online', 'paper')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn', 'invalid')),
        initials text NOT NULL,
        notify boolean NOT NULL DEFAULT true,
        paper_list_id uuid REFERENCES petitions_paper_lists(id),
        signer_name text,
        personal_number_enc text,
        address text,
        signed_on date,
        sampled boolean NOT NULL DEFAULT false,
        verification text CHECK (verification IN ('valid', 'invalid')),
        invalid_reason text,
        flag_reason text,
        signed_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        CONSTRAINT petitions_signatures_one_per_person UNIQUE (petition_id, resident_key),
        CHECK (source = 'online' OR (paper_list_id IS NOT NULL AND personal_number_enc IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX petitions_signatures_user ON petitions_signatures (user_id)`);
    await db.query(
      `CREATE INDEX petitions_signatures_list ON petitions_signatures (paper_list_id) WHERE paper_list_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX petitions_signatures_flagged ON petitions_signatures (petition_id) WHERE flag_reason IS NOT NULL`,
    );

    // The count, exact and cheap to read: each signing transaction adds to one of 16 shard rows picked at
    // random, so concurrent signers rarely wait on the same row lock; a read sums 16 rows.
    await db.query(`
      CREATE TABLE petitions_counters (
        petition_id uuid NOT NULL REFERENCES petitions_petitions(id) ON DELETE CASCADE,
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
        counted integer NOT NULL DEFAULT 0,
        paper integer NOT NULL DEFAULT 0,
        invalidated integer NOT NULL DEFAULT 0,
        withdrawn integer NOT NULL DEFAULT 0,
        PRIMARY KEY (petition_id, shard)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS petitions_counters`);
    await db.query(`DROP TABLE IF EXISTS petitions_signatures`);
    await db.query(`DROP TABLE IF EXISTS petitions_paper_lists`);
    await db.query(`DROP TABLE IF EXISTS petitions_invitations`);
    await db.query(`DROP TABLE IF EXISTS petitions_initiators`);
    await db.query(`DROP SEQUENCE IF EXISTS petitions_registration_seq`);
    await db.query(`DROP TABLE IF EXISTS petitions_petitions`);
  }
}

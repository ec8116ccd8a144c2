import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformFoundation1764086400000 implements MigrationInterface {
  name = 'PlatformFoundation1764086400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE platform_municipalities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
        name jsonb NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE platform_settlements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES platform_municipalities(id),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
        kind text NOT NULL CHECK (kind IN ('town', 'village', 'community')),
        name jsonb NOT NULL,
        UNIQUE (municipality_id, slug)
      )`);
    // Registered voters are data staff maintain (value, as-of date, source): the petition threshold is 1% of it.
    await db.query(`
      CREATE TABLE platform_voter_counts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES platform_municipalities(id),
        registered_voters integer NOT NULL CHECK (registered_voters > 0),
        as_of date NOT NULL,
        source text NOT NULL,
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX platform_voter_counts_latest ON platform_voter_counts (municipality_id, as_of DESC, created_at DESC)`,
    );

    // Transactional outbox for jobs: written in the business transaction, handed to BullMQ or run inline after commit.
    await db.query(`
      CREATE TABLE platform_jobs (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        name text NOT NULL,
        job_key text NOT NULL UNIQUE,
        payload jsonb NOT NULL,
        run_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'queued', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL DEFAULT 5,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX platform_jobs_due ON platform_jobs (run_at, id) WHERE status IN ('pending', 'running')`,
    );

    await db.query(`
      CREATE TABLE platform_mail (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_key text NOT NULL UNIQUE,
        to_address text NOT NULL,
        locale text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        delivery text,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);

    // Append-only audit log. Rows are inserted freely by concurrent requests and chained later, in commit
    // order, by one background step: chaining at insert time would serialize every request on the chain head.
    await db.query(`
      CREATE TABLE platform_audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
        actor_id uuid,
        actor_label text,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        summary text NOT NULL,
        request_id text,
        data jsonb,
        seq bigint UNIQUE,
        prev_hash text,
        hash text
      )`);
    await db.query(`CREATE INDEX platform_audit_unchained ON platform_audit_log (id) WHERE seq IS NULL`);
    await db.query(
      `CREATE INDEX platform_audit_subject ON platform_audit_log (subject_type, subject_id, id)`,
    );
    await db.query(`
      CREATE TABLE platform_audit_checkpoints (
        seq bigint PRIMARY KEY,
        hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE FUNCTION platform_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'platform_audit_log is append-only';
        END IF;
        IF OLD.seq IS NOT NULL
          OR (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_label, NEW.action, NEW.subject_type,
              NEW.subject_id, NEW.summary, NEW.request_id, NEW.data)
             IS DISTINCT FROM
             (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_label, OLD.action, OLD.subject_type,
              OLD.subject_id, OLD.summary, OLD.request_id, OLD.data) THEN
          RAISE EXCEPTION 'platform_audit_log is append-only: only chaining may update a row, once';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER platform_audit_append_only BEFORE UPDATE OR DELETE ON platform_audit_log
      FOR EACH ROW EXECUTE FUNCTION platform_audit_guard()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE platform_audit_checkpoints`);
    await db.query(`DROP TABLE platform_audit_log`);
    await db.query(`DROP FUNCTION platform_audit_guard()`);
    await db.query(`DROP TABLE platform_mail`);
    await db.query(`DROP TABLE platform_jobs`);
    await db.query(`DROP TABLE platform_voter_counts`);
    await db.query(`DROP TABLE platform_settlements`);
    await db.query(`DROP TABLE platform_municipalities`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityAccounts1764090000000 implements MigrationInterface {
  name = 'IdentityAccounts1764090000000';

  async up(db: QueryRunner): Promise<void> {
    // An account signs in with its e-mail, or (assisted accounts, for residents without e-mail) its login name.
    await db.query(`
      CREATE TABLE identity_users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text,
        login_name text UNIQUE,
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        password_hash text,
        email_verified_at timestamptz,
        roles text[] NOT NULL DEFAULT ARRAY['citizen']::text[]
          CHECK (roles <@ ARRAY['citizen', 'council_member', 'staff', 'moderator', 'admin']::text[]),
        locale text NOT NULL DEFAULT 'ka' CHECK (locale IN ('ka', 'az', 'hy', 'en')),
        assisted boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (email IS NOT NULL OR login_name IS NOT NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX identity_users_email_lower ON identity_users (lower(email))`);
    await db.query(`CREATE INDEX identity_users_roles ON identity_users USING gin (roles)`);

    // Residency checked in person by staff. Only a keyed hash of the personal number is kept; a row exists
    // only while the account is verified, so the unique index is "one verified account per person".
    await db.query(`
      CREATE TABLE identity_residency (
        user_id uuid PRIMARY KEY REFERENCES identity_users(id) ON DELETE CASCADE,
        personal_number_hash text NOT NULL,
        settlement_id uuid REFERENCES platform_settlements(id),
        birth_year integer CHECK (birth_year BETWEEN 1900 AND 2100),
        verified_by uuid REFERENCES identity_users(id),
        verified_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX identity_residency_personal_number ON identity_residency (personal_number_hash)`,
    );

    // Server-side sessions: signing out or a role change takes effect on the next request. Only the
    // SHA-256 of the secret is stored, so a database dump cannot be replayed as cookies.
    await db.query(`
      CREATE TABLE identity_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES identity_users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('web', 'api')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX identity_sessions_user ON identity_sessions (user_id) WHERE revoked_at IS NULL`,
    );

    // One-time secrets sent by mail (verify, reset) or printed (assisted sign-in code), stored hashed.
    await db.query(`
      CREATE TABLE identity_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES identity_users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify-email', 'reset-password', 'assisted-code')),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX identity_tokens_user ON identity_tokens (user_id, purpose) WHERE used_at IS NULL`,
    );

    // Failed sign-ins per account key (hashed login), for the per-account throttle.
    await db.query(`
      CREATE TABLE identity_login_failures (
        id bigserial PRIMARY KEY,
        login_hash text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX identity_login_failures_recent ON identity_login_failures (login_hash, occurred_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE identity_login_failures`);
    await db.query(`DROP TABLE identity_tokens`);
    await db.query(`DROP TABLE identity_sessions`);
    await db.query(`DROP TABLE identity_residency`);
    await db.query(`DROP TABLE identity_users`);
  }
}

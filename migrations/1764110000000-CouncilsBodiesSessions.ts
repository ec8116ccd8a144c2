import { MigrationInterface, QueryRunner } from 'typeorm';

export class CouncilsBodiesSessions1764110000000 implements MigrationInterface {
  name = 'CouncilsBodiesSessions1764110000000';

  async up(db: QueryRunner): Promise<void> {
    // A body and its rules: announcement lead time, minutes due, recommendation answer time, quorum, majority.
    await db.query(`
      CREATE TABLE councils_bodies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
        kind text NOT NULL CHECK (kind IN ('sakrebulo', 'commission', 'mayor-advisory', 'gender-equality', 'youth', 'other')),
        parent_id uuid REFERENCES councils_bodies(id),
        name jsonb NOT NULL,
        description jsonb NOT NULL DEFAULT '{}'::jsonb,
        regulations_url text,
        speak_request jsonb NOT NULL DEFAULT '{}'::jsonb,
        announcement_lead_days integer NOT NULL DEFAULT 5 CHECK (announcement_lead_days BETWEEN 0 AND 60),
        minutes_due_days integer NOT NULL DEFAULT 14 CHECK (minutes_due_days BETWEEN 1 AND 120),
        response_days integer NOT NULL DEFAULT 30 CHECK (response_days BETWEEN 1 AND 365),
        quorum_rule text NOT NULL DEFAULT 'more-than-half' CHECK (quorum_rule IN ('more-than-half', 'one-third', 'two-thirds')),
        majority_rule text NOT NULL DEFAULT 'of-present' CHECK (majority_rule IN ('of-votes-cast', 'of-present', 'of-members')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // A member is a linked account (who can then vote) or a named person; (id, body_id) is unique so votes can
    // reference both and the database refuses a vote by someone who is not a member of the motion's body.
    await db.query(`
      CREATE TABLE councils_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL REFERENCES councils_bodies(id) ON DELETE CASCADE,
        user_id uuid REFERENCES identity_users(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
        role text NOT NULL CHECK (role IN ('chair', 'secretary', 'member')),
        term_start date NOT NULL,
        term_end date,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, body_id),
        CHECK (term_end IS NULL OR term_end >= term_start)
      )`);
    await db.query(`CREATE INDEX councils_members_body ON councils_members (body_id)`);
    await db.query(
      `CREATE INDEX councils_members_user ON councils_members (user_id) WHERE user_id IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE councils_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL REFERENCES councils_bodies(id),
        title jsonb NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        place jsonb NOT NULL DEFAULT '{}'::jsonb,
        field_settlement_id uuid REFERENCES platform_settlements(id),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'announced', 'held', 'cancelled')),
        announced_at timestamptz,
        minutes_published_at timestamptz,
        minutes_text jsonb,
        minutes_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at IS NULL OR ends_at >= starts_at),
        CHECK (minutes_published_at IS NULL OR status = 'held')
      )`);
    await db.query(`CREATE INDEX councils_sessions_body_start ON councils_sessions (body_id, starts_at)`);
    await db.query(`CREATE INDEX councils_sessions_start ON councils_sessions (starts_at)`);

    // A motion another lib put before the council (through the port) or staff wrote; one per origin item.
    await db.query(`
      CREATE TABLE councils_motions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        origin_lib text NOT NULL,
        origin_id text NOT NULL,
        title jsonb NOT NULL,
        summary jsonb,
        link text NOT NULL,
        body_id uuid REFERENCES councils_bodies(id),
        session_id uuid REFERENCES councils_sessions(id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'scheduled', 'decided', 'withdrawn')),
        outcome text CHECK (outcome IN ('adopted', 'rejected')),
        quorate boolean,
        yes_count integer, no_count integer, abstain_count integer, absent_count integer,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (origin_lib, origin_id),
        UNIQUE (id, body_id),
        CHECK ((status = 'decided') = (decided_at IS NOT NULL)),
        CHECK (status = 'pending' OR status = 'withdrawn' OR body_id IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX councils_motions_status ON councils_motions (status)`);

    await db.query(`
      CREATE TABLE councils_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES councils_sessions(id) ON DELETE CASCADE,
        position integer NOT NULL,
        title jsonb NOT NULL,
        motion_id uuid UNIQUE REFERENCES councils_motions(id),
        decision jsonb,
        UNIQUE (session_id, position)
      )`);

    await db.query(`
      CREATE TABLE councils_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES councils_sessions(id) ON DELETE CASCADE,
        title jsonb NOT NULL,
        url text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX councils_documents_session ON councils_documents (session_id)`);

    await db.query(`
      CREATE TABLE councils_attendance (
        session_id uuid NOT NULL REFERENCES councils_sessions(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES councils_members(id),
        present boolean NOT NULL,
        PRIMARY KEY (session_id, member_id)
      )`);

    // One vote per member and motion (primary key), and only by a member of the motion's body (composite keys).
    await db.query(`
      CREATE TABLE councils_votes (
        motion_id uuid NOT NULL,
        body_id uuid NOT NULL,
        member_id uuid NOT NULL,
        choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
        recorded_by uuid NOT NULL REFERENCES identity_users(id),
        roll_call boolean NOT NULL DEFAULT false,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (motion_id, member_id),
        FOREIGN KEY (motion_id, body_id) REFERENCES councils_motions(id, body_id),
        FOREIGN KEY (member_id, body_id) REFERENCES councils_members(id, body_id)
      )`);

    await db.query(`
      CREATE TABLE councils_recommendations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL REFERENCES councils_bodies(id),
        addressee text NOT NULL CHECK (length(addressee) BETWEEN 1 AND 200),
        text jsonb NOT NULL,
        issued_on date NOT NULL,
        responsible_unit text NOT NULL CHECK (length(responsible_unit) BETWEEN 1 AND 200),
        response_due_on date NOT NULL,
        status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'answered', 'implemented')),
        answer jsonb,
        answered_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (response_due_on >= issued_on),
        CHECK (status = 'sent' OR answered_on IS NOT NULL)
      )`);
    await db.query(
      `CREATE INDEX councils_recommendations_body ON councils_recommendations (body_id, issued_on)`,
    );

    // A body's yearly report, or a yearly public report of the Mayor or a Sakrebulo member (by 1 November).
    await db.query(`
      CREATE TABLE councils_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL REFERENCES councils_bodies(id),
        kind text NOT NULL CHECK (kind IN ('body-yearly', 'mayor-public', 'member-public')),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        presenter text NOT NULL CHECK (length(presenter) BETWEEN 1 AND 160),
        title jsonb NOT NULL,
        scheduled_at timestamptz,
        place jsonb NOT NULL DEFAULT '{}'::jsonb,
        announced_at timestamptz,
        published_at timestamptz,
        text jsonb,
        url text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX councils_reports_body_year ON councils_reports (body_id, year)`);

    await db.query(`
      CREATE TABLE councils_report_questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES councils_reports(id) ON DELETE CASCADE,
        author_id uuid REFERENCES identity_users(id),
        author_name text NOT NULL,
        question text NOT NULL CHECK (length(question) BETWEEN 5 AND 2000),
        answer text,
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX councils_report_questions_report ON councils_report_questions (report_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'councils_report_questions',
      'councils_reports',
      'councils_recommendations',
      'councils_votes',
      'councils_attendance',
      'councils_documents',
      'councils_agenda_items',
      'councils_motions',
      'councils_sessions',
      'councils_members',
      'councils_bodies',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}

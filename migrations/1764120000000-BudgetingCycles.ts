import { MigrationInterface, QueryRunner } from 'typeorm';

export class BudgetingCycles1764120000000 implements MigrationInterface {
  name = 'BudgetingCycles1764120000000';

  async up(db: QueryRunner): Promise<void> {
    // A cycle carries its own rules: Georgia has no national PB law, each municipality writes its own.
    // Money is in integer units of the cycle (GEL for our cycles; a .pb import keeps its own units).
    await db.query(`
      CREATE TABLE budgeting_cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title jsonb NOT NULL,
        rules jsonb NOT NULL DEFAULT '{}'::jsonb,
        units_per_currency integer NOT NULL DEFAULT 1 CHECK (units_per_currency >= 1),
        currency text NOT NULL DEFAULT 'GEL',
        total_budget bigint NOT NULL CHECK (total_budget >= 0),
        max_project_cost bigint CHECK (max_project_cost > 0),
        categories jsonb NOT NULL DEFAULT '[]'::jsonb,
        propose_requires_resident boolean NOT NULL DEFAULT true,
        min_voter_age integer NOT NULL DEFAULT 16 CHECK (min_voter_age BETWEEN 0 AND 120),
        ballot_type text NOT NULL CHECK (ballot_type IN ('approval', 'k-approval', 'knapsack', 'cumulative')),
        ballot_k integer CHECK (ballot_k >= 1),
        ballot_points integer CHECK (ballot_points >= 1),
        outcome_rule text NOT NULL,
        min_score integer,
        tie_break text NOT NULL DEFAULT 'cheaper-first' CHECK (tie_break IN ('cheaper-first', 'project-id')),
        needs_council boolean NOT NULL DEFAULT false,
        council_motion_id text,
        council_outcome text CHECK (council_outcome IN ('adopted', 'rejected')),
        phase text NOT NULL DEFAULT 'proposals'
          CHECK (phase IN ('proposals', 'review', 'council', 'council-rejected', 'voting', 'tallied', 'published')),
        proposals_from timestamptz, review_from timestamptz, voting_from timestamptz, voting_until timestamptz,
        imported boolean NOT NULL DEFAULT false,
        pb_meta jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // A district: one settlement's budget, or (settlement_id NULL) the municipality-wide pot.
    await db.query(`
      CREATE TABLE budgeting_districts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES budgeting_cycles(id) ON DELETE CASCADE,
        settlement_id uuid REFERENCES platform_settlements(id),
        name jsonb NOT NULL,
        budget bigint NOT NULL CHECK (budget >= 0)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX budgeting_districts_settlement ON budgeting_districts (cycle_id, coalesce(settlement_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
    );

    await db.query(`
      CREATE TABLE budgeting_projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES budgeting_cycles(id) ON DELETE CASCADE,
        district_id uuid NOT NULL REFERENCES budgeting_districts(id) ON DELETE CASCADE,
        code text NOT NULL,
        author_id uuid,
        title jsonb NOT NULL,
        description jsonb NOT NULL DEFAULT '{}'::jsonb,
        category text,
        location text,
        estimated_cost bigint NOT NULL CHECK (estimated_cost >= 0),
        status text NOT NULL DEFAULT 'proposed'
          CHECK (status IN ('proposed', 'shortlisted', 'rejected', 'merged', 'withdrawn')),
        review jsonb,
        rejection_reason jsonb,
        merged_into uuid REFERENCES budgeting_projects(id),
        implementation_status text NOT NULL DEFAULT 'not-started'
          CHECK (implementation_status IN ('not-started', 'in-progress', 'completed', 'cancelled')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        spent bigint NOT NULL DEFAULT 0 CHECK (spent >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cycle_id, code)
      )`);
    await db.query(`CREATE INDEX budgeting_projects_district ON budgeting_projects (district_id, status)`);

    await db.query(`
      CREATE TABLE budgeting_supports (
        project_id uuid NOT NULL REFERENCES budgeting_projects(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, user_id)
      )`);
    await db.query(`
      CREATE TABLE budgeting_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES budgeting_projects(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        author_name text NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Merging needs every author's agreement: one row per author asked.
    await db.query(`
      CREATE TABLE budgeting_merge_consents (
        source_id uuid NOT NULL REFERENCES budgeting_projects(id) ON DELETE CASCADE,
        target_id uuid NOT NULL REFERENCES budgeting_projects(id) ON DELETE CASCADE,
        author_id uuid NOT NULL,
        agreed_at timestamptz,
        PRIMARY KEY (source_id, target_id, author_id)
      )`);

    // One ballot per resident per district per cycle, whatever the channel: the unique index decides, so
    // two submissions at once (or an online and a paper ballot) can never both be stored.
    // `projects` holds positions (budgeting_projects.code order is irrelevant): ids of the projects chosen.
    await db.query(`
      CREATE TABLE budgeting_ballots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES budgeting_cycles(id) ON DELETE CASCADE,
        district_id uuid NOT NULL REFERENCES budgeting_districts(id) ON DELETE CASCADE,
        resident_key text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('online', 'paper', 'import')),
        paper_number text,
        projects uuid[] NOT NULL,
        points integer[],
        receipt text NOT NULL,
        first_cast_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX budgeting_ballots_one_per_resident ON budgeting_ballots (cycle_id, district_id, resident_key)`,
    );
    await db.query(`CREATE UNIQUE INDEX budgeting_ballots_receipt ON budgeting_ballots (receipt)`);
    await db.query(
      `CREATE UNIQUE INDEX budgeting_ballots_paper_number ON budgeting_ballots (cycle_id, paper_number) WHERE paper_number IS NOT NULL`,
    );

    // Paper ballots that met another ballot of the same person: listed for staff, never silently dropped.
    await db.query(`
      CREATE TABLE budgeting_ballot_conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL REFERENCES budgeting_cycles(id) ON DELETE CASCADE,
        district_id uuid NOT NULL REFERENCES budgeting_districts(id) ON DELETE CASCADE,
        paper_number text NOT NULL,
        kept_ballot_id uuid NOT NULL,
        kept_channel text NOT NULL,
        discarded_channel text NOT NULL,
        discarded_cast_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE budgeting_results (
        cycle_id uuid NOT NULL REFERENCES budgeting_cycles(id) ON DELETE CASCADE,
        district_id uuid NOT NULL REFERENCES budgeting_districts(id) ON DELETE CASCADE,
        result jsonb NOT NULL,
        tallied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, district_id)
      )`);

    await db.query(`
      CREATE TABLE budgeting_updates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES budgeting_projects(id) ON DELETE CASCADE,
        status text NOT NULL,
        progress integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
        spent bigint NOT NULL CHECK (spent >= 0),
        note jsonb NOT NULL,
        photo_url text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX budgeting_updates_project ON budgeting_updates (project_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'budgeting_updates',
      'budgeting_results',
      'budgeting_ballot_conflicts',
      'budgeting_ballots',
      'budgeting_merge_consents',
      'budgeting_comments',
      'budgeting_supports',
      'budgeting_projects',
      'budgeting_districts',
      'budgeting_cycles',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}

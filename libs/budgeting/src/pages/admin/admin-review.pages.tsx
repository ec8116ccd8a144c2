import {
  CheckboxField,
  CouncilMotionSummary,
  CsrfField,
  DataTable,
  ErrorSummary,
  FieldError,
  FieldGroup,
  FormState,
  InputField,
  Layout,
  LocalizedTextFields,
  PageContext,
  parseLocalizedText,
  pickText,
  SelectField,
} from '@chartuloba/platform';
import type { ConflictRow, CycleRow, DistrictRow, ProjectRow } from '../../repositories/budgeting.rows';
import type { MergeRequestRow } from '../../repositories/merges.repository';
import { money } from '../budgeting.pages';

/** The staff pages of one cycle, linked from each of them. */
export function StaffNav({ ctx, cycle }: { ctx: PageContext; cycle: CycleRow }) {
  const { t } = ctx;
  const base = `/admin/budgeting/${cycle.id}`;
  return (
    <nav aria-label={t('budgeting.staff.nav')}>
      <ul class="actions">
        <li>
          <a href={base}>{t('budgeting.staff.overview')}</a>
        </li>
        <li>
          <a href={`${base}/review`}>{t('budgeting.staff.review')}</a>
        </li>
        <li>
          <a href={`${base}/paper`}>{t('budgeting.staff.paper')}</a>
        </li>
        <li>
          <a href={`${base}/implementation`}>{t('budgeting.staff.implementation')}</a>
        </li>
        <li>
          <a href={`/budgeting/${cycle.id}`}>{t('budgeting.staff.public-page')}</a>
        </li>
      </ul>
    </nav>
  );
}

export function AdminCyclePage(props: {
  ctx: PageContext;
  cycle: CycleRow;
  districts: DistrictRow[];
  conflicts: ConflictRow[];
  pending: number;
  motion: CouncilMotionSummary | null;
  error?: string;
}) {
  const { ctx, cycle, districts, conflicts, pending, motion, error } = props;
  const { t } = ctx;
  const title = t('budgeting.admin.title', { cycle: pickText(cycle.title, ctx.locale) });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <StaffNav ctx={ctx} cycle={cycle} />
      <p>
        {t('budgeting.cycle.phase')}: <strong>{t(`budgeting.phase.${cycle.phase}`)}</strong>
      </p>
      {error ? (
        <p class="error-message" role="alert">
          {error}
        </p>
      ) : null}
      {cycle.phase === 'review' ? <p>{t('budgeting.admin.pending', { count: pending })}</p> : null}
      {cycle.needsCouncil ? (
        <section aria-labelledby="council-title">
          <h2 id="council-title">{t('budgeting.staff.council')}</h2>
          <p>
            {motion
              ? t(`budgeting.staff.motion.${motion.outcome ?? motion.status}`)
              : cycle.phase === 'review' || cycle.phase === 'proposals'
                ? t('budgeting.staff.council-not-sent')
                : t('budgeting.staff.council-unknown')}
          </p>
          {cycle.phase === 'review' ? <p class="hint">{t('budgeting.staff.council-send-hint')}</p> : null}
        </section>
      ) : null}
      {cycle.imported ? null : (
        <form method="post" action={`/admin/budgeting/${cycle.id}/advance`}>
          <CsrfField ctx={ctx} />
          <button type="submit">
            {cycle.phase === 'review' && cycle.needsCouncil
              ? t('budgeting.staff.send-to-council')
              : t('budgeting.admin.advance')}
          </button>
        </form>
      )}
      {cycle.imported ? null : (
        <p>
          <a href={`/admin/budgeting/${cycle.id}/edit`}>{t('budgeting.staff.edit')}</a>
        </p>
      )}
      <h2>{t('budgeting.staff.exports')}</h2>
      <ul>
        {districts.map((d) => (
          <li key={d.id}>
            <a href={`/api/v1/budgeting/cycles/${cycle.id}/districts/${d.id}/export.pb`}>
              {pickText(d.name, ctx.locale)} (.pb)
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('budgeting.admin.conflicts')}</h2>
      {conflicts.length === 0 ? <p>{t('budgeting.admin.no-conflicts')}</p> : null}
      {conflicts.length ? (
        <DataTable
          columns={[
            t('budgeting.admin.paper-number'),
            t('budgeting.admin.kept'),
            t('budgeting.admin.discarded'),
          ]}
          rows={conflicts.map((c) => ({
            key: c.id,
            head: c.paperNumber,
            cells: [
              t(`budgeting.admin.channel.${c.keptChannel}`),
              <>
                {t(`budgeting.admin.channel.${c.discardedChannel}`)},{' '}
                {ctx.i18n.formatDate(ctx.locale, new Date(c.discardedCastAt), 'datetime')}
              </>,
            ],
          }))}
        />
      ) : null}
    </Layout>
  );
}

/** A failed post on one project's form: which project, what was typed, what is wrong. */
export interface ProjectForm extends FormState {
  projectId: string;
}

function errorsOf(form: ProjectForm | undefined, projectId: string): FieldError[] {
  return form?.projectId === projectId ? form.errors : [];
}

function ReviewForm(props: { ctx: PageContext; project: ProjectRow; form?: ProjectForm }) {
  const { ctx, project, form } = props;
  const { t } = ctx;
  const p = project.id;
  const mine = form?.projectId === p ? form.values : {};
  const errors = errorsOf(form, p);
  return (
    <form method="post" action={`/admin/budgeting/projects/${p}/review`} novalidate>
      <CsrfField ctx={ctx} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <FieldGroup id={`review-${p}`} legend={t('budgeting.staff.checks')} errors={errors}>
        <CheckboxField
          id={`feasible-${p}`}
          name="feasible"
          label={t('budgeting.staff.feasible')}
          checked={mine['feasible'] === 'yes'}
        />
        <CheckboxField
          id={`legal-${p}`}
          name="legal"
          label={t('budgeting.staff.legal')}
          checked={mine['legal'] === 'yes'}
        />
      </FieldGroup>
      <InputField
        type="number"
        id={`costEstimate-${p}`}
        name="costEstimate"
        label={t('budgeting.staff.cost-estimate')}
        errors={errors}
        value={mine['costEstimate'] ?? String(project.estimatedCost)}
      />
      <LocalizedTextFields
        ctx={ctx}
        name={`reason-${p}`}
        legend={t('budgeting.staff.reason')}
        value={parseLocalizedText(mine, `reason-${p}`)}
        errors={errors}
        multiline
        maxLength={2000}
      />
      <p class="actions">
        <button type="submit" name="decision" value="shortlist">
          {t('budgeting.staff.shortlist')}
        </button>{' '}
        <button type="submit" name="decision" value="reject" class="secondary">
          {t('budgeting.staff.reject')}
        </button>
      </p>
    </form>
  );
}

function MergeForm(props: {
  ctx: PageContext;
  project: ProjectRow;
  others: ProjectRow[];
  form?: ProjectForm;
}) {
  const { ctx, project, others, form } = props;
  const { t } = ctx;
  const id = `targetId-${project.id}`;
  return (
    <form method="post" action={`/admin/budgeting/projects/${project.id}/merge`}>
      <CsrfField ctx={ctx} />
      <SelectField
        id={id}
        name="targetId"
        label={t('budgeting.staff.merge-into')}
        hint={t('budgeting.staff.merge-hint')}
        errors={errorsOf(form, project.id)}
        options={others.map((o) => ({ value: o.id, label: `${o.code} · ${pickText(o.title, ctx.locale)}` }))}
      />
      <button type="submit" class="secondary">
        {t('budgeting.staff.merge')}
      </button>
    </form>
  );
}

/** Where this proposal's merge requests stand: waiting for the authors, or declined by one of them. */
function MergeStatus(props: { ctx: PageContext; requests: MergeRequestRow[] }) {
  const { t } = props.ctx;
  if (!props.requests.length) {
    return null;
  }
  return (
    <ul class="merge-requests">
      {props.requests.map((r) => (
        <li key={r.targetId}>
          {r.declined
            ? t('budgeting.staff.merge-declined', { code: r.targetCode })
            : t('budgeting.staff.merge-waiting', { code: r.targetCode, agreed: r.agreed, asked: r.asked })}
        </li>
      ))}
    </ul>
  );
}

/** The review queue: proposals waiting first, each with its own form; decided ones listed below. */
export function ReviewPage(props: {
  ctx: PageContext;
  cycle: CycleRow;
  districts: DistrictRow[];
  projects: ProjectRow[];
  merges: MergeRequestRow[];
  form?: ProjectForm;
}) {
  const { ctx, cycle, districts, projects, merges, form } = props;
  const { t } = ctx;
  const title = t('budgeting.staff.review-title', { cycle: pickText(cycle.title, ctx.locale) });
  const pending = projects.filter((p) => p.status === 'proposed');
  const decided = projects.filter((p) => p.status !== 'proposed');
  const districtName = (id: string) => pickText(districts.find((d) => d.id === id)?.name, ctx.locale);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <StaffNav ctx={ctx} cycle={cycle} />
      {cycle.phase !== 'review' ? (
        <>
          <p role="status" id="review-closed">
            {t('budgeting.staff.review-closed')}
          </p>
          {/* A form sent from a page loaded while the cycle was in review: its fields are gone, so the
              refusal is told here, beside the notice that says why. */}
          <ErrorSummary ctx={ctx} errors={form?.errors.map((e) => ({ ...e, field: 'review-closed' }))} />
        </>
      ) : null}
      <h2>{t('budgeting.staff.queue', { count: pending.length })}</h2>
      {pending.map((p) => {
        const others = pending.filter((o) => o.id !== p.id && o.districtId === p.districtId);
        return (
          <section key={p.id} id={`project-${p.code}`} aria-labelledby={`title-${p.id}`} class="card">
            <h3 id={`title-${p.id}`}>
              {p.code} · {pickText(p.title, ctx.locale)}
            </h3>
            <p>
              {districtName(p.districtId)} ·{' '}
              {t('budgeting.project.cost', { cost: money(ctx, cycle, p.estimatedCost) })}
              {p.location ? <> · {t('budgeting.project.location', { location: p.location })}</> : null}
            </p>
            <p>{pickText(p.description, ctx.locale)}</p>
            <MergeStatus ctx={ctx} requests={merges.filter((m) => m.sourceId === p.id)} />
            {cycle.phase === 'review' ? (
              <>
                <ReviewForm ctx={ctx} project={p} form={form} />
                {others.length ? <MergeForm ctx={ctx} project={p} others={others} form={form} /> : null}
              </>
            ) : null}
          </section>
        );
      })}
      <h2>{t('budgeting.staff.decided')}</h2>
      <DataTable
        columns={[
          t('budgeting.results.project'),
          t('budgeting.results.outcome'),
          t('budgeting.results.cost'),
        ]}
        rows={decided.map((p) => ({
          key: p.id,
          head: `${p.code} · ${pickText(p.title, ctx.locale)}`,
          cells: [
            <>
              {t(`budgeting.project.status.${p.status}`)}
              {p.rejectionReason ? <> — {pickText(p.rejectionReason, ctx.locale)}</> : null}
            </>,
            money(ctx, cycle, p.estimatedCost),
          ],
        }))}
      />
    </Layout>
  );
}

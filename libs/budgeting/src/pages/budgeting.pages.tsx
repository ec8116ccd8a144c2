import {
  CsrfField,
  ErrorSummary,
  Field,
  FieldError,
  Layout,
  LocalizedText,
  LocalizedTextFields,
  PageContext,
  pickText,
  ProgressBar,
} from '@chartuloba/platform';
import type { ProjectResult, TallyResult } from '../domain/tally.rules';
import type {
  BallotRow,
  CycleRow,
  DistrictRow,
  ProjectRow,
  StoredResult,
  UpdateRow,
} from '../repositories/budgeting.rows';
import type { PhotoView } from '../services/attachments.service';
import { MAX_ATTACHMENTS } from '../budgeting.files';
import type { ReceiptCheck } from '../services/ballots.service';
import { AttachmentInputs, UpdatePhotos } from './files.parts';

export function money(ctx: PageContext, cycle: CycleRow, units: number): string {
  if (cycle.currency === 'GEL' && cycle.unitsPerCurrency === 1) {
    return ctx.i18n.formatGel(ctx.locale, units * 100);
  }
  return `${ctx.i18n.formatNumber(ctx.locale, units / cycle.unitsPerCurrency)} ${cycle.currency}`;
}

function BallotRulesText({ ctx, cycle }: { ctx: PageContext; cycle: CycleRow }) {
  return (
    <>
      {ctx.t(`budgeting.ballot-type.${cycle.ballotType}`, {
        k: cycle.ballotK ?? 0,
        points: cycle.ballotPoints ?? 0,
      })}
    </>
  );
}

export function CycleListPage({ ctx, cycles }: { ctx: PageContext; cycles: CycleRow[] }) {
  const title = ctx.t('budgeting.list.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{ctx.t('budgeting.list.intro')}</p>
      {cycles.length === 0 ? <p>{ctx.t('budgeting.list.empty')}</p> : null}
      <ul class="cards">
        {cycles.map((cycle) => (
          <li key={cycle.id}>
            <h2>
              <a href={`/budgeting/${cycle.id}`}>{pickText(cycle.title, ctx.locale)}</a>
            </h2>
            <p>
              <span class="badge">{ctx.t(`budgeting.phase.${cycle.phase}`)}</span>{' '}
              {money(ctx, cycle, cycle.totalBudget)}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/budgeting/receipt">{ctx.t('budgeting.receipt.title')}</a>
      </p>
    </Layout>
  );
}

function ProjectItem({ ctx, cycle, project }: { ctx: PageContext; cycle: CycleRow; project: ProjectRow }) {
  const description = pickText(project.description, ctx.locale);
  return (
    <li id={`project-${project.code}`}>
      <h4>
        {cycle.imported ? (
          <>
            {project.code} · {pickText(project.title, ctx.locale)}
          </>
        ) : (
          <a href={`/budgeting/projects/${project.id}`}>
            {project.code} · {pickText(project.title, ctx.locale)}
          </a>
        )}
      </h4>
      <p>
        <span class="badge">{ctx.t(`budgeting.project.status.${project.status}`)}</span>{' '}
        {ctx.t('budgeting.project.cost', { cost: money(ctx, cycle, project.estimatedCost) })}
        {cycle.imported ? null : <> · {ctx.t('budgeting.project.supports', { count: project.supports })}</>}
      </p>
      {description ? <p>{description}</p> : null}
      {project.location ? <p>{ctx.t('budgeting.project.location', { location: project.location })}</p> : null}
      {cycle.phase === 'proposals' && ctx.actor ? (
        <form method="post" action={`/budgeting/projects/${project.id}/support`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="secondary">
            {ctx.t('budgeting.project.support')}
          </button>
        </form>
      ) : null}
      {project.status === 'rejected' && project.rejectionReason ? (
        <p>{ctx.t('budgeting.project.reason', { reason: pickText(project.rejectionReason, ctx.locale) })}</p>
      ) : null}
    </li>
  );
}

export function CyclePage(props: {
  ctx: PageContext;
  cycle: CycleRow;
  districts: DistrictRow[];
  projects: ProjectRow[];
  votable: DistrictRow[];
}) {
  const { ctx, cycle, districts, projects, votable } = props;
  const { t } = ctx;
  const title = pickText(cycle.title, ctx.locale);
  const rules = pickText(cycle.rules, ctx.locale);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {cycle.imported ? <p>{t('budgeting.cycle.imported')}</p> : null}
      <dl class="facts">
        <dt>{t('budgeting.cycle.phase')}</dt>
        <dd>{t(`budgeting.phase.${cycle.phase}`)}</dd>
        <dt>{t('budgeting.cycle.budget')}</dt>
        <dd>{money(ctx, cycle, cycle.totalBudget)}</dd>
        <dt>{t('budgeting.cycle.ballot')}</dt>
        <dd>
          <BallotRulesText ctx={ctx} cycle={cycle} />
        </dd>
        <dt>{t('budgeting.cycle.rule')}</dt>
        <dd>
          {cycle.outcomeRule === 'greedy'
            ? t('budgeting.rule.greedy')
            : t('budgeting.rule.other', { rule: cycle.outcomeRule })}{' '}
          {t(`budgeting.tie-break.${cycle.tieBreak}`)}
        </dd>
        {cycle.votingFrom && cycle.votingUntil ? (
          <>
            <dt>{t('budgeting.cycle.dates')}</dt>
            <dd>
              {t('budgeting.cycle.voting-dates', {
                from: ctx.i18n.formatDate(ctx.locale, cycle.votingFrom),
                until: ctx.i18n.formatDate(ctx.locale, cycle.votingUntil),
              })}
            </dd>
          </>
        ) : null}
      </dl>
      {rules ? (
        <>
          <h2>{t('budgeting.cycle.rules')}</h2>
          <p class="rules">{rules}</p>
        </>
      ) : null}
      {cycle.phase === 'voting' && votable.length ? (
        <ul class="actions">
          {votable.map((d) => (
            <li key={d.id}>
              <a class="button" href={`/budgeting/${cycle.id}/vote/${d.id}`}>
                {t('budgeting.cycle.vote-in', { district: pickText(d.name, ctx.locale) })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {cycle.phase === 'published' ? (
        <p>
          <a href={`/budgeting/${cycle.id}/results`}>{t('budgeting.cycle.see-results')}</a>
        </p>
      ) : null}
      {cycle.phase === 'proposals' ? (
        <p>
          <a class="button" href={`/budgeting/${cycle.id}/propose`}>
            {t('budgeting.propose.link')}
          </a>
        </p>
      ) : null}
      <h2>{t('budgeting.cycle.districts')}</h2>
      {districts.map((d) => {
        const own = projects.filter((p) => p.districtId === d.id);
        return (
          <section key={d.id}>
            <h3>
              {pickText(d.name, ctx.locale)} — {money(ctx, cycle, d.budget)}
            </h3>
            {own.length === 0 ? <p>{t('budgeting.cycle.no-projects')}</p> : null}
            <ul class="projects">
              {own.slice(0, 200).map((p) => (
                <ProjectItem key={p.id} ctx={ctx} cycle={cycle} project={p} />
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

export function BallotPage(props: {
  ctx: PageContext;
  cycle: CycleRow;
  district: DistrictRow;
  projects: ProjectRow[];
  ballot: BallotRow | null;
  chosen: Map<string, number>;
  errors?: FieldError[];
}) {
  const { ctx, cycle, district, projects, ballot, chosen, errors } = props;
  const { t } = ctx;
  const title = t('budgeting.vote.title', { district: pickText(district.name, ctx.locale) });
  const knapsack = cycle.ballotType === 'knapsack';
  const cumulative = cycle.ballotType === 'cumulative';
  const total = projects.filter((p) => chosen.has(p.id)).reduce((sum, p) => sum + p.estimatedCost, 0);
  const fieldError = errors?.find((e) => e.field === 'projects');
  return (
    <Layout ctx={ctx} title={title} scripts={knapsack ? ['/assets/budgeting-ballot.js'] : []}>
      <h1>{title}</h1>
      {ballot && !errors?.length ? (
        <div class="confirmation" role="status">
          <p>{t('budgeting.vote.stored', { receipt: ballot.receipt })}</p>
          <p>
            {t('budgeting.vote.stored-at', {
              date: ctx.i18n.formatDate(ctx.locale, new Date(ballot.updatedAt), 'datetime'),
            })}
          </p>
        </div>
      ) : null}
      <p>
        <BallotRulesText ctx={ctx} cycle={cycle} />.{' '}
        {t('budgeting.vote.budget', { budget: money(ctx, cycle, district.budget) })}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/budgeting/${cycle.id}/vote/${district.id}`} class="ballot" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset
          id="projects"
          class={fieldError ? 'field field-error' : 'field'}
          data-budget={String(district.budget)}
          aria-describedby={fieldError ? 'projects-error' : undefined}
        >
          <legend>{t('budgeting.vote.field')}</legend>
          {fieldError ? (
            <p class="error-message" id="projects-error">
              {fieldError.message}
            </p>
          ) : null}
          {projects.map((p) => {
            const id = `project-${p.code}`;
            return (
              <div class="choice" key={p.id}>
                <input
                  type="checkbox"
                  id={id}
                  name="project"
                  value={p.id}
                  checked={chosen.has(p.id)}
                  data-cost={String(p.estimatedCost)}
                />
                <label for={id}>
                  {pickText(p.title, ctx.locale)} — {money(ctx, cycle, p.estimatedCost)}
                </label>
                {cumulative ? (
                  <span class="points">
                    <label for={`points-${p.code}`}>{t('budgeting.vote.points')}</label>
                    <input
                      type="number"
                      min="0"
                      max={String(cycle.ballotPoints ?? 0)}
                      id={`points-${p.code}`}
                      name={`points.${p.id}`}
                      value={chosen.get(p.id) ? String(chosen.get(p.id)) : ''}
                    />
                  </span>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        {knapsack ? (
          <p
            id="running-total"
            aria-live="polite"
            data-locale={ctx.locale}
            data-currency={cycle.currency}
            data-units={String(cycle.unitsPerCurrency)}
            data-total-tpl={t('budgeting.vote.running-total', { total: '{total}', budget: '{budget}' })}
            data-left-tpl={t('budgeting.vote.remaining', { left: '{left}' })}
            data-over-tpl={t('budgeting.vote.over', { over: '{over}' })}
          >
            <span id="total-text">
              {t('budgeting.vote.running-total', {
                total: money(ctx, cycle, total),
                budget: money(ctx, cycle, district.budget),
              })}
            </span>{' '}
            <span id="left-text">
              {total > district.budget
                ? t('budgeting.vote.over', { over: money(ctx, cycle, total - district.budget) })
                : t('budgeting.vote.remaining', { left: money(ctx, cycle, district.budget - total) })}
            </span>
            <ProgressBar value={total} max={district.budget} label={t('budgeting.vote.field')} />
          </p>
        ) : null}
        <p class="hint">{t('budgeting.vote.change-note')}</p>
        <button type="submit">{t('budgeting.vote.submit')}</button>
      </form>
    </Layout>
  );
}

/** Votes per project as horizontal bars, drawn on the server (no script, no image request). */
function ResultChart({
  ctx,
  result,
  names,
}: {
  ctx: PageContext;
  result: TallyResult;
  names: Map<string, string>;
}) {
  const rows = [...result.projects].sort((a, b) => b.score - a.score).slice(0, 40);
  const max = Math.max(1, ...rows.map((r) => r.score));
  const rowHeight = 22;
  const height = rows.length * rowHeight + 4;
  return (
    <svg
      class="chart"
      role="img"
      aria-label={ctx.t('budgeting.results.chart')}
      viewBox={`0 0 640 ${height}`}
      width="100%"
      style="max-width:40rem"
    >
      {rows.map((r, i) => {
        const width = Math.round((r.score / max) * 380);
        const y = i * rowHeight + 2;
        return (
          <g key={r.id}>
            <text x="0" y={y + 15} font-size="12" fill="#1a1a1a">
              {(names.get(r.id) ?? r.id).slice(0, 28)}
            </text>
            <rect
              x="200"
              y={y}
              width={String(Math.max(1, width))}
              height="18"
              fill={r.status === 'selected' ? '#1d4e89' : '#9bb3cf'}
            />
            <text x={String(206 + width)} y={y + 15} font-size="12" fill="#1a1a1a">
              {ctx.i18n.formatNumber(ctx.locale, r.score)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function statusText(ctx: PageContext, project: ProjectResult): string {
  return ctx.t(`budgeting.results.status.${project.status}`);
}

export function ResultsPage(props: {
  ctx: PageContext;
  cycle: CycleRow;
  districts: DistrictRow[];
  projects: ProjectRow[];
  results: StoredResult[];
  updates: UpdateRow[];
  photos: Map<string, PhotoView[]>;
}) {
  const { ctx, cycle, districts, projects, results, updates, photos } = props;
  const { t } = ctx;
  const title = t('budgeting.results.title', { cycle: pickText(cycle.title, ctx.locale) });
  const names = new Map(projects.map((p) => [p.code, pickText(p.title, ctx.locale)]));
  const byCode = new Map(projects.map((p) => [p.code, p]));
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {results.length === 0 ? <p>{t('budgeting.results.not-yet')}</p> : null}
      <p>{t(`budgeting.tie-break.${cycle.tieBreak}`)}</p>
      {districts.map((district) => {
        const stored = results.find((r) => r.districtId === district.id);
        if (!stored) {
          return null;
        }
        const { result } = stored;
        return (
          <section key={district.id}>
            <h2>{pickText(district.name, ctx.locale)}</h2>
            <p>
              {t('budgeting.results.voters', { count: result.voters })} ·{' '}
              {t('budgeting.results.used', {
                used: money(ctx, cycle, result.budgetUsed),
                budget: money(ctx, cycle, result.budget),
              })}
            </p>
            <ProgressBar
              value={result.budgetUsed}
              max={result.budget}
              label={t('budgeting.results.used', {
                used: money(ctx, cycle, result.budgetUsed),
                budget: money(ctx, cycle, result.budget),
              })}
            />
            <ResultChart ctx={ctx} result={result} names={names} />
            <div class="table-scroll">
              <table class="results">
                <thead>
                  <tr>
                    <th scope="col">{t('budgeting.results.project')}</th>
                    <th scope="col">{t('budgeting.results.cost')}</th>
                    <th scope="col">{t('budgeting.results.votes')}</th>
                    <th scope="col">{t('budgeting.results.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...result.projects]
                    .sort((a, b) => b.score - a.score)
                    .map((p) => (
                      <tr key={p.id} class={p.status === 'selected' ? 'selected' : undefined}>
                        <th scope="row">
                          {p.id} · {names.get(p.id) ?? p.id}
                        </th>
                        <td>{money(ctx, cycle, p.cost)}</td>
                        <td>{ctx.i18n.formatNumber(ctx.locale, p.score)}</td>
                        <td>{statusText(ctx, p)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
            <p>
              <a href={`/api/v1/budgeting/cycles/${cycle.id}/districts/${district.id}/export.pb`}>
                {t('budgeting.cycle.export')}
              </a>
            </p>
            {result.selected.some(
              (code) =>
                byCode.get(code)?.progress || updates.some((u) => u.projectId === byCode.get(code)?.id),
            ) ? (
              <>
                <h3>{t('budgeting.results.implementation')}</h3>
                <ul>
                  {result.selected.map((code) => {
                    const project = byCode.get(code);
                    if (!project) {
                      return null;
                    }
                    const own = updates.filter((u) => u.projectId === project.id);
                    return (
                      <li key={code}>
                        <strong>{names.get(code)}</strong>:{' '}
                        {t('budgeting.results.progress', {
                          status: t(`budgeting.impl.${project.implementationStatus}`),
                          progress: project.progress,
                          spent: money(ctx, cycle, project.spent),
                        })}
                        <ProgressBar value={project.progress} max={100} label={`${project.progress}%`} />
                        <ul>
                          {own.map((u) => (
                            <li key={u.id}>
                              <time dateTime={new Date(u.createdAt).toISOString()}>
                                {ctx.i18n.formatDate(ctx.locale, new Date(u.createdAt))}
                              </time>
                              : {pickText(u.note, ctx.locale)}{' '}
                              <UpdatePhotos
                                ctx={ctx}
                                photos={photos.get(u.id)}
                                alt={pickText(u.note, ctx.locale)}
                              />
                            </li>
                          ))}
                        </ul>
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null}
          </section>
        );
      })}
    </Layout>
  );
}

export function ReceiptPage({ ctx, code, check }: { ctx: PageContext; code: string; check?: ReceiptCheck }) {
  const { t } = ctx;
  const title = t('budgeting.receipt.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('budgeting.receipt.intro')}</p>
      <form method="get" action="/budgeting/receipt">
        <div class="field">
          <label for="code">{t('budgeting.receipt.code')}</label>
          <input type="text" id="code" name="code" value={code} autoComplete="off" />
        </div>
        <button type="submit">{t('budgeting.receipt.check')}</button>
      </form>
      {check ? (
        <p role="status" class={check.found ? 'ok' : undefined}>
          {!check.found
            ? t('budgeting.receipt.not-found')
            : check.counted
              ? t('budgeting.receipt.counted')
              : t('budgeting.receipt.received')}
        </p>
      ) : null}
    </Layout>
  );
}

export function ProposePage(props: {
  ctx: PageContext;
  cycle: CycleRow;
  districts: DistrictRow[];
  values: Record<string, string>;
  title?: LocalizedText;
  description?: LocalizedText;
  errors?: FieldError[];
}) {
  const { ctx, cycle, districts, values, errors } = props;
  const { t } = ctx;
  const heading = t('budgeting.propose.title', { cycle: pickText(cycle.title, ctx.locale) });
  return (
    <Layout ctx={ctx} title={heading}>
      <h1>{heading}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/budgeting/${cycle.id}/propose`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <LocalizedTextFields
          ctx={ctx}
          name="title"
          legend={t('budgeting.propose.name')}
          value={props.title}
          errors={errors}
          required
          maxLength={200}
        />
        <LocalizedTextFields
          ctx={ctx}
          name="description"
          legend={t('budgeting.propose.description')}
          value={props.description}
          errors={errors}
          multiline
          maxLength={4000}
        />
        <Field id="districtId" label={t('budgeting.propose.district')} errors={errors}>
          {(describedBy, invalid) => (
            <select id="districtId" name="districtId" aria-describedby={describedBy} aria-invalid={invalid}>
              {districts.map((d) => (
                <option key={d.id} value={d.id} selected={values['districtId'] === d.id}>
                  {pickText(d.name, ctx.locale)} — {money(ctx, cycle, d.budget)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {cycle.categories.length ? (
          <Field id="category" label={t('budgeting.propose.category')} errors={errors}>
            {(describedBy, invalid) => (
              <select id="category" name="category" aria-describedby={describedBy} aria-invalid={invalid}>
                {cycle.categories.map((c) => (
                  <option key={c.key} value={c.key} selected={values['category'] === c.key}>
                    {pickText(c.name, ctx.locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field id="estimatedCost" label={t('budgeting.propose.cost')} errors={errors}>
          {(describedBy, invalid) => (
            <input
              type="number"
              id="estimatedCost"
              name="estimatedCost"
              min="1"
              value={values['estimatedCost'] ?? ''}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <Field id="location" label={t('budgeting.propose.location')} errors={errors}>
          {(describedBy) => (
            <input
              type="text"
              id="location"
              name="location"
              value={values['location'] ?? ''}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <fieldset>
          <legend>{t('budgeting.files.legend')}</legend>
          <p class="hint">{t('budgeting.files.propose-hint', { max: MAX_ATTACHMENTS })}</p>
          <AttachmentInputs
            ctx={ctx}
            fileField="attachment"
            captionField="attachmentCaption"
            caption={values['attachmentCaption'] ?? ''}
            errors={errors ?? []}
          />
        </fieldset>
        <button type="submit">{t('budgeting.propose.submit')}</button>
      </form>
    </Layout>
  );
}

import {
  CsrfField,
  ErrorSummary,
  Field,
  FormState,
  Layout,
  LocalizedTextFields,
  PageContext,
  parseLocalizedText,
  pickText,
  ProgressBar,
} from '@chartuloba/platform';
import type { CycleRow, DistrictRow, ProjectRow } from '../../repositories/budgeting.rows';
import type { PaperOutcome } from '../../services/ballots.service';
import { money } from '../budgeting.pages';
import type { ProjectForm } from './admin-review.pages';
import { StaffNav } from './admin-review.pages';

export const PAPER_OUTCOMES: readonly PaperOutcome[] = [
  'stored',
  'kept-earlier-online',
  'replaced-later-online',
];

/**
 * Data entry at a polling station's list: the district stays chosen, the cursor starts on the ballot number,
 * and choices are typed as project codes, so a clerk enters ballot after ballot without the mouse.
 */
export function PaperEntryPage(props: {
  ctx: PageContext;
  cycle: CycleRow;
  districts: DistrictRow[];
  district: DistrictRow | undefined;
  projects: ProjectRow[];
  form: FormState;
  last?: { paperNumber: string; outcome: PaperOutcome };
}) {
  const { ctx, cycle, districts, district, projects, form, last } = props;
  const { t } = ctx;
  const title = t('budgeting.staff.paper-title', { cycle: pickText(cycle.title, ctx.locale) });
  const cumulative = cycle.ballotType === 'cumulative';
  const base = `/admin/budgeting/${cycle.id}/paper`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <StaffNav ctx={ctx} cycle={cycle} />
      {last ? (
        <p role="status" class={last.outcome === 'stored' ? 'confirmation' : 'confirmation warning'}>
          {t(`budgeting.staff.paper-outcome.${last.outcome}`, { number: last.paperNumber })}
        </p>
      ) : null}
      <form method="get" action={base}>
        <Field id="district" label={t('budgeting.propose.district')}>
          {() => (
            <select id="district" name="district">
              {districts.map((d) => (
                <option key={d.id} value={d.id} selected={district?.id === d.id}>
                  {pickText(d.name, ctx.locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="secondary">
          {t('budgeting.staff.choose-district')}
        </button>
      </form>
      {district ? (
        <>
          <h2>{pickText(district.name, ctx.locale)}</h2>
          <table>
            <caption>{t('budgeting.staff.codes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budgeting.staff.code')}</th>
                <th scope="col">{t('budgeting.results.project')}</th>
                <th scope="col">{t('budgeting.results.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.code}</th>
                  <td>{pickText(p.title, ctx.locale)}</td>
                  <td>{money(ctx, cycle, p.estimatedCost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ErrorSummary ctx={ctx} errors={form.errors} />
          <form method="post" action={base} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="districtId" value={district.id} />
            <Field id="paperNumber" label={t('budgeting.admin.paper-number')} errors={form.errors}>
              {(describedBy, invalid) => (
                <input
                  type="text"
                  id="paperNumber"
                  name="paperNumber"
                  autoFocus
                  autoComplete="off"
                  maxLength={40}
                  value={form.values['paperNumber'] ?? ''}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
            <Field id="personalNumber" label={t('budgeting.staff.personal-number')} errors={form.errors}>
              {(describedBy, invalid) => (
                <input
                  type="text"
                  inputMode="numeric"
                  id="personalNumber"
                  name="personalNumber"
                  autoComplete="off"
                  maxLength={20}
                  value={form.values['personalNumber'] ?? ''}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
            <Field
              id="projects"
              label={t('budgeting.staff.choices')}
              hint={cumulative ? t('budgeting.staff.choices-points-hint') : t('budgeting.staff.choices-hint')}
              errors={form.errors}
            >
              {(describedBy, invalid) => (
                <input
                  type="text"
                  id="projects"
                  name="choices"
                  autoComplete="off"
                  value={form.values['choices'] ?? ''}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
            <Field
              id="castAt"
              label={t('budgeting.staff.cast-at')}
              hint={t('budgeting.staff.cast-at-hint')}
              errors={form.errors}
            >
              {(describedBy, invalid) => (
                <input
                  type="datetime-local"
                  id="castAt"
                  name="castAt"
                  value={form.values['castAt'] ?? ''}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
            <button type="submit">{t('budgeting.staff.paper-submit')}</button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

const IMPLEMENTATION = ['not-started', 'in-progress', 'completed', 'cancelled'] as const;

/** Accountability: each funded project's status, progress and spending, with dated public updates. */
export function ImplementationPage(props: {
  ctx: PageContext;
  cycle: CycleRow;
  projects: ProjectRow[];
  form?: ProjectForm;
}) {
  const { ctx, cycle, projects, form } = props;
  const { t } = ctx;
  const title = t('budgeting.staff.implementation-title', { cycle: pickText(cycle.title, ctx.locale) });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <StaffNav ctx={ctx} cycle={cycle} />
      {projects.length === 0 ? <p>{t('budgeting.staff.no-funded')}</p> : null}
      {projects.map((p) => {
        const mine = form?.projectId === p.id ? form : undefined;
        const values = mine?.values ?? {};
        const errors = (mine?.errors ?? []).map((e) => ({ ...e }));
        const field = (name: string) => `${name}-${p.id}`;
        const value = (name: string, fallback: string) => values[name] ?? fallback;
        return (
          <section key={p.id} aria-labelledby={`impl-${p.id}`} class="card">
            <h2 id={`impl-${p.id}`}>
              {p.code} · {pickText(p.title, ctx.locale)}
            </h2>
            <p>
              {t('budgeting.results.progress', {
                status: t(`budgeting.impl.${p.implementationStatus}`),
                progress: p.progress,
                spent: money(ctx, cycle, p.spent),
              })}
            </p>
            <ProgressBar value={p.progress} max={100} label={`${p.progress}%`} />
            <form method="post" action={`/admin/budgeting/projects/${p.id}/updates`} novalidate>
              <CsrfField ctx={ctx} />
              <ErrorSummary ctx={ctx} errors={errors} />
              <Field id={field('status')} label={t('budgeting.staff.impl-status')} errors={errors}>
                {(describedBy, invalid) => (
                  <select
                    id={field('status')}
                    name="status"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  >
                    {IMPLEMENTATION.map((s) => (
                      <option key={s} value={s} selected={value('status', p.implementationStatus) === s}>
                        {t(`budgeting.impl.${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={field('progress')} label={t('budgeting.staff.progress')} errors={errors}>
                {(describedBy, invalid) => (
                  <input
                    type="number"
                    inputMode="numeric"
                    min="0"
                    max="100"
                    id={field('progress')}
                    name="progress"
                    value={value('progress', String(p.progress))}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
              <Field id={field('spent')} label={t('budgeting.staff.spent')} errors={errors}>
                {(describedBy, invalid) => (
                  <input
                    type="number"
                    inputMode="numeric"
                    min="0"
                    id={field('spent')}
                    name="spent"
                    value={value('spent', String(p.spent))}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
              <LocalizedTextFields
                ctx={ctx}
                name={field('note')}
                legend={t('budgeting.staff.update-note')}
                value={parseLocalizedText(values, field('note'))}
                errors={errors}
                multiline
                required
                maxLength={4000}
              />
              <Field
                id={field('photoUrl')}
                label={t('budgeting.staff.photo-link')}
                hint={t('budgeting.staff.photo-link-hint')}
                errors={errors}
              >
                {(describedBy, invalid) => (
                  <input
                    type="url"
                    id={field('photoUrl')}
                    name="photoUrl"
                    maxLength={500}
                    value={value('photoUrl', '')}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
              <button type="submit">{t('budgeting.staff.publish-update')}</button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}

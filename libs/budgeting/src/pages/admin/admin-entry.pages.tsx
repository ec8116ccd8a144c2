import {
  CsrfField,
  ErrorSummary,
  DataTable,
  FormState,
  InputField,
  Layout,
  LocalizedTextFields,
  PageContext,
  parseLocalizedText,
  pickText,
  ProgressBar,
  SelectField,
} from '@chartuloba/platform';
import type { CycleRow, DistrictRow, ProjectRow } from '../../repositories/budgeting.rows';
import type { PaperOutcome } from '../../services/ballots.service';
import { money } from '../budgeting.pages';
import { FileField } from '../files.parts';
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
        <SelectField
          id="district"
          label={t('budgeting.propose.district')}
          value={district?.id}
          options={districts.map((d) => ({ value: d.id, label: pickText(d.name, ctx.locale) }))}
        />
        <button type="submit" class="secondary">
          {t('budgeting.staff.choose-district')}
        </button>
      </form>
      {district ? (
        <>
          <h2>{pickText(district.name, ctx.locale)}</h2>
          <DataTable
            caption={t('budgeting.staff.codes')}
            columns={[t('budgeting.staff.code'), t('budgeting.results.project'), t('budgeting.results.cost')]}
            rows={projects.map((p) => ({
              key: p.id,
              head: p.code,
              cells: [pickText(p.title, ctx.locale), money(ctx, cycle, p.estimatedCost)],
            }))}
          />
          <ErrorSummary ctx={ctx} errors={form.errors} />
          <form method="post" action={base} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="districtId" value={district.id} />
            <InputField
              id="paperNumber"
              label={t('budgeting.admin.paper-number')}
              errors={form.errors}
              value={form.values['paperNumber']}
              autoFocus
              autoComplete="off"
              maxLength={40}
            />
            <InputField
              id="personalNumber"
              label={t('budgeting.staff.personal-number')}
              errors={form.errors}
              value={form.values['personalNumber']}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
            />
            <InputField
              id="projects"
              name="choices"
              label={t('budgeting.staff.choices')}
              hint={cumulative ? t('budgeting.staff.choices-points-hint') : t('budgeting.staff.choices-hint')}
              errors={form.errors}
              value={form.values['choices']}
              autoComplete="off"
            />
            <InputField
              type="datetime-local"
              id="castAt"
              label={t('budgeting.staff.cast-at')}
              hint={t('budgeting.staff.cast-at-hint')}
              errors={form.errors}
              value={form.values['castAt']}
            />
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
            <form
              method="post"
              action={`/admin/budgeting/projects/${p.id}/updates`}
              enctype="multipart/form-data"
              novalidate
            >
              <CsrfField ctx={ctx} />
              <ErrorSummary ctx={ctx} errors={errors} />
              <SelectField
                id={field('status')}
                name="status"
                label={t('budgeting.staff.impl-status')}
                errors={errors}
                value={value('status', p.implementationStatus)}
                options={IMPLEMENTATION.map((s) => ({ value: s, label: t(`budgeting.impl.${s}`) }))}
              />
              <InputField
                type="number"
                id={field('progress')}
                name="progress"
                label={t('budgeting.staff.progress')}
                errors={errors}
                value={value('progress', String(p.progress))}
                max="100"
              />
              <InputField
                type="number"
                id={field('spent')}
                name="spent"
                label={t('budgeting.staff.spent')}
                errors={errors}
                value={value('spent', String(p.spent))}
              />
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
              <FileField
                id={field('photo')}
                name="photo"
                label={t('budgeting.staff.photo')}
                hint={t('budgeting.staff.photo-hint')}
                errors={errors}
                imagesOnly
              />
              <button type="submit">{t('budgeting.staff.publish-update')}</button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}

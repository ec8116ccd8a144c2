import {
  CsrfField,
  ErrorSummary,
  DataTable,
  FormState,
  InputField,
  Layout,
  PageContext,
  pickText,
  SelectField,
} from '@chartuloba/platform';
import type { CycleRow, DistrictRow, ProjectRow } from '../../repositories/budgeting.rows';
import type { PaperOutcome } from '../../services/ballots.service';
import { money } from '../budgeting.pages';
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

import {
  CheckboxField,
  CsrfField,
  DataTable,
  ErrorSummary,
  Field,
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
import { BALLOT_TYPES } from '../../domain/ballot-rules';
import { TALLY_RULES } from '../../domain/tally.rules';
import type { CycleRow } from '../../repositories/budgeting.rows';
import { money } from '../budgeting.pages';

/** Category rows the form offers; a cycle rarely has more (a fifth can be added through the API). */
export const CATEGORY_ROWS = 4;

export interface SettlementOption {
  id: string;
  name: string;
}

export function AdminCycleListPage(props: { ctx: PageContext; cycles: CycleRow[]; importForm: FormState }) {
  const { ctx, cycles, importForm } = props;
  const { t } = ctx;
  const title = t('budgeting.staff.list-title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <a class="button" href="/admin/budgeting/new">
          {t('budgeting.staff.new')}
        </a>
      </p>
      {cycles.length === 0 ? <p>{t('budgeting.list.empty')}</p> : null}
      <DataTable
        columns={[t('budgeting.staff.cycle'), t('budgeting.cycle.phase'), t('budgeting.cycle.budget')]}
        rows={cycles.map((c) => ({
          key: c.id,
          head: <a href={`/admin/budgeting/${c.id}`}>{pickText(c.title, ctx.locale)}</a>,
          cells: [t(`budgeting.phase.${c.phase}`), money(ctx, c, c.totalBudget)],
        }))}
      />
      <h2 id="import-title">{t('budgeting.staff.import-title')}</h2>
      <p>{t('budgeting.staff.import-intro')}</p>
      <ErrorSummary ctx={ctx} errors={importForm.errors} />
      <form method="post" action="/admin/budgeting/import" aria-labelledby="import-title" novalidate>
        <CsrfField ctx={ctx} />
        <Field id="text" label={t('budgeting.staff.import-text')} errors={importForm.errors}>
          {(describedBy, invalid) => (
            <textarea
              id="text"
              name="text"
              rows={8}
              spellcheck={false}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            >
              {importForm.values['text'] ?? ''}
            </textarea>
          )}
        </Field>
        <SelectField
          id="rule"
          label={t('budgeting.staff.outcome-rule')}
          value={importForm.values['rule']}
          options={[
            { value: '', label: t('budgeting.staff.rule-from-file') },
            ...TALLY_RULES.map((r) => ({ value: r, label: r })),
          ]}
        />
        <button type="submit">{t('budgeting.staff.import-submit')}</button>
      </form>
    </Layout>
  );
}

/**
 * Create a cycle, or edit one (`cycleId`): every rule of it on one page, so staff see the whole set before
 * it is published. Once proposals have started, the service refuses changes to anything but title and rules.
 */
export function CycleFormPage(props: {
  ctx: PageContext;
  settlements: SettlementOption[];
  form: FormState;
  cycleId?: string;
  started?: boolean;
}) {
  const { ctx, settlements, form, cycleId, started } = props;
  const { t } = ctx;
  const title = cycleId ? t('budgeting.staff.edit') : t('budgeting.staff.new');
  const { values, errors } = form;
  const number = (id: string, label: string, extra: { hint?: string; min?: string } = {}) => (
    <InputField type="number" id={id} label={label} value={values[id]} errors={errors} {...extra} />
  );
  const choice = (id: string, label: string, options: { value: string; label: string }[]) => (
    <SelectField id={id} label={label} value={values[id]} errors={errors} options={options} />
  );
  const date = (id: string, label: string) => (
    <InputField type="datetime-local" id={id} label={label} value={values[id]} errors={errors} />
  );
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {started ? <p role="status">{t('budgeting.staff.edit-started')}</p> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={cycleId ? `/admin/budgeting/${cycleId}/edit` : '/admin/budgeting/new'}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <LocalizedTextFields
          ctx={ctx}
          name="title"
          legend={t('budgeting.staff.title')}
          value={parseLocalizedText(values, 'title')}
          errors={errors}
          required
          maxLength={200}
        />
        <LocalizedTextFields
          ctx={ctx}
          name="rules"
          legend={t('budgeting.staff.rules')}
          value={parseLocalizedText(values, 'rules')}
          errors={errors}
          multiline
          maxLength={8000}
        />
        {number('totalBudget', t('budgeting.staff.total'), { min: '1' })}
        <FieldGroup
          id="districtBudgets"
          legend={t('budgeting.staff.districts')}
          hint={t('budgeting.staff.districts-hint')}
          errors={errors}
        >
          {settlements.map((s) => (
            <div class="localized-row" key={s.id}>
              <label for={`district.${s.id}`}>{s.name}</label>
              <input
                type="number"
                inputMode="numeric"
                min="0"
                id={`district.${s.id}`}
                name={`district.${s.id}`}
                value={values[`district.${s.id}`] ?? ''}
              />
            </div>
          ))}
        </FieldGroup>
        {number('municipalBudget', t('budgeting.staff.municipal'), {
          hint: t('budgeting.staff.municipal-hint'),
          min: '1',
        })}
        {number('maxProjectCost', t('budgeting.staff.max-cost'), { min: '1' })}
        <FieldGroup
          id="categories"
          legend={t('budgeting.staff.categories')}
          hint={t('budgeting.staff.categories-hint')}
          errors={errors}
        >
          {Array.from({ length: CATEGORY_ROWS }, (_, i) => (
            <div class="localized-row" key={i}>
              <label for={`cat.${i}.key`}>{t('budgeting.staff.category-key', { n: i + 1 })}</label>
              <input
                type="text"
                id={`cat.${i}.key`}
                name={`cat.${i}.key`}
                maxLength={40}
                value={values[`cat.${i}.key`] ?? ''}
              />
              <LocalizedTextFields
                ctx={ctx}
                name={`cat.${i}`}
                legend={t('budgeting.staff.category-name', { n: i + 1 })}
                value={parseLocalizedText(values, `cat.${i}`)}
                maxLength={80}
              />
            </div>
          ))}
        </FieldGroup>
        <CheckboxField
          id="proposeRequiresResident"
          label={t('budgeting.staff.residents-only')}
          checked={values['proposeRequiresResident'] === 'yes'}
        />
        {number('minVoterAge', t('budgeting.staff.min-age'))}
        {choice(
          'ballotType',
          t('budgeting.staff.ballot-type'),
          BALLOT_TYPES.map((b) => ({
            value: b,
            label: t(`budgeting.ballot-type.${b}`, { k: 'k', points: 'n' }),
          })),
        )}
        {number('ballotK', t('budgeting.staff.k'), { hint: t('budgeting.staff.k-hint'), min: '1' })}
        {number('ballotPoints', t('budgeting.staff.points'), {
          hint: t('budgeting.staff.points-hint'),
          min: '1',
        })}
        {choice(
          'outcomeRule',
          t('budgeting.staff.outcome-rule'),
          TALLY_RULES.map((r) => ({ value: r, label: r === 'greedy' ? t('budgeting.rule.greedy') : r })),
        )}
        {number('minScore', t('budgeting.staff.min-score'), { hint: t('budgeting.staff.min-score-hint') })}
        {choice(
          'tieBreak',
          t('budgeting.staff.tie-break'),
          (['cheaper-first', 'project-id'] as const).map((v) => ({
            value: v,
            label: t(`budgeting.tie-break.${v}`),
          })),
        )}
        <CheckboxField
          id="needsCouncil"
          label={t('budgeting.staff.needs-council')}
          checked={values['needsCouncil'] === 'yes'}
        />
        <FieldGroup id="dates" legend={t('budgeting.staff.dates')} hint={t('budgeting.staff.dates-hint')}>
          {date('proposalsFrom', t('budgeting.staff.proposals-from'))}
          {date('reviewFrom', t('budgeting.staff.review-from'))}
          {date('votingFrom', t('budgeting.staff.voting-from'))}
          {date('votingUntil', t('budgeting.staff.voting-until'))}
        </FieldGroup>
        <button type="submit">{cycleId ? t('budgeting.staff.save') : t('budgeting.staff.create')}</button>
      </form>
    </Layout>
  );
}

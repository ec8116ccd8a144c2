import {
  CsrfField,
  ErrorSummary,
  Field,
  FieldError,
  FormState,
  Layout,
  LocalizedTextFields,
  PageContext,
  parseLocalizedText,
  pickText,
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

function NumberField(props: {
  ctx: PageContext;
  id: string;
  label: string;
  hint?: string;
  form: FormState;
  min?: string;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} errors={props.form.errors}>
      {(describedBy, invalid) => (
        <input
          type="number"
          inputMode="numeric"
          id={props.id}
          name={props.id}
          min={props.min ?? '0'}
          value={props.form.values[props.id] ?? ''}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </Field>
  );
}

function DateField(props: { id: string; label: string; form: FormState; hint?: string }) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} errors={props.form.errors}>
      {(describedBy, invalid) => (
        <input
          type="datetime-local"
          id={props.id}
          name={props.id}
          value={props.form.values[props.id] ?? ''}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        />
      )}
    </Field>
  );
}

function Choice(props: {
  id: string;
  label: string;
  form: FormState;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <Field id={props.id} label={props.label} errors={props.form.errors}>
      {(describedBy, invalid) => (
        <select id={props.id} name={props.id} aria-describedby={describedBy} aria-invalid={invalid}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value} selected={props.form.values[props.id] === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function AdminCycleListPage(props: { ctx: PageContext; cycles: CycleRow[]; importForm: FormState }) {
  const { ctx, cycles, importForm } = props;
  const { t } = ctx;
  const title = t('budgeting.staff.list-title');
  const fileError = importForm.errors.find((e) => e.field === 'text');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <a class="button" href="/admin/budgeting/new">
          {t('budgeting.staff.new')}
        </a>
      </p>
      {cycles.length === 0 ? <p>{t('budgeting.list.empty')}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('budgeting.staff.cycle')}</th>
            <th scope="col">{t('budgeting.cycle.phase')}</th>
            <th scope="col">{t('budgeting.cycle.budget')}</th>
          </tr>
        </thead>
        <tbody>
          {cycles.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <a href={`/admin/budgeting/${c.id}`}>{pickText(c.title, ctx.locale)}</a>
              </th>
              <td>{t(`budgeting.phase.${c.phase}`)}</td>
              <td>{money(ctx, c, c.totalBudget)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="import-title">{t('budgeting.staff.import-title')}</h2>
      <p>{t('budgeting.staff.import-intro')}</p>
      <ErrorSummary ctx={ctx} errors={importForm.errors} />
      <form method="post" action="/admin/budgeting/import" aria-labelledby="import-title" novalidate>
        <CsrfField ctx={ctx} />
        <div class={fileError ? 'field field-error' : 'field'}>
          <label for="text">{t('budgeting.staff.import-text')}</label>
          {fileError ? (
            <p class="error-message" id="text-error">
              {fileError.message}
            </p>
          ) : null}
          <textarea
            id="text"
            name="text"
            rows={8}
            spellcheck={false}
            aria-describedby={fileError ? 'text-error' : undefined}
            aria-invalid={fileError ? true : undefined}
          >
            {importForm.values['text'] ?? ''}
          </textarea>
        </div>
        <Choice
          id="rule"
          label={t('budgeting.staff.outcome-rule')}
          form={importForm}
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

/** Create a cycle: every rule of it on one page, so staff see the whole set before it is published. */
export function CycleFormPage(props: { ctx: PageContext; settlements: SettlementOption[]; form: FormState }) {
  const { ctx, settlements, form } = props;
  const { t } = ctx;
  const title = t('budgeting.staff.new');
  const { values, errors } = form;
  const districtError = errors.filter((e: FieldError) => e.field.startsWith('districtBudgets'));
  const categoryError = errors.filter((e: FieldError) => e.field.startsWith('categories'));
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/admin/budgeting/new" novalidate>
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
        <NumberField ctx={ctx} id="totalBudget" label={t('budgeting.staff.total')} form={form} min="1" />
        <fieldset
          id="districtBudgets"
          class={districtError.length ? 'field field-error' : 'field'}
          aria-describedby={districtError.length ? 'districtBudgets-error' : 'districtBudgets-hint'}
        >
          <legend>{t('budgeting.staff.districts')}</legend>
          <p class="hint" id="districtBudgets-hint">
            {t('budgeting.staff.districts-hint')}
          </p>
          {districtError.length ? (
            <p class="error-message" id="districtBudgets-error">
              {districtError.map((e) => e.message).join(' ')}
            </p>
          ) : null}
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
        </fieldset>
        <NumberField
          ctx={ctx}
          id="municipalBudget"
          label={t('budgeting.staff.municipal')}
          hint={t('budgeting.staff.municipal-hint')}
          form={form}
          min="1"
        />
        <NumberField
          ctx={ctx}
          id="maxProjectCost"
          label={t('budgeting.staff.max-cost')}
          form={form}
          min="1"
        />
        <fieldset
          id="categories"
          class={categoryError.length ? 'field field-error' : 'field'}
          aria-describedby={categoryError.length ? 'categories-error' : 'categories-hint'}
        >
          <legend>{t('budgeting.staff.categories')}</legend>
          <p class="hint" id="categories-hint">
            {t('budgeting.staff.categories-hint')}
          </p>
          {categoryError.length ? (
            <p class="error-message" id="categories-error">
              {categoryError.map((e) => e.message).join(' ')}
            </p>
          ) : null}
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
        </fieldset>
        <div class="field">
          <input
            type="checkbox"
            id="proposeRequiresResident"
            name="proposeRequiresResident"
            value="yes"
            checked={values['proposeRequiresResident'] === 'yes'}
          />
          <label for="proposeRequiresResident">{t('budgeting.staff.residents-only')}</label>
        </div>
        <NumberField ctx={ctx} id="minVoterAge" label={t('budgeting.staff.min-age')} form={form} />
        <Choice
          id="ballotType"
          label={t('budgeting.staff.ballot-type')}
          form={form}
          options={BALLOT_TYPES.map((b) => ({
            value: b,
            label: t(`budgeting.ballot-type.${b}`, { k: 'k', points: 'n' }),
          }))}
        />
        <NumberField
          ctx={ctx}
          id="ballotK"
          label={t('budgeting.staff.k')}
          hint={t('budgeting.staff.k-hint')}
          form={form}
          min="1"
        />
        <NumberField
          ctx={ctx}
          id="ballotPoints"
          label={t('budgeting.staff.points')}
          hint={t('budgeting.staff.points-hint')}
          form={form}
          min="1"
        />
        <Choice
          id="outcomeRule"
          label={t('budgeting.staff.outcome-rule')}
          form={form}
          options={TALLY_RULES.map((r) => ({
            value: r,
            label: r === 'greedy' ? t('budgeting.rule.greedy') : r,
          }))}
        />
        <NumberField
          ctx={ctx}
          id="minScore"
          label={t('budgeting.staff.min-score')}
          hint={t('budgeting.staff.min-score-hint')}
          form={form}
        />
        <Choice
          id="tieBreak"
          label={t('budgeting.staff.tie-break')}
          form={form}
          options={(['cheaper-first', 'project-id'] as const).map((v) => ({
            value: v,
            label: t(`budgeting.tie-break.${v}`),
          }))}
        />
        <div class="field">
          <input
            type="checkbox"
            id="needsCouncil"
            name="needsCouncil"
            value="yes"
            checked={values['needsCouncil'] === 'yes'}
          />
          <label for="needsCouncil">{t('budgeting.staff.needs-council')}</label>
        </div>
        <fieldset class="field" aria-describedby="dates-hint">
          <legend>{t('budgeting.staff.dates')}</legend>
          <p class="hint" id="dates-hint">
            {t('budgeting.staff.dates-hint')}
          </p>
          <DateField id="proposalsFrom" label={t('budgeting.staff.proposals-from')} form={form} />
          <DateField id="reviewFrom" label={t('budgeting.staff.review-from')} form={form} />
          <DateField id="votingFrom" label={t('budgeting.staff.voting-from')} form={form} />
          <DateField id="votingUntil" label={t('budgeting.staff.voting-until')} form={form} />
        </fieldset>
        <button type="submit">{t('budgeting.staff.create')}</button>
      </form>
    </Layout>
  );
}

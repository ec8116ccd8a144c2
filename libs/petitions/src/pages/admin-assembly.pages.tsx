import {
  CsrfField,
  ErrorSummary,
  Field,
  FormState,
  InputField,
  Layout,
  PageContext,
  pickText,
  SelectField,
  Settlement,
} from '@chartuloba/platform';
import { PETITION_STYLES, PetitionTextFields } from './common';

export function AssemblyFormPage(props: { ctx: PageContext; settlements: Settlement[]; form: FormState }) {
  const { ctx, form } = props;
  const { t } = ctx;
  const { values } = form;
  return (
    <Layout ctx={ctx} title={t('petitions.admin.assembly-new')} styles={PETITION_STYLES}>
      <h1>{t('petitions.admin.assembly-new')}</h1>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form method="post" action="/admin/petitions/assembly" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          id="settlementId"
          label={t('petitions.admin.settlement')}
          errors={form.errors}
          value={values['settlementId']}
          options={props.settlements.map((s) => ({ value: s.id, label: pickText(s.name, ctx.locale) }))}
        />
        <PetitionTextFields ctx={ctx} form={form} />
        <InputField
          id="authorName"
          label={t('petitions.admin.chair')}
          errors={form.errors}
          value={values['authorName']}
        />
        <Field id="minutes" label={t('petitions.admin.minutes')} errors={form.errors}>
          {(describedBy, invalid) => (
            <textarea id="minutes" name="minutes" aria-describedby={describedBy} aria-invalid={invalid}>
              {values['minutes'] ?? ''}
            </textarea>
          )}
        </Field>
        <button type="submit">{t('petitions.admin.record')}</button>
      </form>
    </Layout>
  );
}

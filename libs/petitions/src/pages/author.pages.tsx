import { CsrfField, ErrorSummary, FormState, InputField, Layout, PageContext } from '@chartuloba/platform';
import type { Petition } from '../repositories/petition.row';
import type { PetitionWithCount } from '../repositories/petitions.repository';
import { PETITION_STYLES, PetitionTextFields, Text } from './common';

export function PetitionFormPage(props: {
  ctx: PageContext;
  form: FormState;
  maxOpenDays: number;
  petitionId?: string;
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  const title = t(props.petitionId ? 'petitions.form.edit-title' : 'petitions.form.new-title');
  const { values } = form;
  return (
    <Layout ctx={ctx} title={title} styles={PETITION_STYLES}>
      <h1>{title}</h1>
      <p>{t('petitions.form.intro')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <form
        method="post"
        action={props.petitionId ? `/petitions/${props.petitionId}/edit` : '/petitions/new'}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <PetitionTextFields ctx={ctx} form={form} titleMaxLength={200} />
        <InputField
          id="closesOn"
          type="date"
          label={t('petitions.form.closes-on')}
          hint={t('petitions.form.closes-on-hint', { max: props.maxOpenDays })}
          errors={form.errors}
          value={values['closesOn']}
        />
        <button type="submit">{t('petitions.form.save')}</button>
      </form>
    </Layout>
  );
}

export function MyPetitionsPage(props: {
  ctx: PageContext;
  items: Array<PetitionWithCount & { relation: string }>;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('petitions.mine.title')} styles={PETITION_STYLES}>
      <h1>{t('petitions.mine.title')}</h1>
      {props.items.length === 0 ? <p>{t('petitions.mine.none')}</p> : null}
      <div class="table-scroll">
        <table>
          <tbody>
            {props.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/petitions/${p.id}`}>
                    <Text text={p.title} locale={ctx.locale} />
                  </a>
                </td>
                <td>{t(`petitions.mine.relation.${p.relation}`)}</td>
                <td>{t(`petitions.status.${p.status}`)}</td>
                <td>{t('petitions.signatures', { count: p.signatures })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function JoinPage(props: { ctx: PageContext; petition: Petition; token: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('petitions.form.join')} styles={PETITION_STYLES}>
      <h1>{t('petitions.form.join')}</h1>
      <p>{t('petitions.form.join-intro')}</p>
      <p>
        <strong>
          <Text text={props.petition.title} locale={ctx.locale} />
        </strong>
      </p>
      <form method="post" action={`/petitions/${props.petition.id}/join`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={props.token} />
        <button type="submit">{t('petitions.form.join')}</button>
      </form>
    </Layout>
  );
}

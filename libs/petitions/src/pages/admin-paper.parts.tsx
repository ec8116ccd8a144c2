import { CsrfField, FormState, InputField, PageContext } from '@chartuloba/platform';
import type { Petition } from '../repositories/petition.row';
import type { SignatureRow } from '../repositories/signatures.repository';
import { PostButton } from './admin.parts';

export interface PaperListSummary {
  id: string;
  label: string;
  sampleSeed: string | null;
  sampleSize: number | null;
  signatures: number;
}

/** The paper lists of a petition: their sample, entering the next list's signatures, starting a list. */
export function PaperListsSection(props: {
  ctx: PageContext;
  petition: Petition;
  lists: PaperListSummary[];
  form: FormState;
}) {
  const { ctx, petition } = props;
  const { errors, values } = props.form;
  const { t } = ctx;
  const base = `/admin/petitions/${petition.id}`;
  const collecting = petition.status === 'open' || petition.status === 'threshold-reached';
  const entryList = props.lists.filter((list) => !list.sampleSeed).at(-1);
  return (
    <section>
      <h2>{t('petitions.admin.paper')}</h2>
      <ul>
        {props.lists.map((list) => (
          <li key={list.id}>
            <strong>{list.label}</strong> · {t('petitions.admin.list-signatures', { count: list.signatures })}
            {list.sampleSeed ? (
              <>
                {' · '}
                {t('petitions.admin.sample-seed', {
                  size: list.sampleSize ?? 0,
                  seed: list.sampleSeed,
                })}{' '}
                · <a href={`/admin/petitions/paper-lists/${list.id}`}>{t('petitions.admin.verify')}</a>
              </>
            ) : (
              <>
                <PostButton
                  ctx={ctx}
                  action={`/admin/petitions/paper-lists/${list.id}/sample`}
                  label={t('petitions.admin.draw-sample')}
                  secondary
                />
              </>
            )}
          </li>
        ))}
      </ul>
      {collecting && entryList ? (
        <form method="post" action={`/admin/petitions/paper-lists/${entryList.id}/signatures`}>
          <h3>{entryList.label}</h3>
          <CsrfField ctx={ctx} />
          {(
            [
              ['name', 'petitions.admin.paper-name', 'text'],
              ['personalNumber', 'petitions.admin.paper-number', 'text'],
              ['address', 'petitions.admin.paper-address', 'text'],
              ['signedOn', 'petitions.admin.paper-date', 'date'],
            ] as const
          ).map(([id, label, type]) => (
            <InputField
              key={id}
              id={id}
              type={type}
              label={t(label)}
              errors={errors}
              value={values[id]}
              autoComplete="off"
              inputMode={id === 'personalNumber' ? 'numeric' : undefined}
            />
          ))}
          <button type="submit">{t('petitions.admin.paper-add')}</button>
        </form>
      ) : null}
      {collecting ? (
        <form method="post" action={`${base}/paper-lists`}>
          <CsrfField ctx={ctx} />
          <InputField
            id="label"
            label={t('petitions.admin.list-label')}
            errors={errors}
            value={values['label']}
          />
          <button type="submit" class="secondary">
            {t('petitions.admin.list-create')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Online signatures the abuse checks flagged, each with a form to invalidate it. */
export function FlaggedSignatures({ ctx, flagged }: { ctx: PageContext; flagged: SignatureRow[] }) {
  const { t } = ctx;
  return (
    <section>
      <h2>{t('petitions.admin.flagged')}</h2>
      <div class="table-scroll">
        <table>
          <tbody>
            {flagged.map((s) => (
              <tr key={s.id}>
                <td>{s.initials}</td>
                <td>{ctx.i18n.formatDate(ctx.locale, s.signedAt, 'datetime')}</td>
                <td>{t(`petitions.admin.flag.${s.flagReason ?? 'many-accounts-one-address'}`)}</td>
                <td>
                  <form method="post" action={`/admin/petitions/signatures/${s.id}/invalidate`}>
                    <CsrfField ctx={ctx} />
                    <InputField id={`reason-${s.id}`} name="reason" label={t('petitions.admin.reason')} />
                    <button type="submit" class="danger">
                      {t('petitions.admin.invalidate')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { CsrfField, InputField, Layout, PageContext } from '@chartuloba/platform';
import type { SampledSignature } from '../services/paper.service';
import { PETITION_STYLES } from './common';

export function SampleVerificationPage(props: {
  ctx: PageContext;
  petitionId: string;
  label: string;
  seed: string;
  rows: SampledSignature[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('petitions.admin.verify')} styles={PETITION_STYLES}>
      <p>
        <a href={`/admin/petitions/${props.petitionId}`}>←</a>
      </p>
      <h1>
        {t('petitions.admin.verify')}: {props.label}
      </h1>
      <p class="muted">{t('petitions.admin.sample-seed', { size: props.rows.length, seed: props.seed })}</p>
      <p role="note">{t('petitions.admin.privacy')}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('petitions.admin.paper-name')}</th>
              <th scope="col">{t('petitions.admin.paper-number')}</th>
              <th scope="col">{t('petitions.admin.paper-address')}</th>
              <th scope="col">{t('petitions.admin.paper-date')}</th>
              <th scope="col">{t('petitions.admin.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.id}>
                <td>{row.name}</td>
                <td>{row.personalNumber}</td>
                <td>{row.address}</td>
                <td>{row.signedOn}</td>
                <td>
                  {row.verification ? (
                    t(`petitions.admin.${row.verification}`)
                  ) : (
                    <div class="actions">
                      <form method="post" action={`/admin/petitions/signatures/${row.id}/verify`}>
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="result" value="valid" />
                        <button type="submit" class="secondary">
                          {t('petitions.admin.valid')}
                        </button>
                      </form>
                      <form method="post" action={`/admin/petitions/signatures/${row.id}/verify`}>
                        <CsrfField ctx={ctx} />
                        <input type="hidden" name="result" value="invalid" />
                        <InputField
                          id={`reason-${row.id}`}
                          name="reason"
                          label={t('petitions.admin.reason')}
                        />
                        <button type="submit" class="danger">
                          {t('petitions.admin.invalid')}
                        </button>
                      </form>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

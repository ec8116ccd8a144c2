import { Layout, PageContext, pickText } from '@chartuloba/platform';
import type { Petition } from '../repositories/petition.row';
import { PETITION_STYLES, Text } from './common';

export function CertificatePage(props: {
  ctx: PageContext;
  petition: Petition;
  count: number;
  municipality: string;
}) {
  const { ctx, petition } = props;
  const { t, locale, i18n } = ctx;
  return (
    <Layout ctx={ctx} title={t('petitions.certificate.title')} styles={PETITION_STYLES}>
      {petition.registrationNumber && petition.registeredAt ? (
        <article class="certificate">
          <h1>{t('petitions.certificate.title')}</h1>
          <p class="number">{petition.registrationNumber}</p>
          <p>
            {t('petitions.certificate.body', {
              municipality: props.municipality,
              title: pickText(petition.title, locale),
              number: petition.registrationNumber,
              date: i18n.formatDate(locale, petition.registeredAt),
            })}
          </p>
          <p>
            {petition.threshold !== null
              ? t('petitions.certificate.signatures', { count: props.count, threshold: petition.threshold })
              : t('petitions.certificate.assembly')}
          </p>
          {petition.considerationDueAt ? (
            <p>
              {t('petitions.certificate.due', { date: i18n.formatDate(locale, petition.considerationDueAt) })}
            </p>
          ) : null}
          <p class="no-print">
            <a href={`/petitions/${petition.id}`}>
              <Text text={petition.title} locale={locale} />
            </a>
          </p>
        </article>
      ) : (
        <p>{t('petitions.certificate.not-yet')}</p>
      )}
    </Layout>
  );
}

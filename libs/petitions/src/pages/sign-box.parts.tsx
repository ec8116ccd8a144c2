import { CsrfField, PageContext } from '@chartuloba/platform';
import type { Petition } from '../repositories/petition.row';

export interface SignState {
  signedIn: boolean;
  resident: boolean;
  signature: { status: string; notify: boolean } | null;
  accepts: boolean;
}

/** The detail page's signing box: sign in, sign, withdraw or change the notice, as this visitor may. */
export function SignBox({ ctx, petition, sign }: { ctx: PageContext; petition: Petition; sign: SignState }) {
  const { t } = ctx;
  if (!sign.accepts) {
    return petition.status === 'open' || petition.status === 'threshold-reached' ? (
      <p>{t('petitions.sign.closed')}</p>
    ) : null;
  }
  const action = `/petitions/${petition.id}`;
  return (
    <section aria-labelledby="sign-title" class="card">
      <h2 id="sign-title">{t('petitions.sign.title')}</h2>
      {!sign.signedIn ? (
        <p>
          <a class="button" href={`/sign-in?next=${encodeURIComponent(action)}`}>
            {t('petitions.sign.sign-in')}
          </a>
        </p>
      ) : !sign.resident ? (
        <p>{t('petitions.sign.not-resident')}</p>
      ) : sign.signature?.status === 'active' ? (
        <>
          <p class="ok">{t('petitions.sign.signed')}</p>
          <div class="actions">
            <form method="post" action={`${action}/withdraw`}>
              <CsrfField ctx={ctx} />
              <button type="submit" class="secondary">
                {t('petitions.sign.withdraw')}
              </button>
            </form>
            <form method="post" action={`${action}/notify`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="notify" value={sign.signature.notify ? 'false' : 'true'} />
              <button type="submit" class="secondary">
                {t(sign.signature.notify ? 'petitions.sign.notify-off' : 'petitions.sign.notify-on')}
              </button>
            </form>
          </div>
        </>
      ) : sign.signature?.status === 'invalid' ? (
        <p>{t('petitions.sign.invalidated')}</p>
      ) : (
        <form method="post" action={`${action}/sign`}>
          <CsrfField ctx={ctx} />
          <div class="field">
            <label>
              <input type="checkbox" name="notify" value="true" checked /> {t('petitions.sign.notify')}
            </label>
          </div>
          <button type="submit">{t('petitions.sign.submit')}</button>
        </form>
      )}
    </section>
  );
}

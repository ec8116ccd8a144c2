import type { ComponentChildren } from 'preact';
import { LOCALES, Locale } from '../config/app-config';
import { PageContext, visibleNavItems } from './page-context';

const LANGUAGE_NAMES: Record<Locale, string> = {
  ka: 'ქართული',
  az: 'Azərbaycanca',
  hy: 'Հայերեն',
  en: 'English',
};

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Extra plain-JS enhancement modules served by the portal (the page works without them). */
  scripts?: string[];
  /** Extra stylesheets served by the portal, after site.css. */
  styles?: string[];
}

export function Layout({ ctx, title, children, scripts = [], styles = [] }: LayoutProps) {
  const { t } = ctx;
  const siteName = t('platform.site.name');
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${siteName}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        {styles.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {LOCALES.filter((l) => l !== ctx.locale).map((l) => (
          <link
            key={l}
            rel="alternate"
            hrefLang={l}
            href={`/locale/${l}?back=${encodeURIComponent(ctx.path)}`}
          />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('platform.nav.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-name">{siteName}</span>
              <span class="brand-tagline">
                {t('platform.site.tagline', { municipality: ctx.municipalityName })}
              </span>
            </a>
            <nav aria-label={t('platform.language.label')} class="languages">
              <ul>
                {LOCALES.map((l) => (
                  <li key={l}>
                    {l === ctx.locale ? (
                      <span aria-current="true" lang={l}>
                        {LANGUAGE_NAMES[l]}
                      </span>
                    ) : (
                      <a href={`/locale/${l}?back=${encodeURIComponent(ctx.path)}`} lang={l} hrefLang={l}>
                        {LANGUAGE_NAMES[l]}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
            <AccountLinks ctx={ctx} />
          </div>
          <nav aria-label={t('platform.nav.main')} class="main-nav">
            <ul class="wrap">
              <li>
                <a href="/" aria-current={ctx.path === '/' ? 'page' : undefined}>
                  {t('platform.nav.home')}
                </a>
              </li>
              {visibleNavItems(ctx.actor).map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={ctx.path.startsWith(item.href) ? 'page' : undefined}>
                    {t(item.labelKey)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {ctx.flash ? (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('platform.footer.text', { municipality: ctx.municipalityName })}</p>
            <p>
              <a href="/api/docs">{t('platform.footer.api')}</a>
            </p>
          </div>
        </footer>
        {scripts.map((src) => (
          <script key={src} type="module" src={src} />
        ))}
      </body>
    </html>
  );
}

/** Sign in / sign up, or the account and a sign-out button (a POST form: signing out changes state). */
function AccountLinks({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  const here = ctx.path.split('?')[0] ?? '/';
  return (
    <nav aria-label={t('platform.nav.account-menu')} class="account-nav">
      <ul>
        {ctx.actor ? (
          <>
            <li>
              <a href="/account" aria-current={here === '/account' ? 'page' : undefined}>
                {ctx.actor.label}
              </a>
            </li>
            <li>
              <form method="post" action="/sign-out" class="inline-form">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <button type="submit" class="link-button">
                  {t('platform.nav.sign-out')}
                </button>
              </form>
            </li>
          </>
        ) : (
          <>
            <li>
              <a
                href={
                  here === '/sign-in' || here === '/'
                    ? '/sign-in'
                    : `/sign-in?next=${encodeURIComponent(ctx.path)}`
                }
                aria-current={here === '/sign-in' ? 'page' : undefined}
              >
                {t('platform.nav.sign-in')}
              </a>
            </li>
            <li>
              <a href="/sign-up" aria-current={here === '/sign-up' ? 'page' : undefined}>
                {t('platform.nav.sign-up')}
              </a>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

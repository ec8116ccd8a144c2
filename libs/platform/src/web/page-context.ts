import type { Locale } from '../config/app-config';
import type { Actor } from '../http/request-context';
import type { I18nService, Translate } from '../i18n/i18n.service';

/** Everything a page component needs besides its own props; built once per request. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  i18n: I18nService;
  /**
   * Path and query of this page, for the language switcher and sign-in links: after a form post, the form's
   * page (see returnPath), never the POST-only address.
   */
  path: string;
  requestId: string;
  actor?: Actor;
  csrfToken: string;
  municipalityName: string;
  /** A one-time notice shown at the top of the page (after a redirect). */
  flash?: string;
}

export interface NavItem {
  href: string;
  labelKey: string;
  order: number;
  /** Shown only to actors with one of these roles; everyone when absent. */
  roles?: readonly string[];
}

const navItems: NavItem[] = [];

/** A lib adds its public entry to the main navigation once, beside its module. */
export function registerNavItem(item: NavItem): void {
  if (!navItems.some((existing) => existing.href === item.href)) {
    navItems.push(item);
    navItems.sort((a, b) => a.order - b.order);
  }
}

export function visibleNavItems(actor: Actor | undefined): NavItem[] {
  return navItems.filter((item) => !item.roles || item.roles.some((role) => actor?.roles.includes(role)));
}

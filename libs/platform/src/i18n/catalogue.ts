import { LOCALES, Locale } from '../config/app-config';

/** A lib's messages: ICU MessageFormat strings under dotted keys. `en` is the reference key set. */
export type Catalogue = Readonly<Record<string, string>>;
/** Forces a translation to carry every key of the reference catalogue (a missing key fails to compile). */
export type TranslationOf<Reference extends Catalogue> = { readonly [Key in keyof Reference]: string };

export type CatalogueSet = Readonly<Record<Locale, Catalogue>>;

const registered = new Map<string, CatalogueSet>();

/**
 * Each lib registers its catalogues once, under its own namespace (keys must start with it), e.g.
 * `registerMessages('petitions', { ka, az, hy, en })` beside its module.
 */
export function registerMessages(namespace: string, set: CatalogueSet): void {
  for (const locale of LOCALES) {
    for (const key of Object.keys(set[locale])) {
      if (!key.startsWith(`${namespace}.`) && !key.startsWith(`errors.${namespace}.`)) {
        throw new Error(`message key ${key} of ${locale} is outside namespace ${namespace}`);
      }
    }
  }
  registered.set(namespace, set);
}

export function registeredCatalogues(): ReadonlyMap<string, CatalogueSet> {
  return registered;
}

/** Keys present in some locale of a namespace but missing in another: the completeness test reads this. */
export function missingKeys(): Array<{ namespace: string; locale: Locale; key: string }> {
  const missing: Array<{ namespace: string; locale: Locale; key: string }> = [];
  for (const [namespace, set] of registered) {
    const all = new Set(LOCALES.flatMap((locale) => Object.keys(set[locale])));
    for (const locale of LOCALES) {
      for (const key of all) {
        const value = set[locale][key];
        if (value === undefined || value.trim() === '') {
          missing.push({ namespace, locale, key });
        }
      }
    }
  }
  return missing;
}

import { LOCALES, missingKeys, registeredCatalogues } from '@chartuloba/platform';
import '../../apps/api/src/api.module';

describe('message catalogues of every lib in the app', () => {
  it('have every key in every locale', () => {
    expect(registeredCatalogues().size).toBeGreaterThanOrEqual(2);
    expect(missingKeys()).toEqual([]);
  });

  it('use each placeholder of the English text in every translation', () => {
    const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]));
    const mismatches: string[] = [];
    for (const [namespace, set] of registeredCatalogues()) {
      for (const [key, english] of Object.entries(set.en)) {
        for (const locale of LOCALES) {
          const translated = placeholders(set[locale][key] ?? '');
          for (const name of placeholders(english)) {
            if (!translated.has(name)) {
              mismatches.push(`${namespace} ${locale} ${key}: {${name}}`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

import { MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { LOCALES, missingKeys, registeredCatalogues } from '@chartuloba/platform';

/** The arguments a message uses, read by the ICU parser: text inside plural and select branches is no argument. */
function argumentsOf(message: string): Set<string> {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) {
        continue;
      }
      names.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        Object.values(element.options).forEach((option) => walk(option.value));
      }
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return names;
}
import '../../apps/api/src/api.module';

describe('message catalogues of every lib in the app', () => {
  it('have every key in every locale', () => {
    expect(registeredCatalogues().size).toBeGreaterThanOrEqual(2);
    expect(missingKeys()).toEqual([]);
  });

  it('use each placeholder of the English text in every translation', () => {
    const mismatches: string[] = [];
    for (const [namespace, set] of registeredCatalogues()) {
      for (const [key, english] of Object.entries(set.en)) {
        for (const locale of LOCALES) {
          const translated = argumentsOf(set[locale][key] ?? '');
          for (const name of argumentsOf(english)) {
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

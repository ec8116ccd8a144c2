import { missingKeys, registeredCatalogues } from '@chartuloba/platform';
import './index';

describe('identity catalogues', () => {
  it('has every key in every locale', () => {
    expect(registeredCatalogues().has('identity')).toBe(true);
    expect(missingKeys().filter((entry) => entry.namespace === 'identity')).toEqual([]);
  });
});

import { LANGUAGES } from '@platform/core';
import { Language } from './person.entity';

it('the GraphQL enum Language names the platform’s one language set', () => {
  expect(Object.values(Language).sort()).toEqual([...LANGUAGES].sort());
});

import { aSeries } from './factories';
import { CREATE_EDITION, editionInput } from './support/conferences';
import { problem, startTestApp, TestApp } from './support/test-app';

const EDITION_TEXTS = `query($id: ID!) {
  edition(id: $id) { title theme city venue objectives }
}`;
const EDITION_VERSIONS = `query($id: ID!) {
  edition(id: $id) { versions { field en ru uz } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateEditionInput!) {
  updateEdition(id: $id, input: $input) { title versions { field en ru uz } }
}`;

/** Content entered in English with its Russian and Uzbek versions, read in the reader's language. */
describe('translated content', () => {
  let t: TestApp;
  let editionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const { id: seriesId } = await aSeries(t);
    const created = await t.ok(
      CREATE_EDITION,
      {
        input: editionInput(seriesId, 2022, {
          hostCountry: 'UZ',
          title: 'Regional conference on combating trafficking in persons',
          theme: 'Use and abuse of technology',
          venue: 'International Hotel',
          objectives: ['Share practice', 'Adopt recommendations'],
          translations: [
            {
              field: 'title',
              ru: 'Региональная конференция по противодействию торговле людьми',
              uz: 'Odam savdosiga qarshi kurash boʻyicha mintaqaviy konferensiya',
            },
            { field: 'city', ru: 'Ташкент', uz: 'Toshkent' },
            { field: 'theme', ru: 'Использование технологий и злоупотребление ими' },
            { field: 'objectives.1', ru: 'Принять рекомендации', uz: 'Tavsiyalarni qabul qilish' },
          ],
        }),
      },
      t.adminToken,
    );
    editionId = created.createEdition.id;
  });
  afterAll(() => t.close());

  it('answers in the language of Accept-Language, in English where no version exists', async () => {
    const ru = (
      await t.ok(EDITION_TEXTS, { id: editionId }, t.adminToken, {
        'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5',
      })
    ).edition;
    expect(ru).toEqual({
      title: 'Региональная конференция по противодействию торговле людьми',
      theme: 'Использование технологий и злоупотребление ими',
      city: 'Ташкент',
      venue: 'International Hotel',
      objectives: ['Share practice', 'Принять рекомендации'],
    });
    const uz = (
      await t.ok(EDITION_TEXTS, { id: editionId }, t.adminToken, {
        'accept-language': 'uz-Latn-UZ',
      })
    ).edition;
    expect(uz).toMatchObject({ city: 'Toshkent', theme: 'Use and abuse of technology' });
    const en = (await t.ok(EDITION_TEXTS, { id: editionId }, t.adminToken)).edition;
    expect(en).toMatchObject({
      city: 'Tashkent',
      objectives: ['Share practice', 'Adopt recommendations'],
    });
  });

  it('lets the operation choose its language with @inContext, over the header', async () => {
    const data = await t.ok(
      `query($id: ID!) @inContext(language: UZ) { edition(id: $id) { city } }`,
      { id: editionId },
      t.adminToken,
      { 'accept-language': 'ru' },
    );
    expect(data.edition.city).toBe('Toshkent');
  });

  it('gives organizers every version of every text at once', async () => {
    const { versions } = (await t.ok(EDITION_VERSIONS, { id: editionId }, t.adminToken)).edition;
    expect(versions).toContainEqual({
      field: 'city',
      en: 'Tashkent',
      ru: 'Ташкент',
      uz: 'Toshkent',
    });
    expect(versions).toContainEqual({
      field: 'venue',
      en: 'International Hotel',
      ru: null,
      uz: null,
    });
    expect(versions).toContainEqual({
      field: 'objectives.0',
      en: 'Share practice',
      ru: null,
      uz: null,
    });
  });

  it('changes one version, removes another with null, and drops those of a cleared text', async () => {
    const { updateEdition } = await t.ok(
      UPDATE,
      {
        id: editionId,
        input: {
          theme: null,
          translations: [
            { field: 'city', uz: 'Toshkent shahri', ru: null },
            { field: 'venue', ru: 'Гостиница «Интернешнл»' },
          ],
        },
      },
      t.adminToken,
    );
    const byField = Object.fromEntries(
      (updateEdition.versions as { field: string }[]).map((v) => [v.field, v]),
    );
    expect(byField.city).toEqual({
      field: 'city',
      en: 'Tashkent',
      ru: null,
      uz: 'Toshkent shahri',
    });
    expect(byField.venue).toMatchObject({ ru: 'Гостиница «Интернешнл»' });
    expect(byField.theme).toEqual({ field: 'theme', en: null, ru: null, uz: null });
  });

  it('refuses a field that cannot be translated, naming it, and changes nothing', async () => {
    const before = (await t.ok(EDITION_VERSIONS, { id: editionId }, t.adminToken)).edition;
    const res = await t.gql(
      UPDATE,
      {
        id: editionId,
        input: {
          title: 'Renamed',
          translations: [
            { field: 'city', ru: 'Самарканд' },
            { field: 'startDate', ru: 'завтра' },
          ],
        },
      },
      t.adminToken,
    );
    expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'translations.1.field' });
    expect(res.errors?.[0]?.message).toContain('startDate');
    const after = (await t.ok(EDITION_VERSIONS, { id: editionId }, t.adminToken)).edition;
    expect(after).toEqual(before);
  });

  it('refuses an item of a list that does not exist', async () => {
    const res = await t.gql(
      UPDATE,
      { id: editionId, input: { translations: [{ field: 'objectives.5', ru: 'Нет' }] } },
      t.adminToken,
    );
    expect(problem(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'translations.0.field' });
  });
});

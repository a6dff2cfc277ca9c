import { TestApp } from './test-app';

/** The GraphQL operations and inputs the conference journeys (test/conference-*.spec.ts) share. */

// The host rotation agreed in Bukhara (November 2021).
export const BUKHARA_ROTATION = [
  { year: 2022, hostCountry: 'UZ' },
  { year: 2023, hostCountry: 'KZ' },
  { year: 2024, hostCountry: 'KG' },
  { year: 2025, hostCountry: 'TJ' },
  { year: 2026, hostCountry: 'TM' },
];

export const SET_ROTATION = `mutation($seriesId: ID!, $input: SetRotationInput!) {
  setRotation(seriesId: $seriesId, input: $input) { id rotation { year hostCountry hostCountryName } }
}`;
export const CREATE_SERIES = `mutation($input: CreateSeriesInput!) { createConferenceSeries(input: $input) { id } }`;
export const CREATE_EDITION = `mutation($input: CreateEditionInput!) {
  createEdition(input: $input) { id year hostCountry hostCountryName city startDate endDate status isPublished version }
}`;
export const UPDATE_EDITION = `mutation($id: ID!, $input: UpdateEditionInput!) {
  updateEdition(id: $id, input: $input) { id title startDate endDate version isPublished }
}`;
export const EDITION = `query($id: ID!) { edition(id: $id) { id title year startDate endDate status version isPublished } }`;
export const EDITIONS = `query($filter: EditionFilter, $first: Int, $after: String) {
  editions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id year hostCountry }
  }
}`;
export const CHANGE_STATUS = `mutation($id: ID!, $status: EditionStatus!) { changeEditionStatus(id: $id, status: $status) { status } }`;
export const ADD_SESSION = `mutation($editionId: ID!, $input: AgendaSessionInput!) {
  addAgendaSession(editionId: $editionId, input: $input) { id day startTime endTime title }
}`;

/** A whole CreateEditionInput for the given year, without a host country unless given. */
export function editionInput(seriesId: string, year: number, fields: Record<string, unknown> = {}) {
  return {
    seriesId,
    title: `Regional conference on combating trafficking in persons, ${year}`,
    year,
    city: 'Tashkent',
    startDate: `${year}-07-28`,
    endDate: `${year}-07-29`,
    ...fields,
  };
}

/** The editions of a series the caller may see (anonymous without a token), newest first. */
export async function editionsOfSeries(t: TestApp, seriesId: string, token?: string) {
  const data = await t.ok(EDITIONS, { filter: { seriesId }, first: 100 }, token);
  return data.editions as {
    totalCount: number;
    nodes: { id: string; year: number; hostCountry: string }[];
  };
}

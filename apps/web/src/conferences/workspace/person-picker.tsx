import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useMessages } from '../../core/i18n';
import { conferenceMessages } from '../messages';

const SearchPeople = graphql(`
  query SearchPeople($search: String!) {
    people(filter: { search: $search }, first: 20) {
      nodes {
        id
        fullName
        position
        organization {
          id
          name
        }
      }
    }
  }
`);

export interface PickedPerson {
  id: string;
  fullName: string;
}

/** Finds a person in the directory by a part of their name (either script) or email. */
export function PersonPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  error?: string;
}) {
  const { t } = useMessages('conferences', conferenceMessages);
  const [search, setSearch] = useState(value?.fullName ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const typing = debounced.length >= 2 && debounced !== value?.fullName;
  const [{ data, fetching }] = useQuery({
    query: SearchPeople,
    variables: { search: debounced },
    pause: !typing,
  });
  const people = typing ? (data?.people.nodes ?? []) : [];
  const names = new Map(people.map((person) => [person.id, person.fullName]));
  const options = people.map((person) => ({
    value: person.id,
    label: [person.fullName, person.organization?.name].filter(Boolean).join(' — '),
  }));
  if (value && !names.has(value.id)) {
    names.set(value.id, value.fullName);
    options.unshift({ value: value.id, label: value.fullName });
  }
  return (
    <Select
      label={label}
      placeholder={t('searchPeople')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('clear') }}
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      // The API searched already: show what it found, as it found it.
      filter={({ options: all }) => all}
      nothingFoundMessage={typing && !fetching ? t('nobodyFound') : undefined}
      error={error}
      onChange={(id) => onChange(id ? { id, fullName: names.get(id) ?? '' } : null)}
    />
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { PartnerRole } from '../../gql/graphql';
import { Loading, ProblemAlert } from '../../core/components';
import { useFormat, useMessages } from '../../core/i18n';
import { countryName } from '../countries';
import { conferenceMessages } from '../messages';
import { useNotify } from '../notify';
import { useFormErrors } from '../problems';

const ROLES: PartnerRole[] = ['HOST', 'CO_ORGANIZER', 'FUNDER', 'PARTNER'];

const EditionPartners = graphql(`
  query EditionPartners($id: ID!) {
    edition(id: $id) {
      id
      partners {
        id
        role
        organization {
          id
          name
          acronym
          country
        }
      }
    }
  }
`);

export const SearchOrganizations = graphql(`
  query SearchOrganizations($search: String!) {
    organizations(filter: { search: $search }, first: 20) {
      nodes {
        id
        name
        acronym
        countryName
      }
    }
  }
`);

const AddPartner = graphql(`
  mutation AddEditionPartner($editionId: ID!, $input: PartnerInput!) {
    addEditionPartner(editionId: $editionId, input: $input) {
      id
    }
  }
`);

const RemovePartner = graphql(`
  mutation RemoveEditionPartner($partnerId: ID!) {
    removeEditionPartner(partnerId: $partnerId)
  }
`);

/** The organizations that host, co-organize, fund or support the edition. */
export function PartnersSection({ editionId }: { editionId: string }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const { locale } = useFormat();
  const formErrors = useFormErrors();
  const notify = useNotify();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EditionPartners,
    variables: { id: editionId },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  // Searching again for the label of the organization just picked would find nothing.
  const typing = debounced.length >= 2 && debounced !== picked?.label;
  const [organizations] = useQuery({
    query: SearchOrganizations,
    variables: { search: debounced },
    pause: !typing,
  });
  const organizationId = picked?.value ?? null;
  const [role, setRole] = useState<PartnerRole>('PARTNER');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [adding, addPartner] = useMutation(AddPartner);
  const [, removePartner] = useMutation(RemovePartner);

  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} onRetry={reload} />;
  const options = (typing ? (organizations.data?.organizations.nodes ?? []) : []).map((o) => ({
    value: o.id,
    label: [o.name, o.acronym && `(${o.acronym})`, o.countryName && `— ${o.countryName}`]
      .filter(Boolean)
      .join(' '),
  }));
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift(picked);

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('partnersTitle')}
      </Title>
      {data.edition.partners.length === 0 && <Text>{t('noPartners')}</Text>}
      <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
        {data.edition.partners.map((partner) => (
          <Card key={partner.id} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text fw={600}>
                  {partner.organization.name}
                  {partner.organization.acronym ? ` (${partner.organization.acronym})` : ''}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`role.${partner.role}`)} · {countryName(partner.organization.country, locale)}
                </Text>
              </div>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={t('removePartner', { name: partner.organization.name })}
                onClick={async () => {
                  const result = await removePartner({ partnerId: partner.id });
                  if (result.error) {
                    notify(Object.values(formErrors(result.error))[0], 'red');
                  } else reload();
                }}
              >
                {t('remove')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('addPartner')}
        </Title>
        <form
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            if (!organizationId) return setErrors({ organizationId: t('required') });
            const result = await addPartner({ editionId, input: { organizationId, role } });
            setErrors(formErrors(result.error, ['organizationId', 'role']));
            if (!result.error) {
              setPicked(null);
              setSearch('');
              notify(t('partnerAdded'));
              reload();
            }
          }}
        >
          <Stack>
            <Select
              label={t('organization')}
              placeholder={t('searchOrganizations')}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': t('clear') }}
              required
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              data={options}
              value={organizationId}
              onChange={(id) => setPicked(options.find((o) => o.value === id) ?? null)}
              error={errors.organizationId}
              nothingFoundMessage={
                typing && !organizations.fetching ? t('nothingFound') : undefined
              }
            />
            <Select
              label={t('partnerRole')}
              allowDeselect={false}
              data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              value={role}
              onChange={(value) => value && setRole(value)}
              error={errors.role}
            />
            {errors._form && (
              <Alert color="red" role="alert">
                {errors._form}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={adding.fetching}>
                {t('addPartner')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { RegistrationStatus } from '../gql/graphql';
import { ConfirmDialog, Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { registrationMessages } from './messages';
import { RegisterParticipant } from './register-participant';

export const STATUSES: RegistrationStatus[] = [
  'INVITED',
  'REGISTERED',
  'CONFIRMED',
  'WAITLISTED',
  'DECLINED',
  'CANCELLED',
];
// Dark shades, so the white text on them is readable (WCAG AA).
const COLORS: Record<RegistrationStatus, string> = {
  INVITED: 'grape.9',
  REGISTERED: 'blue.9',
  CONFIRMED: 'teal.9',
  WAITLISTED: 'pink.9',
  DECLINED: 'gray.7',
  CANCELLED: 'gray.7',
};

const RegistrationsQuery = graphql(`
  query EditionRegistrations($id: ID!, $filter: RegistrationFilter, $after: String) {
    edition(id: $id) {
      id
      title
      days {
        date
        number
      }
    }
    registrations(editionId: $id, filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        delegationCountry
        delegationCountryName
        person {
          id
          fullName
          fullNameAlt
          organization {
            id
            name
          }
        }
        checkIns {
          day
        }
      }
    }
  }
`);

const StatusCountsQuery = graphql(`
  query RegistrationCounts($id: ID!) {
    invited: registrations(editionId: $id, filter: { status: INVITED }, first: 1) {
      totalCount
    }
    registered: registrations(editionId: $id, filter: { status: REGISTERED }, first: 1) {
      totalCount
    }
    confirmed: registrations(editionId: $id, filter: { status: CONFIRMED }, first: 1) {
      totalCount
    }
    waitlisted: registrations(editionId: $id, filter: { status: WAITLISTED }, first: 1) {
      totalCount
    }
    declined: registrations(editionId: $id, filter: { status: DECLINED }, first: 1) {
      totalCount
    }
    cancelled: registrations(editionId: $id, filter: { status: CANCELLED }, first: 1) {
      totalCount
    }
  }
`);

const ConfirmMutation = graphql(`
  mutation ConfirmRegistration($id: ID!) {
    confirmRegistration(id: $id) {
      id
      status
    }
  }
`);

const CancelMutation = graphql(`
  mutation CancelRegistration($id: ID!) {
    cancelRegistration(id: $id) {
      id
      status
    }
  }
`);

export default function RegistrationsPage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <Registrations />
    </RequireRole>
  );
}

function Registrations() {
  const { t } = useMessages('registrations', registrationMessages);
  const format = useFormat();
  const { id = '' } = useParams();
  const [status, setStatus] = useState<RegistrationStatus | null>(null);
  const [search, setSearch] = useState('');
  const [country, setCountry] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  // The cursors of the pages before this one: "previous" pops, "next" pushes.
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const after = cursors.length ? cursors[cursors.length - 1] : null;
  const filter = {
    status: status ?? undefined,
    search: debouncedSearch || undefined,
    delegationCountry: country.trim().length === 2 ? country.trim().toUpperCase() : undefined,
  };
  const [{ data, fetching, error }, refetch] = useQuery({
    query: RegistrationsQuery,
    variables: { id, filter, after },
  });
  const [counts, refetchCounts] = useQuery({ query: StatusCountsQuery, variables: { id } });
  const [confirming, confirm] = useMutation(ConfirmMutation);
  const [cancelling, cancel] = useMutation(CancelMutation);
  const [toCancel, setToCancel] = useState<{ id: string; name: string } | null>(null);

  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchCounts({ requestPolicy: 'network-only' });
  };

  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} onRetry={refresh} />;
  const { edition, registrations } = data;
  const countOf = counts.data && {
    INVITED: counts.data.invited.totalCount,
    REGISTERED: counts.data.registered.totalCount,
    CONFIRMED: counts.data.confirmed.totalCount,
    WAITLISTED: counts.data.waitlisted.totalCount,
    DECLINED: counts.data.declined.totalCount,
    CANCELLED: counts.data.cancelled.totalCount,
  };
  const dayNumber = new Map(edition.days.map((day) => [day.date, day.number]));

  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/manage/editions/${id}`} size="sm">
          {t('backToEdition')}
        </Anchor>
        <PageTitle>{t('title')}</PageTitle>
        <Text c="dimmed">{edition.title}</Text>
        <Group gap="sm" mt="xs">
          <Button component={Link} to={`/manage/editions/${id}/check-in`} variant="light">
            {t('checkInLink')}
          </Button>
          <Button component={Link} to={`/manage/editions/${id}/mailings`} variant="light">
            {t('mailingsLink')}
          </Button>
        </Group>
      </div>

      {countOf && (
        <section aria-labelledby="counts">
          <Title order={2} size="h4" id="counts" mb="xs">
            {t('counts')}
          </Title>
          <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {STATUSES.map((s) => (
              <li key={s}>
                <Badge color={COLORS[s]} size="lg">
                  {t(`status.${s}`)}: {format.number(countOf[s])}
                </Badge>
              </li>
            ))}
          </Group>
        </section>
      )}

      <section aria-labelledby="filters">
        <Title order={2} size="h4" id="filters" mb="xs">
          {t('filters')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('status')}
            placeholder={t('anyStatus')}
            clearable
            data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={status}
            onChange={(value) => {
              setStatus(value);
              setCursors([]);
            }}
          />
          <TextInput
            label={t('search')}
            placeholder={t('searchHint')}
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setCursors([]);
            }}
          />
          <TextInput
            label={t('delegation')}
            placeholder={t('delegationHint')}
            maxLength={2}
            value={country}
            onChange={(event) => {
              setCountry(event.currentTarget.value);
              setCursors([]);
            }}
          />
        </SimpleGrid>
      </section>

      <ProblemAlert error={error ?? confirming.error ?? cancelling.error} />
      <Text role="status" aria-live="polite">
        {t('matching', { count: registrations.totalCount })}
      </Text>

      {registrations.nodes.length === 0 ? (
        <Text>{t('none')}</Text>
      ) : (
        <div
          role="region"
          aria-label={t('listLabel')}
          tabIndex={0}
          style={{ overflowX: 'auto', maxWidth: '100%' }}
        >
          <Table striped verticalSpacing="xs" miw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('person')}</Table.Th>
                <Table.Th scope="col">{t('delegation')}</Table.Th>
                <Table.Th scope="col">{t('status')}</Table.Th>
                <Table.Th scope="col">{t('checkedInDays')}</Table.Th>
                <Table.Th scope="col">{t('actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {registrations.nodes.map((registration) => {
                const { person } = registration;
                return (
                  <Table.Tr key={registration.id}>
                    <Table.Th scope="row" fw={500}>
                      {person.fullName}
                      {person.fullNameAlt && (
                        <Text size="xs" c="dimmed">
                          {person.fullNameAlt}
                        </Text>
                      )}
                      {person.organization && (
                        <Text size="xs" c="dimmed">
                          {person.organization.name}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{registration.delegationCountryName}</Table.Td>
                    <Table.Td>
                      <Badge color={COLORS[registration.status]}>
                        {t(`status.${registration.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {registration.checkIns
                        .map((c) => dayNumber.get(c.day) ?? c.day)
                        .sort()
                        .join(', ')}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {registration.status === 'REGISTERED' && (
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={`${t('confirm')}: ${person.fullName}`}
                            onClick={async () => {
                              const result = await confirm({ id: registration.id });
                              if (!result.error) {
                                notifications.show({
                                  message: t('confirmed', { name: person.fullName }),
                                  closeButtonProps: { 'aria-label': t('close') },
                                });
                                refresh();
                              }
                            }}
                          >
                            {t('confirm')}
                          </Button>
                        )}
                        {!['DECLINED', 'CANCELLED'].includes(registration.status) && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`${t('cancelRegistration')}: ${person.fullName}`}
                            onClick={() =>
                              setToCancel({ id: registration.id, name: person.fullName })
                            }
                          >
                            {t('cancelRegistration')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {(cursors.length > 0 || registrations.pageInfo.hasNextPage) && (
        <Group>
          <Button
            variant="default"
            disabled={cursors.length === 0}
            onClick={() => setCursors((list) => list.slice(0, -1))}
          >
            {t('previous')}
          </Button>
          <Button
            variant="default"
            disabled={!registrations.pageInfo.hasNextPage}
            onClick={() =>
              setCursors((list) => [...list, registrations.pageInfo.endCursor ?? null])
            }
          >
            {t('next')}
          </Button>
        </Group>
      )}

      <RegisterParticipant editionId={id} onDone={refresh} />

      <ConfirmDialog
        opened={toCancel !== null}
        title={t('cancelRegistration')}
        question={t('cancelAsk', { name: toCancel?.name })}
        keepLabel={t('keep')}
        confirmLabel={t('doCancel')}
        confirming={cancelling.fetching}
        onClose={() => setToCancel(null)}
        onConfirm={async () => {
          if (!toCancel) return;
          const result = await cancel({ id: toCancel.id });
          if (!result.error) {
            notifications.show({
              message: t('cancelled', { name: toCancel.name }),
              closeButtonProps: { 'aria-label': t('close') },
            });
            refresh();
          }
          setToCancel(null);
        }}
      />
    </Stack>
  );
}

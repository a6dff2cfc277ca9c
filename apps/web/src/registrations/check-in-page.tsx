import { useCallback, useEffect, useMemo, useState } from 'react';
import { Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { CombinedError, OperationResult, useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { CheckInPeopleQuery } from '../gql/graphql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { registrationMessages } from './messages';

const EditionDaysQuery = graphql(`
  query CheckInDays($id: ID!) {
    edition(id: $id) {
      id
      title
      days {
        date
        number
      }
    }
  }
`);

const PeopleQuery = graphql(`
  query CheckInPeople($id: ID!, $status: RegistrationStatus!, $after: String) {
    registrations(editionId: $id, filter: { status: $status }, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
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

const CheckInMutation = graphql(`
  mutation CheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      id
      checkIns {
        day
      }
    }
  }
`);

const UndoCheckInMutation = graphql(`
  mutation UndoCheckIn($input: CheckInInput!) {
    undoCheckIn(input: $input) {
      id
      checkIns {
        day
      }
    }
  }
`);

type Seated = CheckInPeopleQuery['registrations']['nodes'][number];

/** Lower case, without accents or the Uzbek marks, so "gulomov" finds "Gʻulomov". */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u02bb\u02bc'‘’`]/g, '')
    .toLocaleLowerCase();
}

/** Chooses the day of the edition to check people in on. */
export function CheckInDaysPage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <CheckInDays />
    </RequireRole>
  );
}

function CheckInDays() {
  const { t } = useMessages('registrations', registrationMessages);
  const format = useFormat();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EditionDaysQuery,
    variables: { id },
  });
  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} onRetry={() => refetch()} />;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Stack maw={560}>
      <Anchor component={Link} to={`/manage/editions/${id}/registrations`} size="sm">
        {t('title')}
      </Anchor>
      <PageTitle>{t('checkInTitle')}</PageTitle>
      <Text c="dimmed">{data.edition.title}</Text>
      <Title order={2} size="h4">
        {t('chooseDay')}
      </Title>
      <Stack gap="sm">
        {data.edition.days.map((day) => (
          <Button
            key={day.date}
            component={Link}
            to={`/manage/editions/${id}/check-in/${day.date}`}
            size="lg"
            variant={day.date === today ? 'filled' : 'light'}
            fullWidth
          >
            {t('dayLabel', { number: day.number, date: format.date(day.date) })}
            {day.date === today ? ` (${t('today')})` : ''}
          </Button>
        ))}
      </Stack>
    </Stack>
  );
}

/** Every seated registration (registered or confirmed), page after page. */
function useSeated(editionId: string) {
  const client = useClient();
  const [seated, setSeated] = useState<Seated[] | undefined>();
  const [error, setError] = useState<CombinedError | undefined>();
  const load = useCallback(async () => {
    setError(undefined);
    const all: Seated[] = [];
    for (const status of ['REGISTERED', 'CONFIRMED'] as const) {
      let after: string | null = null;
      do {
        const result: OperationResult<CheckInPeopleQuery> = await client
          .query(PeopleQuery, { id: editionId, status, after }, { requestPolicy: 'network-only' })
          .toPromise();
        if (!result.data) {
          setError(result.error);
          return;
        }
        all.push(...result.data.registrations.nodes);
        const page = result.data.registrations.pageInfo;
        after = page.hasNextPage ? (page.endCursor ?? null) : null;
      } while (after);
    }
    all.sort((a, b) => a.person.fullName.localeCompare(b.person.fullName));
    setSeated(all);
  }, [client, editionId]);
  useEffect(() => {
    void load();
  }, [load]);
  return { seated, setSeated, error, reload: load };
}

/** The desk on one day: type part of a name, tap the person. */
export function CheckInDayPage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <CheckInDay />
    </RequireRole>
  );
}

function CheckInDay() {
  const { t } = useMessages('registrations', registrationMessages);
  const format = useFormat();
  const { id = '', day = '' } = useParams();
  const [edition] = useQuery({ query: EditionDaysQuery, variables: { id } });
  const { seated, setSeated, error, reload } = useSeated(id);
  const [search, setSearch] = useState('');
  const [checking, checkIn] = useMutation(CheckInMutation);
  const [undoing, undo] = useMutation(UndoCheckInMutation);
  const [busy, setBusy] = useState<string | null>(null);

  const shown = useMemo(() => {
    const words = plain(search).split(/\s+/).filter(Boolean);
    return (seated ?? []).filter((registration) => {
      const name = plain(
        `${registration.person.fullName} ${registration.person.fullNameAlt ?? ''}`,
      );
      return words.every((word) => name.includes(word));
    });
  }, [seated, search]);

  if ((!seated && !error) || (edition.fetching && !edition.data)) return <Loading />;
  const days = edition.data?.edition.days ?? [];
  const thisDay = days.find((d) => d.date === day);
  const isIn = (registration: Seated) => registration.checkIns.some((c) => c.day === day);
  const count = (seated ?? []).filter(isIn).length;
  const total = seated?.length ?? 0;

  const toggle = async (registration: Seated) => {
    setBusy(registration.id);
    const input = { registrationId: registration.id, day };
    const wasIn = isIn(registration);
    const result = wasIn ? await undo({ input }) : await checkIn({ input });
    setBusy(null);
    const changed =
      result.data && ('checkIn' in result.data ? result.data.checkIn : result.data.undoCheckIn);
    if (!changed) return;
    setSeated((list) =>
      list?.map((r) => (r.id === changed.id ? { ...r, checkIns: changed.checkIns } : r)),
    );
    notifications.show({
      message: t(wasIn ? 'didUndo' : 'didCheckIn', { name: registration.person.fullName }),
      color: wasIn ? 'gray' : 'green',
      autoClose: 2500,
      closeButtonProps: { 'aria-label': t('close') },
    });
  };

  return (
    <Stack maw={640}>
      <Anchor component={Link} to={`/manage/editions/${id}/check-in`} size="sm">
        {t('otherDays')}
      </Anchor>
      <PageTitle>
        {thisDay ? t('checkInDayTitle', { number: thisDay.number }) : t('checkInTitle')}
      </PageTitle>
      <Text c="dimmed">
        {edition.data?.edition.title}
        {thisDay ? ` · ${format.date(thisDay.date)}` : ''}
      </Text>
      <ProblemAlert error={error ?? edition.error} onRetry={() => void reload()} />
      <ProblemAlert error={checking.error ?? undoing.error} />
      <Text fw={700} size="lg" role="status" aria-live="polite" aria-atomic>
        {t('checkedInCount', { count, total })}
      </Text>
      <TextInput
        label={t('searchName')}
        type="search"
        size="lg"
        autoFocus
        autoComplete="off"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {search.trim() && shown.length === 0 && (
        <Text role="status">{t('nobodyMatches', { search: search.trim() })}</Text>
      )}
      <Stack gap="xs" component="ul" p={0} m={0} aria-label={t('seatedOnly')}>
        {shown.map((registration) => {
          const checked = isIn(registration);
          const { person } = registration;
          return (
            <li key={registration.id} style={{ listStyle: 'none' }}>
              <Button
                fullWidth
                size="xl"
                h="auto"
                py="sm"
                variant={checked ? 'filled' : 'default'}
                color={checked ? 'teal.9' : undefined}
                // Mantine lightens a filled button on hover: keep the dark shade, readable.
                vars={() => ({
                  root: checked ? { '--button-hover': 'var(--mantine-color-teal-9)' } : {},
                })}
                aria-pressed={checked}
                loading={busy === registration.id}
                onClick={() => void toggle(registration)}
                justify="space-between"
                styles={{ label: { whiteSpace: 'normal', textAlign: 'start', width: '100%' } }}
              >
                <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600} size="lg" inherit>
                      {person.fullName}
                    </Text>
                    {(person.fullNameAlt || person.organization) && (
                      <Text size="sm" inherit fw={400}>
                        {[person.fullNameAlt, person.organization?.name]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    )}
                  </div>
                  <Text size="sm" fw={700} inherit style={{ flexShrink: 0 }}>
                    {checked ? `✓ ${t('checkedIn')}` : t('notCheckedIn')}
                  </Text>
                </Group>
              </Button>
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}

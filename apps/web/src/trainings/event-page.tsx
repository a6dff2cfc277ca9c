import { Anchor, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { currentLanguage, useFormat, useMessages } from '../core/i18n';
import { useSession } from '../core/session';
import { SuggestedAltName } from './alt-name';
import { EventCascadeCard } from './event-cascade';
import { EventTranslationsCard } from './event-translations';
import { ImplementedRecommendationsCard } from './implemented-recommendations';
import { evaluationMessages } from '../evaluations/messages';
import { cascadeMessages, trainingMessages } from './messages';
import { loadPending } from './pending-marks';
import { TRAINING_STAFF } from './staff';

const TrainingEventRoster = graphql(`
  query TrainingEventRoster($id: ID!) {
    trainingEvent(id: $id) {
      id
      title
      startDate
      endDate
      city
      venue
      region
      countryName
      days
      requiredDays
      enrolledCount
      programme {
        id
        title
      }
      implementsRecommendations {
        id
        number
        year
        city
        text
      }
      roster {
        enrollment {
          id
        }
        person {
          id
          fullName
          fullNameAlt
          suggestedAltName
          organization {
            id
            name
          }
        }
        attendedDays
        completed
        marks {
          day
          status
        }
      }
    }
  }
`);

/** An event: its days (each opens the attendance sheet), its roster with completion. */
export default function EventPage() {
  return (
    <RequireRole roles={TRAINING_STAFF}>
      <TrainingEvent />
    </RequireRole>
  );
}

function TrainingEvent() {
  const { id = '' } = useParams();
  const { t } = useMessages('trainings', trainingMessages);
  const { t: te } = useMessages('evaluations', evaluationMessages);
  const { t: tc } = useMessages('cascade', cascadeMessages);
  const { user } = useSession();
  // The programme's cascade is its organizers' (the API refuses the others all the same).
  const organizes = user?.role === 'ORGANIZER' || user?.role === 'ADMIN';
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: TrainingEventRoster,
    variables: { id },
  });
  if (fetching && !data) return <Loading />;
  const event = data?.trainingEvent;
  if (!event) {
    return (
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  const completedCount = event.roster.filter((entry) => entry.completed).length;
  return (
    <Stack>
      <PageTitle>{event.title}</PageTitle>
      <Text c="dimmed">
        <Anchor component={Link} to={`/trainings/programmes/${event.programme.id}`} c="dimmed">
          {event.programme.title}
        </Anchor>
        {organizes && (
          <>
            {' · '}
            <Anchor component={Link} to={`/trainings/programmes/${event.programme.id}/cascade`}>
              {tc('link')}
            </Anchor>
          </>
        )}
      </Text>
      <Text>
        {format.dateRange(event.startDate, event.endDate)} ·{' '}
        {[event.venue, event.city, event.region, event.countryName].filter(Boolean).join(', ')}
      </Text>
      <ProblemAlert error={error} />

      <section aria-labelledby="days">
        <Title order={2} size="h3" id="days" mb="xs">
          {t('daysTitle')}
        </Title>
        <Text size="sm" mb="xs">
          {t('daysHint')}
        </Text>
        <List listStyleType="none" spacing="xs">
          {event.days.map((day, index) => (
            <List.Item key={day}>
              <Anchor component={Link} to={`/trainings/events/${event.id}/attendance/${day}`}>
                {t('dayLink', { number: index + 1, date: format.date(day) })}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                {t('dayMarked', {
                  marked: format.number(
                    event.roster.filter((entry) =>
                      entry.marks.some((mark) => mark.day === day && mark.status),
                    ).length,
                  ),
                  total: format.number(event.roster.length),
                })}
              </Text>
              <WaitingOnThisPhone eventId={event.id} day={day} />
            </List.Item>
          ))}
        </List>
      </section>

      <section aria-labelledby="roster">
        <Title order={2} size="h3" id="roster" mb="xs">
          {t('rosterTitle')}
        </Title>
        <Text size="sm" mb="xs">
          {t('rosterSummary', {
            count: event.enrolledCount,
            enrolled: format.number(event.enrolledCount),
            completed: format.number(completedCount),
          })}{' '}
          {t('requiredDays', {
            count: event.requiredDays,
            required: format.number(event.requiredDays),
          })}
        </Text>
        <Group gap="xs" mb="sm">
          <Button component={Link} to={`/trainings/events/${event.id}/import`} variant="light">
            {t('importRoster')}
          </Button>
          <Button component={Link} to={`/trainings/events/${event.id}/knowledge`} variant="light">
            {t('knowledgeTest')}
          </Button>
          <Button
            component={Link}
            to={`/trainings/events/${event.id}/certificates`}
            variant="light"
          >
            {t('certificatesTitle')}
          </Button>
          <Button component={Link} to={`/trainings/events/${event.id}/evaluation`} variant="light">
            {te('link')}
          </Button>
          <Button
            component="a"
            href={`/trainings/events/${event.id}/roster.csv?lang=${currentLanguage()}`}
            download
            variant="subtle"
          >
            {t('rosterCsv')}
          </Button>
        </Group>
        {event.roster.length === 0 ? (
          <Text>{t('rosterEmpty')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainee')}</Table.Th>
                <Table.Th scope="col">{t('attended')}</Table.Th>
                <Table.Th scope="col">{t('completed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {event.roster.map((entry) => (
                <Table.Tr key={entry.enrollment.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {entry.person.fullName}
                    </Text>
                    {entry.person.fullNameAlt && (
                      <Text size="xs" c="dimmed">
                        {entry.person.fullNameAlt}
                      </Text>
                    )}
                    {entry.person.organization && (
                      <Text size="xs" c="dimmed">
                        {entry.person.organization.name}
                      </Text>
                    )}
                    {entry.person.suggestedAltName && (
                      <SuggestedAltName
                        person={{
                          ...entry.person,
                          suggestedAltName: entry.person.suggestedAltName,
                        }}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t('attendedOf', {
                      attended: format.number(entry.attendedDays),
                      required: format.number(event.requiredDays),
                    })}
                  </Table.Td>
                  <Table.Td>
                    {entry.completed ? (
                      <Text size="sm" fw={700}>
                        {t('yes')}
                      </Text>
                    ) : (
                      <Text size="sm">{t('no')}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      {organizes && <EventCascadeCard eventId={event.id} programmeId={event.programme.id} />}
      <ImplementedRecommendationsCard
        kind="event"
        id={event.id}
        implemented={event.implementsRecommendations}
        programmeId={event.programme.id}
        onSaved={() => refetch({ requestPolicy: 'network-only' })}
      />

      <EventTranslationsCard eventId={event.id} />
    </Stack>
  );
}

/** Marks of a day tapped without a connection and not sent yet (they go when the day is opened). */
function WaitingOnThisPhone({ eventId, day }: { eventId: string; day: string }) {
  const { t } = useMessages('trainings', trainingMessages);
  const format = useFormat();
  const waiting = Object.keys(loadPending(eventId, day)).length;
  if (waiting === 0) return null;
  return (
    <Text size="sm" c="red.9" fw={500}>
      {t('waitingOnPhone', { count: waiting, number: format.number(waiting) })}
    </Text>
  );
}

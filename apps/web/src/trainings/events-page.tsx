import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { trainingMessages } from './messages';
import { TRAINING_STAFF } from './staff';

const MyTrainingEvents = graphql(`
  query MyTrainingEvents {
    trainingEvents(first: 100) {
      totalCount
      nodes {
        id
        title
        startDate
        endDate
        city
        venue
        region
        countryName
        enrolledCount
        capacity
        programme {
          id
          title
        }
      }
    }
  }
`);

/** The events this account runs, the latest first. */
export default function EventsPage() {
  return (
    <RequireRole roles={TRAINING_STAFF}>
      <Events />
    </RequireRole>
  );
}

function Events() {
  const { t } = useMessages('trainings', trainingMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyTrainingEvents });
  const events = data?.trainingEvents.nodes ?? [];
  return (
    <Stack>
      <PageTitle>{t('eventsTitle')}</PageTitle>
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {data && events.length === 0 && <Text>{t('noEvents')}</Text>}
      {events.map((event) => (
        <Card key={event.id} withBorder component="article">
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/trainings/events/${event.id}`}>
              {event.title}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {event.programme.title}
          </Text>
          <Group gap="xs" mt="xs">
            <Text size="sm">{format.dateRange(event.startDate, event.endDate)}</Text>
            <Text size="sm" aria-hidden>
              ·
            </Text>
            <Text size="sm">
              {[event.venue, event.city, event.region, event.countryName]
                .filter(Boolean)
                .join(', ')}
            </Text>
          </Group>
          <Text size="sm" mt="xs">
            {event.capacity != null
              ? t('enrolledOfCapacity', {
                  count: event.enrolledCount,
                  enrolled: format.number(event.enrolledCount),
                  capacity: format.number(event.capacity),
                })
              : t('enrolled', {
                  count: event.enrolledCount,
                  enrolled: format.number(event.enrolledCount),
                })}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

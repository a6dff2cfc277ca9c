import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { trainingMessages } from './messages';
import { TRAINING_STAFF } from './staff';

const MyTrainingEvents = graphql(`
  query MyTrainingEvents($after: String) {
    trainingEvents(first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
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
  // One page of 20 per cursor; "Show more" adds the next page below.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <Stack>
      <PageTitle>{t('eventsTitle')}</PageTitle>
      {cursors.map((after, index) => (
        <EventsBatch
          key={after ?? 'first'}
          after={after}
          first={index === 0}
          last={index === cursors.length - 1}
          onMore={(cursor) => setCursors((current) => [...current, cursor])}
        />
      ))}
    </Stack>
  );
}

function EventsBatch({
  after,
  first,
  last,
  onMore,
}: {
  after: string | null;
  first: boolean;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useMessages('trainings', trainingMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyTrainingEvents,
    variables: { after },
  });
  const events = data?.trainingEvents.nodes ?? [];
  const pageInfo = data?.trainingEvents.pageInfo;
  return (
    <>
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {first && data && events.length === 0 && <Text>{t('noEvents')}</Text>}
      {events.map((event) => (
        <Card key={event.id} withBorder component="article">
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/trainings/events/${event.id}`}>
              {event.title}
            </Anchor>
          </Title>
          <Anchor
            component={Link}
            to={`/trainings/programmes/${event.programme.id}`}
            size="sm"
            c="dimmed"
          >
            {event.programme.title}
          </Anchor>
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
      {last && pageInfo?.hasNextPage && pageInfo.endCursor && (
        <Group>
          <Button variant="light" onClick={() => onMore(pageInfo.endCursor!)}>
            {t('showMore', { total: format.number(data?.trainingEvents.totalCount ?? 0) })}
          </Button>
        </Group>
      )}
    </>
  );
}

import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useMessages } from '../core/i18n';
import { EditionFacts } from './edition-facts';
import { conferenceMessages } from './messages';

const ManagedEditions = graphql(`
  query ManagedEditions {
    editions(filter: { managed: true }, first: 100) {
      totalCount
      nodes {
        id
        year
        title
        status
        isPublished
        startDate
        endDate
        city
        hostCountry
        series {
          id
          name
        }
      }
    }
  }
`);

export default function EditionsPage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <Editions />
    </RequireRole>
  );
}

/** The editions the user manages, newest first, and the way to a new one. */
function Editions() {
  const { t } = useMessages('conferences', conferenceMessages);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ManagedEditions,
    requestPolicy: 'cache-and-network',
  });
  const editions = data?.editions.nodes ?? [];
  return (
    <Stack>
      <PageTitle>{t('editionsTitle')}</PageTitle>
      <Group justify="space-between" wrap="wrap">
        <Text>{t('editionsCount', { count: data?.editions.totalCount ?? 0 })}</Text>
        <Button component={Link} to="/manage/editions/new">
          {t('newEdition')}
        </Button>
      </Group>
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {data && editions.length === 0 && <Text>{t('noManagedEditions')}</Text>}
      <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
        {editions.map((edition) => (
          <Card key={edition.id} withBorder component="li">
            <Title order={2} size="h4">
              <Anchor component={Link} to={`/manage/editions/${edition.id}`}>
                {edition.year} · {edition.title}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {edition.series.name}
            </Text>
            <EditionFacts edition={edition} mt="xs" />
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { publicMessages } from './messages';

const PublishedEditions = graphql(`
  query PublishedEditions {
    editions(first: 100) {
      nodes {
        id
        year
        title
        theme
        city
        hostCountryName
        startDate
        endDate
        status
      }
    }
  }
`);

/** The published editions, the coming ones first (nearest first), then the past ones. */
export default function HomePage() {
  const { t } = useMessages('public', publicMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PublishedEditions });
  if (fetching && !data) return <Loading />;
  const today = new Date().toISOString().slice(0, 10);
  const editions = data?.editions.nodes ?? [];
  const coming = editions
    .filter((e) => e.endDate >= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const past = editions
    .filter((e) => e.endDate < today)
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
  const list = (items: typeof editions) =>
    items.map((edition) => (
      <Card key={edition.id} withBorder component="article">
        <Title order={3} size="h4">
          <Anchor component={Link} to={`/editions/${edition.id}`}>
            {edition.title}
          </Anchor>
        </Title>
        {edition.theme && <Text c="dimmed">{edition.theme}</Text>}
        <Group gap="xs" mt="xs">
          <Text size="sm">{format.dateRange(edition.startDate, edition.endDate)}</Text>
          <Text size="sm">·</Text>
          <Text size="sm">
            {t('place', { city: edition.city, country: edition.hostCountryName })}
          </Text>
        </Group>
      </Card>
    ));
  return (
    <Stack>
      <PageTitle>{t('homeTitle')}</PageTitle>
      <Text>{t('homeIntro')}</Text>
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {editions.length === 0 && !error && <Text>{t('noEditions')}</Text>}
      {coming.length > 0 && (
        <section aria-labelledby="coming">
          <Title order={2} size="h3" id="coming" mb="sm">
            {t('upcoming')}
          </Title>
          <Stack>{list(coming)}</Stack>
        </section>
      )}
      {past.length > 0 && (
        <section aria-labelledby="past">
          <Title order={2} size="h3" id="past" mb="sm">
            {t('past')}
          </Title>
          <Stack>{list(past)}</Stack>
        </section>
      )}
    </Stack>
  );
}

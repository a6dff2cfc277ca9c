import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useMessages } from '../core/i18n';
import { delegationMessages } from './messages';
import { Seats } from './seats';

const MyDelegationsQuery = graphql(`
  query MyDelegations {
    myDelegations {
      id
      name
      seats
      seatsUsed
      seatsLeft
      categorySeats {
        category
        seats
        used
        left
      }
      edition {
        id
        year
        title
      }
    }
  }
`);

function MyDelegations() {
  const { t } = useMessages('delegations', delegationMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyDelegationsQuery });
  if (fetching && !data) return <Loading />;
  const delegations = data?.myDelegations ?? [];
  return (
    <Stack>
      <PageTitle>{t('myTitle')}</PageTitle>
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {delegations.length === 0 && !error && <Text>{t('noDelegations')}</Text>}
      {delegations.map((delegation) => (
        <Card key={delegation.id} withBorder component="article">
          <Title order={2} size="h4">
            {delegation.name}
          </Title>
          <Text size="sm" c="dimmed">
            {delegation.edition.year} · {delegation.edition.title}
          </Text>
          <Seats delegation={delegation} />
          <Button
            component={Link}
            to={`/my/delegations/${delegation.id}`}
            size="xs"
            mt="sm"
            w="fit-content"
          >
            {t('open')}
          </Button>
        </Card>
      ))}
    </Stack>
  );
}

export default function MyDelegationsPage() {
  return (
    <RequireRole roles={['FOCAL_POINT', 'ORGANIZER', 'ADMIN']}>
      <MyDelegations />
    </RequireRole>
  );
}

import { Anchor, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useMessages } from '../core/i18n';
import { DelegationView } from './delegation-view';
import { delegationMessages } from './messages';

const DelegationTitleQuery = graphql(`
  query DelegationTitle($id: ID!) {
    delegation(id: $id) {
      id
      name
      edition {
        id
        year
        title
      }
    }
  }
`);

/** A focal point's delegation: its seats, nominees, letters and the nominate form. */
function Delegation() {
  const { id = '' } = useParams();
  const { t } = useMessages('delegations', delegationMessages);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DelegationTitleQuery,
    variables: { id },
  });
  if (fetching && !data) return <Loading />;
  const delegation = data?.delegation;
  return (
    <Stack>
      <Anchor component={Link} to="/my/delegations" size="sm">
        {t('back')}
      </Anchor>
      {!delegation ? (
        <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : (
        <>
          <PageTitle>{delegation.name}</PageTitle>
          <Text c="dimmed">
            {delegation.edition.year} · {delegation.edition.title}
          </Text>
          <DelegationView id={id} />
        </>
      )}
    </Stack>
  );
}

export default function DelegationPage() {
  return (
    <RequireRole roles={['FOCAL_POINT', 'ORGANIZER', 'ADMIN']}>
      <Delegation />
    </RequireRole>
  );
}

import { Stack, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useMessages } from '../core/i18n';
import { ImplementedRecommendationsCard } from './implemented-recommendations';
import { trainingMessages } from './messages';

const ProgrammeRecommendationsQuery = graphql(`
  query ProgrammeRecommendations {
    trainingProgrammes {
      id
      title
      implementsRecommendations {
        id
        number
        year
        city
        text
      }
    }
  }
`);

/** The conference recommendations a programme implements, for its organizers. */
export default function ProgrammeRecommendationsPage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <ProgrammeRecommendationsView />
    </RequireRole>
  );
}

function ProgrammeRecommendationsView() {
  const { id = '' } = useParams();
  const { t } = useMessages('trainings', trainingMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProgrammeRecommendationsQuery });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} onRetry={reload} />;
  const programme = data.trainingProgrammes.find((p) => p.id === id);
  if (!programme) return <Text role="alert">{t('programmeNotFound')}</Text>;
  return (
    <Stack>
      <PageTitle>{t('programmeRecommendationsTitle', { title: programme.title })}</PageTitle>
      <ImplementedRecommendationsCard
        kind="programme"
        id={programme.id}
        implemented={programme.implementsRecommendations}
        onSaved={reload}
      />
    </Stack>
  );
}

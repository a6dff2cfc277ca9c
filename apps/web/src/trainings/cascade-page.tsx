import { Anchor, Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { cascadeMessages } from './messages';

const ProgrammeCascadeQuery = graphql(`
  query ProgrammeCascade($id: ID!) {
    programmeCascade(programmeId: $id) {
      branches {
        event {
          id
          title
          startDate
          endDate
        }
        masterTrainers {
          id
          fullName
          fullNameAlt
        }
        trainers {
          id
          fullName
          fullNameAlt
        }
        cascadeEvents {
          event {
            id
            title
            startDate
            endDate
          }
          trainers {
            id
            fullName
          }
          trainees {
            id
            fullName
          }
        }
        traineeCount
      }
      reach {
        direct
        throughCascade
        total
      }
    }
    trainerPool(programmeId: $id) {
      trainer {
        id
        fullName
        fullNameAlt
        organization {
          id
          name
        }
      }
      eventsTrained {
        event {
          id
          title
          startDate
          endDate
        }
        peopleTrained
      }
      trainedAsTrainerAt {
        id
        title
      }
    }
  }
`);

interface Who {
  id: string;
  fullName?: string | null;
  fullNameAlt?: string | null;
}

/** The programme's training-of-trainers cascade, its reach, and its trainer pool. */
export default function CascadePage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <Cascade />
    </RequireRole>
  );
}

function Cascade() {
  const { id = '' } = useParams();
  const { t } = useMessages('cascade', cascadeMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProgrammeCascadeQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <Loading />;
  if (!data) {
    return (
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  const { branches, reach } = data.programmeCascade;
  const name = (who: Who) => who.fullName ?? t('unlinkedAccount');
  const names = (people: Who[]) => (people.length ? people.map(name).join(', ') : t('nobody'));
  return (
    <Stack>
      <PageTitle>{t('title')}</PageTitle>
      <Text size="sm">{t('trainedMeans')}</Text>

      <section aria-labelledby="reach">
        <Title order={2} size="h3" id="reach" mb="xs">
          {t('reachTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          {(['direct', 'throughCascade', 'total'] as const).map((figure) => (
            <Card withBorder key={figure} data-testid={`reach-${figure}`}>
              <Text size="sm">{t(`reach.${figure}`)}</Text>
              <Text size="xl" fw={700}>
                {format.number(reach[figure])}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="cascade">
        <Title order={2} size="h3" id="cascade" mb="xs">
          {t('cascadeTitle')}
        </Title>
        {branches.length === 0 && <Text>{t('noTot')}</Text>}
        {branches.map((branch) => (
          <Card withBorder key={branch.event.id} mb="sm">
            <Stack gap="xs">
              <Title order={3} size="h4">
                <Anchor component={Link} to={`/trainings/events/${branch.event.id}`}>
                  {branch.event.title}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {format.dateRange(branch.event.startDate, branch.event.endDate)}
                </Text>
              </Title>
              <Text>
                <Text span fw={700}>
                  {t('masterTrainers', {
                    count: branch.masterTrainers.length,
                    number: format.number(branch.masterTrainers.length),
                  })}
                </Text>{' '}
                {names(branch.masterTrainers)}
              </Text>
              <Text>
                <Text span fw={700}>
                  {t('trainersTrained', {
                    count: branch.trainers.length,
                    number: format.number(branch.trainers.length),
                  })}
                </Text>{' '}
                {names(branch.trainers)}
              </Text>
              <Text fw={700}>
                {t('trainees', {
                  count: branch.traineeCount,
                  number: format.number(branch.traineeCount),
                })}
              </Text>
              {branch.cascadeEvents.length === 0 ? (
                <Text size="sm">{t('noCascadeEvents')}</Text>
              ) : (
                <List>
                  {branch.cascadeEvents.map((cascade) => (
                    <List.Item key={cascade.event.id}>
                      <Anchor component={Link} to={`/trainings/events/${cascade.event.id}`}>
                        {cascade.event.title}
                      </Anchor>{' '}
                      <Text span size="sm" c="dimmed">
                        {format.dateRange(cascade.event.startDate, cascade.event.endDate)}
                      </Text>
                      <Text size="sm">{t('deliveredBy', { names: names(cascade.trainers) })}</Text>
                      <Text size="sm">
                        {t('traineesOfEvent', {
                          count: cascade.trainees.length,
                          number: format.number(cascade.trainees.length),
                        })}{' '}
                        {names(cascade.trainees)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Card>
        ))}
      </section>

      <section aria-labelledby="pool">
        <Title order={2} size="h3" id="pool" mb="xs">
          {t('poolTitle')}
        </Title>
        {data.trainerPool.length === 0 ? (
          <Text>{t('poolEmpty')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainer')}</Table.Th>
                <Table.Th scope="col">{t('eventsTrained')}</Table.Th>
                <Table.Th scope="col">{t('trainedAsTrainer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.trainerPool.map((entry) => (
                <Table.Tr key={entry.trainer.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {name(entry.trainer)}
                    </Text>
                    {entry.trainer.fullNameAlt && (
                      <Text size="xs" c="dimmed">
                        {entry.trainer.fullNameAlt}
                      </Text>
                    )}
                    {entry.trainer.organization && (
                      <Text size="xs" c="dimmed">
                        {entry.trainer.organization.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {entry.eventsTrained.length === 0
                      ? t('none')
                      : entry.eventsTrained.map((trained) => (
                          <Text size="sm" key={trained.event.id}>
                            {trained.event.title} (
                            {format.dateRange(trained.event.startDate, trained.event.endDate)}
                            ):{' '}
                            {t('peopleTrained', {
                              count: trained.peopleTrained,
                              number: format.number(trained.peopleTrained),
                            })}
                          </Text>
                        ))}
                  </Table.Td>
                  <Table.Td>
                    {entry.trainedAsTrainerAt.length === 0
                      ? t('no')
                      : entry.trainedAsTrainerAt.map((tot) => tot.title).join(', ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}

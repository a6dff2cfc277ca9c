import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Loading, ProblemAlert } from '../../core/components';
import { useFormat, useMessages } from '../../core/i18n';
import { countryName } from '../countries';
import { conferenceMessages } from '../messages';

const Participation = graphql(`
  query EditionParticipation($id: ID!) {
    edition(id: $id) {
      id
      participation {
        registered
        invited
        waitlisted
        attended
        countries
        organizations
        summary
        byCountry {
          key
          label
          registered
          attended
        }
        byOrganizationType {
          key
          label
          registered
          attended
        }
        bySex {
          key
          registered
          attended
        }
        byDay {
          number
          date
          checkedIn
        }
      }
    }
  }
`);

/** Who registered and who came: the figures an edition report quotes. */
export function ParticipationSection({ editionId }: { editionId: string }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: Participation,
    variables: { id: editionId },
    requestPolicy: 'cache-and-network',
  });
  if (fetching && !data) return <Loading />;
  if (!data) {
    return (
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  const p = data.edition.participation;
  const figures = [
    ['figure.registered', p.registered],
    ['figure.invited', p.invited],
    ['figure.waitlisted', p.waitlisted],
    ['figure.attended', p.attended],
    ['figure.countries', p.countries],
    ['figure.organizations', p.organizations],
  ] as const;
  const groups = [
    {
      title: t('byCountry'),
      column: t('country'),
      rows: p.byCountry.map((row) => ({ ...row, label: countryName(row.key, format.locale) })),
    },
    {
      title: t('byOrganizationType'),
      column: t('organizationType'),
      rows: p.byOrganizationType.map((row) => ({
        ...row,
        label: t(`organizationType.${row.key}`),
      })),
    },
    {
      title: t('bySex'),
      column: t('sexColumn'),
      rows: p.bySex.map((row) => ({ ...row, label: t(`sex.${row.key}`) })),
    },
  ];
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('participationTitle')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" m={0}>
        {figures.map(([label, value]) => (
          <Card key={label} withBorder padding="sm">
            <Text component="dt" size="sm" c="dimmed">
              {t(label)}
            </Text>
            <Text component="dd" m={0} fw={700} size="xl">
              {format.number(value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {/* The report's sentence, as the API writes it (in English). */}
      {format.locale.startsWith('en') && <Text>{p.summary}</Text>}
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('byDay')}
        </Title>
        <Table.ScrollContainer minWidth={280}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dayColumn')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('checkedIn')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.byDay.map((day) => (
                <Table.Tr key={day.number}>
                  <Table.Th scope="row" fw={400}>
                    {t('dayHeading', { number: day.number, date: format.date(day.date) })}
                  </Table.Th>
                  <Table.Td ta="right">{format.number(day.checkedIn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {groups.map((group) => (
        <Stack key={group.title} gap="xs">
          <Title order={3} size="h4">
            {group.title}
          </Title>
          {group.rows.length === 0 ? (
            <Text size="sm">{t('noFigures')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={280}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{group.column}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('figure.registered')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('figure.attended')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {group.rows.map((row) => (
                    <Table.Tr key={row.key}>
                      <Table.Th scope="row" fw={400}>
                        {row.label}
                      </Table.Th>
                      <Table.Td ta="right">{format.number(row.registered)}</Table.Td>
                      <Table.Td ta="right">{format.number(row.attended)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { participantMessages } from './messages';

const MyTrainings = graphql(`
  query MyTrainings {
    myEnrollments {
      id
      status
      completed
      event {
        id
        title
        city
        countryName
        startDate
        endDate
        days
      }
      marks {
        id
        day
        status
      }
      knowledge {
        openTests
        pre
        post
      }
    }
  }
`);

function TrainingsPage() {
  const { t } = useMessages('participant', participantMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyTrainings });
  if (fetching && !data) return <Loading />;
  const enrollments = data?.myEnrollments ?? [];
  return (
    <Stack>
      <PageTitle>{t('trainingsTitle')}</PageTitle>
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {enrollments.length === 0 && !error && <Text>{t('noEnrollments')}</Text>}
      {enrollments.map((enrollment) => {
        const { event } = enrollment;
        const marks = new Map(enrollment.marks.map((mark) => [mark.day, mark.status]));
        const state =
          enrollment.status === 'WITHDRAWN'
            ? { label: t('withdrawn'), color: 'gray' }
            : enrollment.completed
              ? { label: t('completed'), color: 'green' }
              : { label: t('notCompleted'), color: 'yellow' };
        return (
          <Card key={enrollment.id} withBorder component="article">
            <Group justify="space-between" align="flex-start">
              <Title order={2} size="h4">
                {event.title}
              </Title>
              <Badge color={state.color} variant="light" c="dark.9">
                {state.label}
              </Badge>
            </Group>
            <Text size="sm" mt="xs">
              {format.dateRange(event.startDate, event.endDate)} · {event.city}, {event.countryName}
            </Text>
            {enrollment.knowledge.openTests.map((kind) => (
              <Button
                key={kind}
                component={Link}
                to={`/my/trainings/${event.id}/test/${kind}`}
                mt="sm"
                size="md"
                fullWidth
              >
                {t(`takeTest.${kind}`)}
              </Button>
            ))}
            {(enrollment.knowledge.pre != null || enrollment.knowledge.post != null) && (
              <Text size="sm" mt="xs">
                {t('testScores', {
                  pre:
                    enrollment.knowledge.pre == null
                      ? '–'
                      : format.number(enrollment.knowledge.pre),
                  post:
                    enrollment.knowledge.post == null
                      ? '–'
                      : format.number(enrollment.knowledge.post),
                })}
              </Text>
            )}
            <Table mt="sm" striped>
              <Table.Caption>{t('attendance')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('day')}</Table.Th>
                  <Table.Th scope="col">{t('mark')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {event.days.map((day) => {
                  const mark = marks.get(day);
                  return (
                    <Table.Tr key={day}>
                      <Table.Td>{format.date(day)}</Table.Td>
                      <Table.Td>{t(mark ? `mark.${mark}` : 'mark.none')}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Card>
        );
      })}
    </Stack>
  );
}

export default function MyTrainingsPage() {
  return (
    <RequireRole roles={['PARTICIPANT']}>
      <TrainingsPage />
    </RequireRole>
  );
}

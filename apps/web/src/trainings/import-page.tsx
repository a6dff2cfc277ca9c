import { useState } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { problemOf } from '../core/graphql';
import { useFormat, useMessages } from '../core/i18n';
import { trainingMessages } from './messages';
import { TRAINING_STAFF } from './staff';

const ImportEvent = graphql(`
  query ImportEvent($id: ID!) {
    trainingEvent(id: $id) {
      id
      title
    }
  }
`);

const ImportRoster = graphql(`
  mutation ImportRoster($eventId: ID!, $csv: String!, $skipBadRows: Boolean, $dryRun: Boolean) {
    importRoster(eventId: $eventId, csv: $csv, skipBadRows: $skipBadRows, dryRun: $dryRun) {
      stored
      rows
      enrolled
      alreadyEnrolled
      peopleCreated
      peopleMatched
      organizationsCreated
      errors {
        line
        field
        reason
      }
      goodRows {
        line
        fullName
        organization
        matched
        alreadyEnrolled
      }
    }
  }
`);

/** A roster file: first checked (nothing stored), then its good rows imported. */
export default function ImportPage() {
  return (
    <RequireRole roles={TRAINING_STAFF}>
      <Import />
    </RequireRole>
  );
}

function Import() {
  const { id = '' } = useParams();
  const { t } = useMessages('trainings', trainingMessages);
  const format = useFormat();
  const [{ data, fetching, error }] = useQuery({ query: ImportEvent, variables: { id } });
  const [checking, importRoster] = useMutation(ImportRoster);
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string>();
  const [fileError, setFileError] = useState<string>();
  const [check, setCheck] = useState<NonNullable<typeof checking.data>['importRoster']>();
  const [done, setDone] = useState<NonNullable<typeof checking.data>['importRoster']>();
  const [problem, setProblem] = useState<string>();

  if (fetching && !data) return <Loading />;
  const event = data?.trainingEvent;
  if (!event) return <ProblemAlert error={error} />;

  const reset = () => {
    setFile(null);
    setCsv(undefined);
    setCheck(undefined);
    setProblem(undefined);
  };

  const runCheck = async () => {
    setDone(undefined);
    setProblem(undefined);
    if (!file) {
      setFileError(t('chooseFileFirst'));
      return;
    }
    const text = await file.text();
    setCsv(text);
    const result = await importRoster({ eventId: id, csv: text, dryRun: true });
    if (result.error) {
      const p = problemOf(result.error);
      setProblem(p?.code === 'NETWORK' ? t('networkProblem') : p?.message);
      return;
    }
    setCheck(result.data?.importRoster);
  };

  const runImport = async () => {
    if (!csv || !check) return;
    const result = await importRoster({
      eventId: id,
      csv,
      skipBadRows: check.errors.length > 0,
    });
    if (result.error) {
      const p = problemOf(result.error);
      setProblem(p?.code === 'NETWORK' ? t('networkProblem') : p?.message);
      return;
    }
    setDone(result.data?.importRoster);
    reset();
  };

  const goodCount = check?.goodRows.length ?? 0;
  return (
    <Stack>
      <Anchor component={Link} to={`/trainings/events/${event.id}`} size="sm">
        {t('backToEvent', { title: event.title })}
      </Anchor>
      <PageTitle>{t('importTitle')}</PageTitle>
      <Text>{t('importHint')}</Text>

      <div role="status" aria-live="polite">
        {done && (
          <Alert color="green" title={t('importDone')}>
            {t('importDoneText', {
              count: done.enrolled,
              enrolled: format.number(done.enrolled),
              created: format.number(done.peopleCreated),
              already: format.number(done.alreadyEnrolled),
            })}{' '}
            <Anchor component={Link} to={`/trainings/events/${event.id}`}>
              {t('seeRoster')}
            </Anchor>
          </Alert>
        )}
      </div>

      {!check && (
        <Stack maw={520}>
          <FileInput
            label={t('rosterFile')}
            description={t('rosterFileHint')}
            placeholder={t('chooseFile')}
            accept=".csv,text/csv,text/plain"
            value={file}
            onChange={(value) => {
              setFile(value);
              setFileError(undefined);
            }}
            error={fileError}
            clearable
          />
          <Group>
            <Button onClick={() => void runCheck()} loading={checking.fetching}>
              {t('checkFile')}
            </Button>
          </Group>
        </Stack>
      )}
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}

      {check && (
        <Stack>
          <Alert color="blue" title={t('checkResult')}>
            {t('checkSummary', {
              count: check.rows,
              rows: format.number(check.rows),
              good: format.number(goodCount),
              bad: format.number(check.errors.length),
            })}{' '}
            {t('nothingStoredYet')}
          </Alert>

          {check.errors.length > 0 && (
            <section aria-labelledby="bad-rows">
              <Title order={2} size="h3" id="bad-rows" mb="xs">
                {t('badRows', { count: check.errors.length })}
              </Title>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('line')}</Table.Th>
                    <Table.Th scope="col">{t('column')}</Table.Th>
                    <Table.Th scope="col">{t('problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {check.errors.map((row) => (
                    <Table.Tr key={`${row.line}-${row.field ?? ''}`}>
                      <Table.Td>{format.number(row.line)}</Table.Td>
                      <Table.Td>{row.field ?? '—'}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
          )}

          {goodCount > 0 && (
            <section aria-labelledby="good-rows">
              <Title order={2} size="h3" id="good-rows" mb="xs">
                {t('goodRows', { count: goodCount })}
              </Title>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('line')}</Table.Th>
                    <Table.Th scope="col">{t('trainee')}</Table.Th>
                    <Table.Th scope="col">{t('outcome')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {check.goodRows.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{format.number(row.line)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {row.fullName}
                        {row.organization && (
                          <Text size="xs" c="dimmed">
                            {row.organization}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {row.alreadyEnrolled
                          ? t('outcomeAlready')
                          : row.matched
                            ? t('outcomeMatched')
                            : t('outcomeNew')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
          )}

          <Group>
            {goodCount > 0 && (
              <Button onClick={() => void runImport()} loading={checking.fetching}>
                {t('importGoodRows', { count: goodCount, number: format.number(goodCount) })}
              </Button>
            )}
            <Button variant="default" onClick={reset}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

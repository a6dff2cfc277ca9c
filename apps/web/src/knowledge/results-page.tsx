import { useMemo, useState } from 'react';
import { Button, Group, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { IndicatorDimension } from '../gql/graphql';
import {
  csvDataUrl,
  Loading,
  PageTitle,
  PeriodInputs,
  ProblemAlert,
  RequireRole,
} from '../core/components';
import { currentLanguage, useFormat, useMessages } from '../core/i18n';
import { TRAINING_STAFF } from '../trainings/staff';
import { knowledgeMessages } from './messages';

const KnowledgeResults = graphql(`
  query KnowledgeResults(
    $groupBy: [IndicatorDimension!]!
    $scope: KnowledgeScopeInput
    $language: Language
  ) {
    knowledgeResults(groupBy: $groupBy, scope: $scope) {
      csv(language: $language)
      groupBy
      rows {
        keys {
          dimension
          label
          value
        }
        testedPeople
        meanPre
        meanPost
        meanGain
        improvedShare
        masteredShare
      }
      totals {
        testedPeople
        meanPre
        meanPost
        meanGain
        improvedShare
        masteredShare
      }
    }
  }
`);

const DIMENSIONS: IndicatorDimension[] = [
  'PROGRAMME',
  'YEAR',
  'QUARTER',
  'MONTH',
  'COUNTRY',
  'REGION',
  'CATEGORY',
  'SEX',
  'ORGANIZATION_TYPE',
];
const FIGURES = [
  ['testedPeople', 'testedPeople', 1, ''],
  ['meanPre', 'meanPre', 1, '%'],
  ['meanPost', 'meanPost', 1, '%'],
  ['meanGain', 'meanGain', 1, ''],
  ['improvedShare', 'improved', 100, '%'],
  ['masteredShare', 'masteredShare', 100, '%'],
] as const;

/** Knowledge gain of the trainees, grouped like the indicators, with a CSV of the table. */
export default function KnowledgeResultsPage() {
  return (
    <RequireRole roles={TRAINING_STAFF}>
      <Results />
    </RequireRole>
  );
}

function Results() {
  const { t } = useMessages('knowledge', knowledgeMessages);
  const format = useFormat();
  const [groupBy, setGroupBy] = useState<IndicatorDimension[]>(['PROGRAMME']);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const scope = useMemo(() => ({ from: from || undefined, to: to || undefined }), [from, to]);
  const language = currentLanguage().toUpperCase() as 'EN' | 'RU' | 'UZ';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: KnowledgeResults,
    variables: { groupBy, scope, language },
  });
  const result = data?.knowledgeResults;
  const shown = (value: number | null | undefined, factor: number, suffix: string) =>
    value == null ? '–' : `${format.number(Math.round(value * factor * 10) / 10)}${suffix}`;
  const csvUrl = useMemo(() => result && csvDataUrl(result.csv), [result]);

  return (
    <Stack>
      <PageTitle>{t('programmeResultsTitle')}</PageTitle>
      <Text>{t('programmeResultsHint')}</Text>
      <Group align="flex-end">
        <MultiSelect
          label={t('groupBy')}
          data={DIMENSIONS.map((d) => ({ value: d, label: t(`dimension.${d}`) }))}
          value={groupBy}
          onChange={(values) => setGroupBy(values)}
          clearable
          maw={360}
          w="100%"
        />
        <PeriodInputs
          from={from}
          to={to}
          onFrom={setFrom}
          onTo={setTo}
          labels={{ from: t('from'), to: t('to') }}
        />
      </Group>
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {result && (
        <>
          <div
            role="region"
            aria-label={t('resultsCaption')}
            tabIndex={0}
            style={{ overflowX: 'auto' }}
          >
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  {result.groupBy.map((d) => (
                    <Table.Th key={d} scope="col">
                      {t(`dimension.${d}`)}
                    </Table.Th>
                  ))}
                  {FIGURES.map(([figure, label]) => (
                    <Table.Th key={figure} scope="col">
                      {t(label)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rows.map((row) => (
                  <Table.Tr key={row.keys.map((k) => k.value).join('|') || 'all'}>
                    {row.keys.map((k) => (
                      <Table.Td key={k.dimension}>{k.label}</Table.Td>
                    ))}
                    {FIGURES.map(([figure, , factor, suffix]) => (
                      <Table.Td key={figure}>{shown(row[figure], factor, suffix)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  {result.groupBy.length > 0 && (
                    <Table.Th scope="row" colSpan={result.groupBy.length}>
                      {t('total')}
                    </Table.Th>
                  )}
                  {FIGURES.map(([figure, , factor, suffix]) => (
                    <Table.Td key={figure} fw={700}>
                      {shown(result.totals[figure], factor, suffix)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </div>
          {csvUrl && (
            <Group>
              <Button component="a" href={csvUrl} download="knowledge-results.csv" variant="light">
                {t('downloadCsv')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

import { useMemo, useState } from 'react';
import { Anchor, Button, Group, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
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
import { trainingMessages } from './messages';
import { TRAINING_STAFF } from './staff';

const TrainingIndicators = graphql(`
  query TrainingIndicators(
    $groupBy: [IndicatorDimension!]!
    $filter: IndicatorFilter
    $language: Language
  ) {
    trainingIndicators(groupBy: $groupBy, filter: $filter) {
      csv(language: $language)
      groupBy
      rows {
        keys {
          dimension
          label
          value
        }
        peopleEnrolled
        peopleTrained
        enrollments
        completions
      }
      totals {
        peopleEnrolled
        peopleTrained
        enrollments
        completions
      }
    }
  }
`);

const DIMENSIONS: IndicatorDimension[] = [
  'YEAR',
  'QUARTER',
  'MONTH',
  'PROGRAMME',
  'COUNTRY',
  'REGION',
  'CATEGORY',
  'SEX',
  'ORGANIZATION_TYPE',
];
const FIGURES = ['peopleEnrolled', 'peopleTrained', 'enrollments', 'completions'] as const;

/** People enrolled and trained, grouped as the reader chooses, with a CSV of the table. */
export default function IndicatorsPage() {
  return (
    <RequireRole roles={TRAINING_STAFF}>
      <Indicators />
    </RequireRole>
  );
}

function Indicators() {
  const { t } = useMessages('trainings', trainingMessages);
  const format = useFormat();
  const [groupBy, setGroupBy] = useState<IndicatorDimension[]>(['YEAR']);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter = useMemo(() => ({ from: from || undefined, to: to || undefined }), [from, to]);
  const language = currentLanguage().toUpperCase() as 'EN' | 'RU' | 'UZ';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: TrainingIndicators,
    variables: { groupBy, filter, language },
  });
  const result = data?.trainingIndicators;

  const headers = [
    ...(result?.groupBy ?? []).map((dimension) => t(`dimension.${dimension}`)),
    ...FIGURES.map((figure) => t(`figure.${figure}`)),
  ];

  // The server writes the CSV in the reader's language, labels included.
  const csvUrl = useMemo(() => result && csvDataUrl(result.csv), [result]);

  return (
    <Stack>
      <PageTitle>{t('indicatorsTitle')}</PageTitle>
      <Text>{t('indicatorsHint')}</Text>
      <Group align="flex-end">
        <MultiSelect
          label={t('groupBy')}
          data={DIMENSIONS.map((dimension) => ({
            value: dimension,
            label: t(`dimension.${dimension}`),
          }))}
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
          {/* Wide groupings scroll inside this box, never the page; focusable for keyboards. */}
          <div
            role="region"
            aria-label={t('indicatorsCaption')}
            tabIndex={0}
            style={{ overflowX: 'auto' }}
          >
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  {headers.map((header) => (
                    <Table.Th key={header} scope="col">
                      {header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rows.map((row) => (
                  <Table.Tr key={row.keys.map((key) => key.value).join('|') || 'all'}>
                    {row.keys.map((key) => (
                      <Table.Td key={key.dimension}>
                        {/* A programme leads to its page: its targets against these figures. */}
                        {key.dimension === 'PROGRAMME' ? (
                          <Anchor component={Link} to={`/trainings/programmes/${key.value}`}>
                            {key.label}
                          </Anchor>
                        ) : (
                          key.label
                        )}
                      </Table.Td>
                    ))}
                    {FIGURES.map((figure) => (
                      <Table.Td key={figure}>{format.number(row[figure])}</Table.Td>
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
                  {FIGURES.map((figure) => (
                    <Table.Td key={figure} fw={700}>
                      {format.number(result.totals[figure])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </div>
          <Text size="sm" c="dimmed">
            {t('totalsNote')}
          </Text>
          {csvUrl && (
            <Group>
              <Button
                component="a"
                href={csvUrl}
                download="training-indicators.csv"
                variant="light"
              >
                {t('downloadCsv')}
              </Button>
              <Button component={Link} to="/trainings/knowledge" variant="subtle">
                {t('knowledgeGain')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

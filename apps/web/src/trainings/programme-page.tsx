import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ProgrammeTargetsQuery } from '../gql/graphql';
import {
  FormProblem,
  Loading,
  PageTitle,
  PeriodInputs,
  ProblemAlert,
  RequireRole,
} from '../core/components';
import { currentLanguage, useFormat, useMessages } from '../core/i18n';
import { useFormErrors } from '../core/problems';
import { CATEGORIES } from '../delegations/delegation-view';
import { delegationMessages } from '../delegations/messages';
import { trainingMessages } from './messages';
import { TRAINING_STAFF } from './staff';

const ProgrammeTargets = graphql(`
  query ProgrammeTargets($id: ID!) {
    trainingProgrammes {
      id
      title
    }
    programmeTargets(programmeId: $id) {
      from
      to
      label
      lines {
        measure
        key
        label
        target
        actual
        percent
      }
    }
  }
`);

const SetTargets = graphql(`
  mutation SetProgrammeTargets($input: SetProgrammeTargetsInput!) {
    setProgrammeTargets(input: $input) {
      from
      to
    }
  }
`);

const RemoveTargets = graphql(`
  mutation RemoveProgrammeTargets($programmeId: ID!, $from: String!, $to: String!) {
    removeProgrammeTargets(programmeId: $programmeId, from: $from, to: $to) {
      from
    }
  }
`);

type Period = ProgrammeTargetsQuery['programmeTargets'][number];

/** A programme: its targets per period against the actual figures, and its donor report. */
export default function ProgrammePage() {
  return (
    <RequireRole roles={TRAINING_STAFF}>
      <Programme />
    </RequireRole>
  );
}

function Programme() {
  const { id = '' } = useParams();
  const { t } = useMessages('trainings', trainingMessages);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ProgrammeTargets,
    variables: { id },
  });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const programme = data?.trainingProgrammes.find((p) => p.id === id);
  return (
    <Stack maw={900}>
      <PageTitle>{programme?.title ?? t('programmeTitle')}</PageTitle>
      <ProblemAlert error={error} onRetry={refresh} />
      {fetching && !data && <Loading />}
      {data && (
        <>
          <Text>{t('targetsHint')}</Text>
          {data.programmeTargets.length === 0 && <Text>{t('noTargets')}</Text>}
          {data.programmeTargets.map((period) => (
            <PeriodCard
              key={`${period.from}|${period.to}`}
              programmeId={id}
              period={period}
              onChange={refresh}
            />
          ))}
          <TargetsForm programmeId={id} onSaved={refresh} />
          {/* Starts on the first period with targets, once there is one. */}
          <DonorReportLinks
            key={data.programmeTargets.map((p) => p.label).join('|')}
            programmeId={id}
            periods={data.programmeTargets}
          />
        </>
      )}
    </Stack>
  );
}

function PeriodCard({
  programmeId,
  period,
  onChange,
}: {
  programmeId: string;
  period: Period;
  onChange: () => void;
}) {
  const { t } = useMessages('trainings', trainingMessages);
  const format = useFormat();
  const [removing, remove] = useMutation(RemoveTargets);
  const figure = (value: number | null | undefined) =>
    value == null ? '–' : format.number(Math.round(value * 10) / 10);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('periodTitle', { period: period.label })}
        </Title>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          loading={removing.fetching}
          onClick={async () => {
            const result = await remove({ programmeId, from: period.from, to: period.to });
            if (!result.error) onChange();
          }}
        >
          {t('removeTargets')}
        </Button>
      </Group>
      <ProblemAlert error={removing.error} />
      <div
        role="region"
        aria-label={t('periodTitle', { period: period.label })}
        tabIndex={0}
        style={{ overflowX: 'auto' }}
      >
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('measure')}</Table.Th>
              <Table.Th scope="col">{t('target')}</Table.Th>
              <Table.Th scope="col">{t('actual')}</Table.Th>
              <Table.Th scope="col">{t('percentOfTarget')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {period.lines.map((line) => (
              <Table.Tr key={`${line.measure}|${line.key ?? ''}`}>
                <Table.Th scope="row" fw={400}>
                  {line.label}
                </Table.Th>
                <Table.Td>{figure(line.target)}</Table.Td>
                <Table.Td>{figure(line.actual)}</Table.Td>
                <Table.Td miw={110}>
                  {line.percent == null ? (
                    '–'
                  ) : (
                    <Stack gap={2}>
                      <Text size="sm">{`${figure(line.percent)} %`}</Text>
                      <Progress
                        value={Math.min(100, line.percent)}
                        color={
                          line.percent >= 100 ? 'green' : line.percent >= 50 ? 'yellow' : 'red'
                        }
                        aria-hidden
                      />
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Card>
  );
}

const blank = (value: number | string) => (value === '' ? undefined : Number(value));

function TargetsForm({ programmeId, onSaved }: { programmeId: string; onSaved: () => void }) {
  const { t } = useMessages('trainings', trainingMessages);
  const { t: categoryText } = useMessages('delegations', delegationMessages);
  const formErrors = useFormErrors();
  const year = new Date().getFullYear();
  const [saving, save] = useMutation(SetTargets);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      peopleTrained: '' as number | string,
      female: '' as number | string,
      male: '' as number | string,
      shareOfWomen: '' as number | string,
      meanKnowledgeGain: '' as number | string,
      satisfaction: '' as number | string,
      categories: Object.fromEntries(CATEGORIES.map((c) => [c, ''])),
    },
  });
  const { values } = form;
  return (
    <Card withBorder component="section" aria-labelledby="set-targets">
      <form
        onSubmit={form.onSubmit(async () => {
          setSaved(null);
          const bySex = (
            [
              ['FEMALE', values.female],
              ['MALE', values.male],
            ] as const
          ).flatMap(([sex, people]) => (people === '' ? [] : [{ sex, people: Number(people) }]));
          const byCategory = CATEGORIES.flatMap((category) => {
            const people = values.categories[category];
            return people === '' || people === undefined
              ? []
              : [{ category, people: Number(people) }];
          });
          const result = await save({
            input: {
              programmeId,
              from: values.from,
              to: values.to,
              peopleTrained: blank(values.peopleTrained),
              peopleTrainedBySex: bySex,
              peopleTrainedByCategory: byCategory,
              shareOfWomen: blank(values.shareOfWomen),
              meanKnowledgeGain: blank(values.meanKnowledgeGain),
              satisfaction: blank(values.satisfaction),
            },
          });
          const errors = formErrors(result.error);
          // The API names a sex or category line by its position in what was sent.
          form.setErrors({
            ...errors,
            ...(errors.peopleTrainedBySex && { female: errors.peopleTrainedBySex }),
          });
          if (result.data) {
            setSaved(t('targetsSaved'));
            onSaved();
          }
        })}
      >
        <Stack>
          <Title order={2} size="h4" id="set-targets">
            {t('setTargets')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('setTargetsHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('from')} required {...form.getInputProps('from')} />
            <TextInput type="date" label={t('to')} required {...form.getInputProps('to')} />
            <NumberInput
              label={t('targetPeopleTrained')}
              min={0}
              allowDecimal={false}
              {...form.getInputProps('peopleTrained')}
            />
            <NumberInput
              label={t('targetShareOfWomen')}
              min={0}
              max={100}
              {...form.getInputProps('shareOfWomen')}
            />
            <NumberInput
              label={t('targetWomen')}
              min={0}
              allowDecimal={false}
              {...form.getInputProps('female')}
            />
            <NumberInput
              label={t('targetMen')}
              min={0}
              allowDecimal={false}
              {...form.getInputProps('male')}
            />
            <NumberInput
              label={t('targetKnowledgeGain')}
              {...form.getInputProps('meanKnowledgeGain')}
            />
            <NumberInput
              label={t('targetSatisfaction')}
              decimalScale={2}
              {...form.getInputProps('satisfaction')}
            />
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('targetByCategory')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {CATEGORIES.map((category) => (
              <NumberInput
                key={category}
                label={categoryText(`cat.${category}`)}
                min={0}
                allowDecimal={false}
                {...form.getInputProps(`categories.${category}`)}
              />
            ))}
          </SimpleGrid>
          <FormProblem
            error={saving.error}
            fields={{ ...values, peopleTrainedBySex: 1, peopleTrainedByCategory: 1 }}
          />
          {saved && (
            <Alert color="green" role="status">
              {saved}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={saving.fetching}>
              {t('saveTargets')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function DonorReportLinks({ programmeId, periods }: { programmeId: string; periods: Period[] }) {
  const { t } = useMessages('trainings', trainingMessages);
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(periods[0]?.from ?? `${year}-01-01`);
  const [to, setTo] = useState(periods[0]?.to ?? `${year}-12-31`);
  const base = `/trainings/programmes/${programmeId}/donor-report`;
  const query = `from=${from}&to=${to}`;
  return (
    <Card withBorder component="section" aria-labelledby="donor-report">
      <Stack>
        <Title order={2} size="h4" id="donor-report">
          {t('donorReport')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('donorReportHint')}
        </Text>
        <Group align="flex-end">
          <PeriodInputs
            from={from}
            to={to}
            onFrom={setFrom}
            onTo={setTo}
            labels={{ from: t('from'), to: t('to') }}
          />
        </Group>
        <Group>
          {(['en', 'ru', 'uz'] as const).map((language) => (
            <Anchor key={language} href={`${base}.pdf?${query}&lang=${language}`} download>
              {t('donorReportPdf', { language: language.toUpperCase() })}
            </Anchor>
          ))}
          <Anchor href={`${base}.csv?${query}&lang=${currentLanguage()}`} download>
            {t('donorReportCsv')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}

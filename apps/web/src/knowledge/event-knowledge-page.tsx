import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { EventKnowledgeQuery, KnowledgeQuestionType, KnowledgeTestKind } from '../gql/graphql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { notify } from '../participant/notify';
import { TRAINING_STAFF } from '../trainings/staff';
import { knowledgeMessages } from './messages';

// The texts as organizers type them: in English, with their Russian and Uzbek versions.
const EventKnowledge = graphql(`
  query EventKnowledge($id: ID!) @inContext(language: EN) {
    trainingEvent(id: $id) {
      id
      title
      programme {
        id
      }
    }
    eventKnowledgeTest(eventId: $id) {
      id
      passMark
      opened
      attemptCount
      event {
        id
      }
      questions {
        position
        type
        correct
        versions {
          field
          en
          ru
          uz
        }
      }
    }
    eventKnowledgeScores(eventId: $id) {
      enrollment {
        id
        person {
          id
          fullName
        }
      }
      pre
      preSource
      post
      postSource
      gain
      mastered
    }
    knowledgeResults(scope: { eventId: $id }) {
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

const CreateTest = graphql(`
  mutation CreateKnowledgeTest($input: CreateKnowledgeTestInput!) {
    createKnowledgeTest(input: $input) {
      id
    }
  }
`);
const UpdateTest = graphql(`
  mutation UpdateKnowledgeTest($testId: ID!, $input: UpdateKnowledgeTestInput!) {
    updateKnowledgeTest(testId: $testId, input: $input) {
      id
    }
  }
`);
const OpenTest = graphql(`
  mutation OpenKnowledgeTest($testId: ID!) {
    openKnowledgeTest(testId: $testId) {
      id
      opened
    }
  }
`);
const EnterScores = graphql(`
  mutation EnterKnowledgeScores(
    $eventId: ID!
    $kind: KnowledgeTestKind!
    $scores: [PaperScoreInput!]!
  ) {
    enterKnowledgeScores(eventId: $eventId, kind: $kind, scores: $scores) {
      pre
      post
    }
  }
`);

interface Text3 {
  en: string;
  ru: string;
  uz: string;
}
interface DraftQuestion {
  type: KnowledgeQuestionType;
  text: Text3;
  options: Text3[];
  correct: number[];
}
const empty = (): Text3 => ({ en: '', ru: '', uz: '' });
const TYPES: KnowledgeQuestionType[] = ['SINGLE', 'MULTIPLE', 'TRUE_FALSE'];

/** A trainer's or organizer's page of an event's knowledge test: questions, paper scores, results. */
export default function EventKnowledgePage() {
  return (
    <RequireRole roles={TRAINING_STAFF}>
      <EventKnowledgeView />
    </RequireRole>
  );
}

function EventKnowledgeView() {
  const { t } = useMessages('knowledge', knowledgeMessages);
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EventKnowledge,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  const event = data?.trainingEvent;
  return (
    <Stack>
      <PageTitle>
        {t('pageTitle')}
        {event ? ` — ${event.title}` : ''}
      </PageTitle>
      <ProblemAlert error={error} onRetry={reload} />
      {event && (
        <Anchor component={Link} to={`/trainings/events/${event.id}`}>
          {t('eventLink')}
        </Anchor>
      )}
      {data && event && (
        <>
          <TestEditor
            eventId={event.id}
            programmeId={event.programme.id}
            test={data.eventKnowledgeTest ?? null}
            onSaved={reload}
          />
          {data.eventKnowledgeTest && (
            <PaperScores eventId={event.id} rows={data.eventKnowledgeScores} onSaved={reload} />
          )}
          {data.eventKnowledgeTest && <Results totals={data.knowledgeResults.totals} />}
        </>
      )}
    </Stack>
  );
}

type TestData = NonNullable<EventKnowledgeQuery['eventKnowledgeTest']>;

function draftOf(test: TestData | null): DraftQuestion[] {
  return (test?.questions ?? []).map((q) => {
    const version = (field: string): Text3 => {
      const v = q.versions.find((x) => x.field === field);
      return { en: v?.en ?? '', ru: v?.ru ?? '', uz: v?.uz ?? '' };
    };
    const options = q.versions
      .filter((v) => v.field.startsWith('options.'))
      .map((v) => version(v.field));
    return { type: q.type, text: version('text'), options, correct: q.correct };
  });
}

function TestEditor({
  eventId,
  programmeId,
  test,
  onSaved,
}: {
  eventId: string;
  programmeId: string;
  test: TestData | null;
  onSaved: () => void;
}) {
  const { t } = useMessages('knowledge', knowledgeMessages);
  const [questions, setQuestions] = useState<DraftQuestion[]>(() => draftOf(test));
  const [passMark, setPassMark] = useState<number>(test?.passMark ?? 70);
  const [creating, create] = useMutation(CreateTest);
  const [updating, update] = useMutation(UpdateTest);
  const [opening, open] = useMutation(OpenTest);
  useEffect(() => {
    setQuestions(draftOf(test));
    setPassMark(test?.passMark ?? 70);
  }, [test]);
  const locked = (test?.attemptCount ?? 0) > 0;
  const error = creating.error ?? updating.error ?? opening.error;

  const input = () =>
    questions.map((q) => ({
      type: q.type,
      text: q.text,
      options: q.type === 'TRUE_FALSE' ? [] : q.options,
      correct: q.correct,
    }));
  const change = (i: number, next: Partial<DraftQuestion>) =>
    setQuestions((all) => all.map((q, j) => (j === i ? { ...q, ...next } : q)));

  if (!test) {
    return (
      <Card withBorder>
        <Stack align="flex-start">
          <Text>{t('noTestYet')}</Text>
          <ProblemAlert error={creating.error} />
          <Group>
            <Button
              loading={creating.fetching}
              onClick={async () => {
                const res = await create({ input: { programmeId, passMark: 70 } });
                if (!res.error) onSaved();
              }}
            >
              {t('createForProgramme')}
            </Button>
            <Button
              variant="light"
              loading={creating.fetching}
              onClick={async () => {
                const res = await create({ input: { eventId, passMark: 70 } });
                if (!res.error) onSaved();
              }}
            >
              {t('createForEvent')}
            </Button>
          </Group>
        </Stack>
      </Card>
    );
  }

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Text>{test.event ? t('ofEvent') : t('ofProgramme')}</Text>
          <Badge color={test.opened ? 'green' : 'gray'} variant="light" c="dark.9">
            {test.opened ? t('opened') : t('notOpened')}
          </Badge>
        </Group>
        {locked && <Alert color="blue">{t('locked', { count: test.attemptCount })}</Alert>}
        <NumberInput
          label={t('passMark')}
          min={0}
          max={100}
          value={passMark}
          disabled={locked}
          onChange={(value) => setPassMark(Number(value) || 0)}
          maw={200}
        />
        <Title order={2} size="h4">
          {t('questions')}
        </Title>
        {questions.map((q, i) => (
          <Card key={i} withBorder component="fieldset" disabled={locked}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={700} component="legend">
                  {t('question', { number: i + 1 })}
                </Text>
                {!locked && (
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => setQuestions((all) => all.filter((_, j) => j !== i))}
                  >
                    {t('removeQuestion', { number: i + 1 })}
                  </Button>
                )}
              </Group>
              <Select
                label={t('type')}
                data={TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }))}
                value={q.type}
                allowDeselect={false}
                onChange={(value) =>
                  change(i, {
                    type: value as KnowledgeQuestionType,
                    correct: [0],
                    options:
                      value === 'TRUE_FALSE'
                        ? []
                        : q.options.length >= 2
                          ? q.options
                          : [empty(), empty()],
                  })
                }
              />
              <TextsInput
                value={q.text}
                onChange={(text) => change(i, { text })}
                multiline
                label={t('question', { number: i + 1 })}
              />
              {q.type === 'TRUE_FALSE' ? (
                <Select
                  label={t('rightAnswer')}
                  data={[
                    { value: '0', label: t('true') },
                    { value: '1', label: t('false') },
                  ]}
                  value={String(q.correct[0] ?? 0)}
                  allowDeselect={false}
                  onChange={(value) => change(i, { correct: [Number(value)] })}
                />
              ) : (
                q.options.map((option, j) => (
                  <Group key={j} align="flex-end" wrap="wrap">
                    <TextsInput
                      value={option}
                      label={t('option', { number: j + 1 })}
                      onChange={(text) =>
                        change(i, { options: q.options.map((o, k) => (k === j ? text : o)) })
                      }
                    />
                    <Checkbox
                      label={t('right')}
                      checked={q.correct.includes(j)}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        const correct =
                          q.type === 'SINGLE'
                            ? [j]
                            : checked
                              ? [...q.correct, j].sort((a, b) => a - b)
                              : q.correct.filter((c) => c !== j);
                        change(i, { correct });
                      }}
                    />
                    {!locked && q.options.length > 2 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('removeOption', { number: j + 1 })}
                        onClick={() =>
                          change(i, {
                            options: q.options.filter((_, k) => k !== j),
                            correct: q.correct
                              .filter((c) => c !== j)
                              .map((c) => (c > j ? c - 1 : c)),
                          })
                        }
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                ))
              )}
              {!locked && q.type !== 'TRUE_FALSE' && q.options.length < 10 && (
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => change(i, { options: [...q.options, empty()] })}
                >
                  {t('addOption')}
                </Button>
              )}
            </Stack>
          </Card>
        ))}
        <ProblemAlert error={error} />
        {!locked && (
          <Group>
            <Button
              variant="light"
              onClick={() =>
                setQuestions((all) => [
                  ...all,
                  { type: 'SINGLE', text: empty(), options: [empty(), empty()], correct: [0] },
                ])
              }
            >
              {t('addQuestion')}
            </Button>
            <Button
              loading={updating.fetching}
              onClick={async () => {
                const res = await update({
                  testId: test.id,
                  input: { passMark, questions: input() },
                });
                if (!res.error) {
                  notify(t('saved'), t('close'));
                  onSaved();
                }
              }}
            >
              {t('save')}
            </Button>
            {!test.opened && (
              <Button
                color="green.9"
                loading={opening.fetching}
                onClick={async () => {
                  const res = await open({ testId: test.id });
                  if (!res.error) onSaved();
                }}
              >
                {t('open')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** One text in English, Russian and Uzbek, side by side on wide screens. */
function TextsInput({
  value,
  onChange,
  label,
  multiline = false,
}: {
  value: Text3;
  onChange: (value: Text3) => void;
  label: string;
  multiline?: boolean;
}) {
  const { t } = useMessages('knowledge', knowledgeMessages);
  const Input = multiline ? Textarea : TextInput;
  return (
    <Group grow wrap="wrap" style={{ flex: 1, minWidth: 240 }} align="flex-start">
      {(['en', 'ru', 'uz'] as const).map((lang) => (
        <Input
          key={lang}
          label={`${label} · ${t(lang === 'en' ? 'textEn' : lang === 'ru' ? 'textRu' : 'textUz')}`}
          value={value[lang]}
          onChange={(e) => onChange({ ...value, [lang]: e.currentTarget.value })}
          miw={200}
          lang={lang}
        />
      ))}
    </Group>
  );
}

interface ScoreRow {
  enrollment: { id: string; person: { fullName: string } };
  pre?: number | null;
  preSource?: string | null;
  post?: number | null;
  postSource?: string | null;
  gain?: number | null;
  mastered?: boolean | null;
}

function PaperScores({
  eventId,
  rows,
  onSaved,
}: {
  eventId: string;
  rows: ScoreRow[];
  onSaved: () => void;
}) {
  const { t } = useMessages('knowledge', knowledgeMessages);
  const format = useFormat();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [saving, enter] = useMutation(EnterScores);
  const score = (value?: number | null) => (value == null ? '–' : format.number(value));

  async function save(kind: KnowledgeTestKind) {
    const scores = rows.flatMap((row) => {
      const value = typed[`${kind}:${row.enrollment.id}`]?.trim();
      return value
        ? [{ enrollmentId: row.enrollment.id, score: Number(value.replace(',', '.')) }]
        : [];
    });
    if (!scores.length) return;
    const res = await enter({ eventId, kind, scores });
    if (!res.error) {
      setTyped({});
      notify(t('scoresSaved'), t('close'));
      onSaved();
    }
  }

  const cell = (row: ScoreRow, kind: KnowledgeTestKind) => {
    const value = kind === 'PRE' ? row.pre : row.post;
    const source = kind === 'PRE' ? row.preSource : row.postSource;
    if (value != null)
      return (
        <>
          {score(value)}
          {source === 'PAPER' && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({t('paper')})
            </Text>
          )}
        </>
      );
    const key = `${kind}:${row.enrollment.id}`;
    return (
      <TextInput
        size="xs"
        inputMode="decimal"
        w={80}
        aria-label={t('scoreOf', { kind: t(`kind.${kind}`), name: row.enrollment.person.fullName })}
        value={typed[key] ?? ''}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setTyped((all) => ({ ...all, [key]: value }));
        }}
      />
    );
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t('paperTitle')}
        </Title>
        <Text size="sm">{t('paperHint')}</Text>
        <div style={{ overflowX: 'auto' }} role="region" aria-label={t('paperTitle')} tabIndex={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainee')}</Table.Th>
                <Table.Th scope="col">{t('pre')}</Table.Th>
                <Table.Th scope="col">{t('post')}</Table.Th>
                <Table.Th scope="col">{t('gain')}</Table.Th>
                <Table.Th scope="col">{t('mastered')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.enrollment.id}>
                  <Table.Td>{row.enrollment.person.fullName}</Table.Td>
                  <Table.Td>{cell(row, 'PRE')}</Table.Td>
                  <Table.Td>{cell(row, 'POST')}</Table.Td>
                  <Table.Td>
                    {row.gain == null
                      ? '–'
                      : `${row.gain > 0 ? '+' : ''}${format.number(row.gain)}`}
                  </Table.Td>
                  <Table.Td>{row.mastered == null ? '–' : t(row.mastered ? 'yes' : 'no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <ProblemAlert error={saving.error} />
        <Group>
          <Button variant="light" loading={saving.fetching} onClick={() => save('PRE')}>
            {t('savePre')}
          </Button>
          <Button variant="light" loading={saving.fetching} onClick={() => save('POST')}>
            {t('savePost')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

interface Totals {
  testedPeople: number;
  meanPre?: number | null;
  meanPost?: number | null;
  meanGain?: number | null;
  improvedShare?: number | null;
  masteredShare?: number | null;
}

export function Results({ totals }: { totals: Totals }) {
  const { t } = useMessages('knowledge', knowledgeMessages);
  const format = useFormat();
  const n = (value?: number | null, suffix = '') =>
    value == null ? '–' : `${format.number(Math.round(value * 10) / 10)}${suffix}`;
  const rows: [string, string][] = [
    [t('testedPeople'), format.number(totals.testedPeople)],
    [t('meanPre'), n(totals.meanPre, '%')],
    [t('meanPost'), n(totals.meanPost, '%')],
    [t('meanGain'), n(totals.meanGain)],
    [t('improved'), n(totals.improvedShare == null ? null : totals.improvedShare * 100, '%')],
    [t('masteredShare'), n(totals.masteredShare == null ? null : totals.masteredShare * 100, '%')],
  ];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('resultsTitle')}
      </Title>
      <Table>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

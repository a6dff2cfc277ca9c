import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import { CombinedError, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { EvaluationFormsQuery, EvaluationKind, EvaluationQuestionType } from '../gql/graphql';
import {
  ConfirmDialog,
  FormProblem,
  Loading,
  PageTitle,
  ProblemAlert,
  RequireRole,
} from '../core/components';
import { currentLanguage, useFormat, useMessages } from '../core/i18n';
import { coreMessages } from '../core/messages';
import { notify } from '../participant/notify';
import { inReaderLanguage } from './answer-form';
import { evaluationMessages } from './messages';

const EvaluationForms = graphql(`
  query EvaluationForms($editionId: ID, $trainingEventId: ID) {
    evaluationForms(editionId: $editionId, trainingEventId: $trainingEventId) {
      id
      kind
      monthsAfter
      dueOn
      anonymous
      reminderDays
      complete
      sentAt
      intro {
        en
        ru
        uz
      }
      questions {
        id
        type
        isSatisfaction
        text {
          en
          ru
          uz
        }
        lowLabel {
          en
          ru
          uz
        }
        highLabel {
          en
          ru
          uz
        }
      }
      status {
        invited
        answered
        reminded
      }
    }
  }
`);

const SaveEvaluationForm = graphql(`
  mutation SaveEvaluationForm($input: SaveEvaluationFormInput!) {
    saveEvaluationForm(input: $input) {
      id
    }
  }
`);

const SendEvaluation = graphql(`
  mutation SendEvaluation($formId: ID!) {
    sendEvaluation(formId: $formId) {
      id
      sentAt
      status {
        invited
        answered
        reminded
      }
    }
  }
`);

const EvaluationResultsQuery = graphql(`
  query EvaluationResults($formId: ID!) {
    evaluationResults(formId: $formId) {
      formId
      invited
      answered
      responseRate
      withheld
      questions {
        answers
        mean
        texts
        distribution {
          rating
          count
        }
        question {
          id
          type
          text {
            en
            ru
            uz
          }
        }
      }
    }
  }
`);

type Texts = { en: string; ru: string; uz: string };
type Kind = 'TRAINING_EVENT' | 'EDITION';
const EMPTY: Texts = { en: '', ru: '', uz: '' };
const KINDS: EvaluationKind[] = ['END', 'FOLLOW_UP'];

export default function EvaluationPage({ kind }: { kind: Kind }) {
  return (
    <RequireRole
      roles={kind === 'EDITION' ? ['ORGANIZER', 'ADMIN'] : ['TRAINER', 'ORGANIZER', 'ADMIN']}
    >
      <Evaluation kind={kind} />
    </RequireRole>
  );
}

/** An event's END and FOLLOW_UP forms: editing in three languages, sending, results. */
function Evaluation({ kind }: { kind: Kind }) {
  const { t } = useMessages('evaluations', evaluationMessages);
  const { id = '' } = useParams();
  const variables = kind === 'EDITION' ? { editionId: id } : { trainingEventId: id };
  const [{ data, fetching, error }, refetch] = useQuery({ query: EvaluationForms, variables });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  const back = kind === 'EDITION' ? `/manage/editions/${id}` : `/trainings/events/${id}`;
  return (
    <Stack>
      <Anchor component={Link} to={back} size="sm">
        {t('backToEvent')}
      </Anchor>
      <PageTitle>{t('title')}</PageTitle>
      {!data ? (
        <ProblemAlert error={error} onRetry={reload} />
      ) : (
        KINDS.map((formKind) => (
          <FormCard
            key={formKind}
            kind={formKind}
            event={variables}
            form={data.evaluationForms.find((form) => form.kind === formKind)}
            onChange={reload}
          />
        ))
      )}
    </Stack>
  );
}

type Form = EvaluationFormsQuery['evaluationForms'][number];

function FormCard({
  kind,
  event,
  form,
  onChange,
}: {
  kind: EvaluationKind;
  event: { editionId?: string; trainingEventId?: string };
  form?: Form;
  onChange: () => void;
}) {
  const { t } = useMessages('evaluations', evaluationMessages);
  const { t: tc } = useMessages('core', coreMessages);
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState(false);
  const [sending, send] = useMutation(SendEvaluation);
  const headingId = `form-${kind}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3" id={headingId}>
            {t(`kind.${kind}`)}
          </Title>
          {form && (
            <Badge variant="light" c="dark.9" color={form.anonymous ? 'blue' : 'gray'}>
              {form.anonymous ? t('anonymous') : t('named')}
            </Badge>
          )}
        </Group>
        {!form && !editing && <Text>{t('none')}</Text>}
        {form?.sentAt && <Text size="sm">{t('sentOn', { date: format.date(form.sentAt) })}</Text>}
        {form && !form.sentAt && form.dueOn && (
          <Text size="sm">{t('dueOn', { date: format.date(form.dueOn) })}</Text>
        )}
        {form?.sentAt && (
          <SimpleGrid cols={3}>
            {(['invited', 'answered', 'reminded'] as const).map((key) => (
              <Stack key={key} gap={0}>
                <Text size="xs">{t(key)}</Text>
                <Text fw={700} size="xl">
                  {format.number(form.status[key])}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        )}
        {editing ? (
          <FormEditor
            kind={kind}
            event={event}
            form={form}
            onDone={(saved) => {
              setEditing(false);
              if (saved) {
                notify(t('saved'), tc('close'));
                onChange();
              }
            }}
          />
        ) : (
          <Group>
            {!form?.sentAt && (
              <Button variant="light" onClick={() => setEditing(true)}>
                {form ? t('edit') : t('create')}
              </Button>
            )}
            {form && kind === 'END' && (
              <Button disabled={!form.complete} onClick={() => setAsking(true)}>
                {t('send')}
              </Button>
            )}
          </Group>
        )}
        {form && !form.complete && !editing && (
          <Alert color="yellow" role="note">
            {t('incomplete')}
          </Alert>
        )}
        {form?.sentAt && <Text size="sm">{t('fixed')}</Text>}
        <ProblemAlert error={sending.error} />
        {form?.sentAt && <Results formId={form.id} />}
      </Stack>
      {form && (
        <ConfirmDialog
          opened={asking}
          title={t('send')}
          question={t('sendAsk')}
          keepLabel={t('keep')}
          confirmLabel={t('sendNow')}
          confirming={sending.fetching}
          onClose={() => setAsking(false)}
          onConfirm={async () => {
            await send({ formId: form.id });
            setAsking(false);
            onChange();
          }}
        />
      )}
    </Card>
  );
}

type QuestionDraft = {
  type: EvaluationQuestionType;
  text: Texts;
  lowLabel: Texts;
  highLabel: Texts;
  isSatisfaction: boolean;
};

const newQuestion = (type: EvaluationQuestionType): QuestionDraft => ({
  type,
  text: { ...EMPTY },
  lowLabel: { ...EMPTY },
  highLabel: { ...EMPTY },
  isSatisfaction: false,
});

const plain = (texts: Texts | null | undefined): Texts => ({
  en: texts?.en ?? '',
  ru: texts?.ru ?? '',
  uz: texts?.uz ?? '',
});

function FormEditor({
  kind,
  event,
  form,
  onDone,
}: {
  kind: EvaluationKind;
  event: { editionId?: string; trainingEventId?: string };
  form?: Form;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useMessages('evaluations', evaluationMessages);
  const [saving, save] = useMutation(SaveEvaluationForm);
  const [anonymous, setAnonymous] = useState(form?.anonymous ?? true);
  const [reminderDays, setReminderDays] = useState<number>(form?.reminderDays ?? 7);
  const [monthsAfter, setMonthsAfter] = useState<number>(form?.monthsAfter ?? 6);
  const [intro, setIntro] = useState<Texts>(plain(form?.intro));
  const [questions, setQuestions] = useState<QuestionDraft[]>(
    form?.questions.map((q) => ({
      type: q.type,
      text: plain(q.text),
      lowLabel: plain(q.lowLabel),
      highLabel: plain(q.highLabel),
      isSatisfaction: q.isSatisfaction,
    })) ?? [newQuestion('RATING')],
  );
  const [error, setError] = useState<CombinedError>();
  const change = (i: number, patch: Partial<QuestionDraft>) =>
    setQuestions(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const satisfaction = Math.max(
    0,
    questions.findIndex((q) => q.isSatisfaction && q.type === 'RATING'),
  );
  const submit = async () => {
    const result = await save({
      input: {
        ...event,
        kind,
        anonymous,
        reminderDays,
        monthsAfter: kind === 'FOLLOW_UP' ? monthsAfter : undefined,
        intro,
        questions: questions.map((q, i) =>
          q.type === 'RATING'
            ? {
                type: q.type,
                text: q.text,
                lowLabel: q.lowLabel,
                highLabel: q.highLabel,
                isSatisfaction: i === satisfaction,
              }
            : { type: q.type, text: q.text },
        ),
      },
    });
    setError(result.error);
    if (result.data) onDone(true);
  };
  return (
    <Stack
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Switch
        label={t('anonymous')}
        description={t('anonymousHint')}
        checked={anonymous}
        onChange={(e) => setAnonymous(e.currentTarget.checked)}
      />
      <Group grow>
        <NumberInput
          label={t('reminderDays')}
          min={1}
          max={60}
          value={reminderDays}
          onChange={(v) => setReminderDays(Number(v) || 7)}
        />
        {kind === 'FOLLOW_UP' && (
          <NumberInput
            label={t('monthsAfter')}
            min={1}
            max={36}
            value={monthsAfter}
            onChange={(v) => setMonthsAfter(Number(v) || 6)}
          />
        )}
      </Group>
      <TextsInput label={t('intro')} value={intro} onChange={setIntro} />
      <Radio.Group
        label={t('satisfaction')}
        value={String(satisfaction)}
        onChange={(value) =>
          setQuestions(questions.map((q, j) => ({ ...q, isSatisfaction: String(j) === value })))
        }
      >
        <Stack gap="md" mt="xs">
          {questions.map((question, i) => (
            <Card key={i} withBorder component="fieldset" p="sm">
              <Group justify="space-between">
                <Title order={3} size="h5" component="legend">
                  {t('question', { number: i + 1 })}
                </Title>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  disabled={questions.length === 1}
                  onClick={() => setQuestions(questions.filter((_, j) => j !== i))}
                >
                  {t('remove')}
                </Button>
              </Group>
              <Select
                aria-label={`${t('question', { number: i + 1 })}: ${t('type.RATING')} / ${t('type.TEXT')}`}
                data={(['RATING', 'TEXT'] as const).map((type) => ({
                  value: type,
                  label: t(`type.${type}`),
                }))}
                value={question.type}
                allowDeselect={false}
                onChange={(value) => value && change(i, { type: value })}
              />
              <TextsInput
                label={t('text')}
                value={question.text}
                onChange={(text) => change(i, { text })}
              />
              {question.type === 'RATING' && (
                <>
                  <TextsInput
                    label={t('lowLabel')}
                    value={question.lowLabel}
                    onChange={(lowLabel) => change(i, { lowLabel })}
                  />
                  <TextsInput
                    label={t('highLabel')}
                    value={question.highLabel}
                    onChange={(highLabel) => change(i, { highLabel })}
                  />
                  <Radio value={String(i)} label={t('satisfaction')} mt="xs" />
                </>
              )}
            </Card>
          ))}
        </Stack>
      </Radio.Group>
      <Group>
        <Button variant="light" onClick={() => setQuestions([...questions, newQuestion('RATING')])}>
          {t('addRating')}
        </Button>
        <Button variant="light" onClick={() => setQuestions([...questions, newQuestion('TEXT')])}>
          {t('addText')}
        </Button>
      </Group>
      <FormProblem error={error} fields={{}} />
      <Group>
        <Button type="submit" loading={saving.fetching}>
          {t('save')}
        </Button>
        <Button variant="default" onClick={() => onDone(false)}>
          {t('cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A text in English, Russian and Uzbek: one input each. */
function TextsInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Texts;
  onChange: (value: Texts) => void;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
      {(['en', 'ru', 'uz'] as const).map((lang) => (
        <TextInput
          key={lang}
          label={`${label} (${lang.toUpperCase()})`}
          lang={lang}
          maxLength={1000}
          value={value[lang]}
          onChange={(e) => onChange({ ...value, [lang]: e.currentTarget.value })}
        />
      ))}
    </SimpleGrid>
  );
}

function Results({ formId }: { formId: string }) {
  const { t } = useMessages('evaluations', evaluationMessages);
  const format = useFormat();
  const [{ data, error }] = useQuery({ query: EvaluationResultsQuery, variables: { formId } });
  const results = data?.evaluationResults;
  if (!results) return <ProblemAlert error={error} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('results')}
        </Title>
        <Button
          component="a"
          href={`/evaluations/${formId}/results.csv?lang=${currentLanguage()}`}
          download
          variant="subtle"
        >
          {t('csv')}
        </Button>
      </Group>
      <Text>
        {t('responseRate', {
          rate:
            results.responseRate == null
              ? '—'
              : `${format.number(Math.round(results.responseRate * 100))} %`,
        })}
      </Text>
      {results.withheld && <Alert color="blue">{t('withheld')}</Alert>}
      {!results.withheld &&
        results.questions.map((result) => (
          <Card key={result.question.id} withBorder p="sm">
            <Text fw={600}>{inReaderLanguage(result.question.text)}</Text>
            <Text size="xs" mb="xs">
              {t('answers', { count: result.answers })}
              {result.mean != null && ` · ${t('mean', { mean: format.number(result.mean) })}`}
            </Text>
            {result.question.type === 'RATING' ? (
              <Stack gap={4}>
                {result.distribution.map(({ rating, count }) => (
                  <Group key={rating} gap="xs" wrap="nowrap">
                    <Text size="sm" w={16}>
                      {rating}
                    </Text>
                    <Progress
                      value={result.answers ? (count / result.answers) * 100 : 0}
                      style={{ flex: 1 }}
                      aria-label={t('ratingOf', { rating, count })}
                    />
                    <Text size="sm" w={32} ta="right">
                      {count}
                    </Text>
                  </Group>
                ))}
              </Stack>
            ) : result.texts.length === 0 ? (
              <Text size="sm">{t('noTexts')}</Text>
            ) : (
              <Stack component="ul" gap={4} pl="md" m={0}>
                {result.texts.map((text, i) => (
                  <Text component="li" size="sm" key={i}>
                    {text}
                  </Text>
                ))}
              </Stack>
            )}
          </Card>
        ))}
    </Stack>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { KnowledgeTestKind } from '../gql/graphql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { problemOf } from '../core/graphql';
import { useFormat, useMessages } from '../core/i18n';
import { knowledgeMessages } from './messages';

// One small query to load the whole test; the right answers never come.
const MyKnowledgeTest = graphql(`
  query MyKnowledgeTest($eventId: ID!, $kind: KnowledgeTestKind!) {
    myKnowledgeTest(eventId: $eventId, kind: $kind) {
      open
      opensOn
      passMark
      questionCount
      questions {
        position
        type
        text
        options
      }
      attempt {
        score
        passed
        passMark
      }
    }
  }
`);

// One mutation sends every answer at once.
const SubmitKnowledgeTest = graphql(`
  mutation SubmitKnowledgeTest($eventId: ID!, $kind: KnowledgeTestKind!, $answers: [[Int!]!]!) {
    submitKnowledgeTest(eventId: $eventId, kind: $kind, answers: $answers) {
      score
      passed
      passMark
    }
  }
`);

const KINDS: KnowledgeTestKind[] = ['PRE', 'POST'];
const storageKey = (eventId: string, kind: string) => `knowledge-answers:${eventId}:${kind}`;

function loadAnswers(key: string, count: number): number[][] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    if (Array.isArray(stored) && stored.length === count) return stored as number[][];
  } catch {
    // A damaged entry starts the test afresh.
  }
  return Array.from({ length: count }, () => []);
}

/** A trainee takes a pre- or post-test on their phone: one question per screen. */
export default function TakeTestPage() {
  return (
    <RequireRole roles={['PARTICIPANT']}>
      <TakeTest />
    </RequireRole>
  );
}

function TakeTest() {
  const { t } = useMessages('knowledge', knowledgeMessages);
  const format = useFormat();
  const { eventId = '', kind: kindParam = '' } = useParams();
  const kind = (KINDS as string[]).includes(kindParam) ? (kindParam as KnowledgeTestKind) : 'PRE';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyKnowledgeTest,
    variables: { eventId, kind },
  });
  const test = data?.myKnowledgeTest;
  const count = test?.questions.length ?? 0;
  const key = storageKey(eventId, kind);
  const [answers, setAnswers] = useState<number[][]>([]);
  const [index, setIndex] = useState(0);
  const [submission, submit] = useMutation(SubmitKnowledgeTest);
  const result = submission.data?.submitKnowledgeTest ?? test?.attempt;

  // Answers kept in this browser until they are sent, so a reload or a lost connection loses nothing.
  useEffect(() => {
    if (count) setAnswers(loadAnswers(key, count));
  }, [key, count]);
  useEffect(() => {
    if (answers.length) localStorage.setItem(key, JSON.stringify(answers));
  }, [key, answers]);

  const unanswered = useMemo(() => answers.filter((a) => a.length === 0).length, [answers]);

  if (fetching && !data) return <Loading />;
  const title = t('kind.' + kind);

  async function send() {
    const res = await submit({ eventId, kind, answers });
    const problem = problemOf(res.error);
    if (!res.error || problem?.code === 'CONFLICT') {
      localStorage.removeItem(key);
      if (problem) refetch({ requestPolicy: 'network-only' });
    }
  }

  if (result) {
    return (
      <Stack>
        <PageTitle>{title}</PageTitle>
        <Card withBorder role="status">
          <Title order={2} size="h3">
            {t('yourScore', { score: format.number(result.score) })}
          </Title>
          <Text mt="sm">
            {t(result.passed ? 'passed' : 'notPassed', { passMark: result.passMark })}
          </Text>
        </Card>
        <Button component={Link} to="/my/trainings" variant="light" size="lg">
          {t('backToTrainings')}
        </Button>
      </Stack>
    );
  }

  if (error || !test || !test.open) {
    return (
      <Stack>
        <PageTitle>{title}</PageTitle>
        <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        {!error && (
          <Alert color="yellow">
            {!test
              ? t('noTest')
              : test.opensOn > new Date().toISOString().slice(0, 10)
                ? t('notYet', { date: format.date(test.opensOn) })
                : t('closed')}
          </Alert>
        )}
        <Button component={Link} to="/my/trainings" variant="light" size="lg">
          {t('backToTrainings')}
        </Button>
      </Stack>
    );
  }

  const question = test.questions[index];
  if (!question || answers.length !== count) return <Loading />;
  const chosen = answers[index] ?? [];
  const multiple = question.type === 'MULTIPLE';
  const options = question.type === 'TRUE_FALSE' ? [t('true'), t('false')] : question.options;
  const choose = (option: number) =>
    setAnswers((all) =>
      all.map((current, i) => {
        if (i !== index) return current;
        if (!multiple) return [option];
        return current.includes(option)
          ? current.filter((o) => o !== option)
          : [...current, option].sort((a, b) => a - b);
      }),
    );
  const last = index === count - 1;
  const offline = submission.error && problemOf(submission.error)?.code === 'NETWORK';

  return (
    <Stack>
      <PageTitle>{title}</PageTitle>
      <Text fw={700} aria-live="polite">
        {index + 1} / {count}
      </Text>
      <Progress
        value={((index + 1) / count) * 100}
        aria-label={t('progress', { current: index + 1, total: count })}
      />
      <Title order={2} size="h3" id="question">
        {question.text}
      </Title>
      <Text size="sm" c="dimmed">
        {multiple ? t('chooseAll') : t('chooseOne')}
      </Text>
      <Stack role={multiple ? 'group' : 'radiogroup'} aria-labelledby="question" gap="sm">
        {options.map((option, i) => {
          const selected = chosen.includes(i);
          return (
            <Button
              key={i}
              role={multiple ? 'checkbox' : 'radio'}
              aria-checked={selected}
              variant={selected ? 'filled' : 'default'}
              size="xl"
              fullWidth
              justify="flex-start"
              styles={{
                label: { whiteSpace: 'normal', textAlign: 'left' },
                root: { height: 'auto', minHeight: 56, paddingBlock: 12 },
              }}
              onClick={() => choose(i)}
            >
              {option}
            </Button>
          );
        })}
      </Stack>
      <Group grow>
        <Button
          variant="light"
          size="lg"
          disabled={index === 0}
          onClick={() => setIndex((i) => Math.max(0, i - 1))}
        >
          {t('previous')}
        </Button>
        {!last && (
          <Button size="lg" onClick={() => setIndex((i) => Math.min(count - 1, i + 1))}>
            {t('next')}
          </Button>
        )}
      </Group>
      {last && (
        <Stack>
          {unanswered > 0 && <Text c="orange.9">{t('unanswered', { count: unanswered })}</Text>}
          {offline ? (
            <Alert color="red" role="alert">
              <Stack gap="xs" align="flex-start">
                <span>{t('offline')}</span>
                <Button onClick={send} loading={submission.fetching}>
                  {t('retry')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <ProblemAlert error={submission.error} />
          )}
          {!offline && (
            <Button size="xl" onClick={send} loading={submission.fetching}>
              {t('submit')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import type { CombinedError } from 'urql';
import { FormProblem } from '../core/components';
import { currentLanguage, useMessages } from '../core/i18n';
import { evaluationMessages } from './messages';

type Texts = { en: string; ru: string; uz: string };

export interface FormToAnswer {
  id: string;
  anonymous: boolean;
  eventTitle: Texts;
  intro: Texts;
  questions: {
    id: string;
    type: 'RATING' | 'TEXT';
    text: Texts;
    lowLabel?: Texts | null;
    highLabel?: Texts | null;
  }[];
}

export type Answer = { questionId: string; rating?: number; text?: string };

/** A text in the reader's language (English if that one is empty). */
export function inReaderLanguage(texts: Texts | null | undefined): string {
  if (!texts) return '';
  return texts[currentLanguage()] || texts.en;
}

/** The questions on one page: ratings as five big buttons, texts as text areas. */
export function AnswerForm({
  form,
  submitting,
  error,
  onSubmit,
}: {
  form: FormToAnswer;
  submitting: boolean;
  error?: CombinedError;
  onSubmit: (answers: Answer[]) => unknown;
}) {
  const { t } = useMessages('evaluations', evaluationMessages);
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [empty, setEmpty] = useState(false);
  const submit = () => {
    const answers: Answer[] = form.questions.flatMap((question): Answer[] => {
      const rating = ratings[question.id];
      const text = texts[question.id]?.trim();
      if (question.type === 'RATING' && rating) return [{ questionId: question.id, rating }];
      if (question.type === 'TEXT' && text) return [{ questionId: question.id, text }];
      return [];
    });
    setEmpty(answers.length === 0);
    if (answers.length > 0) void onSubmit(answers);
  };
  const intro = inReaderLanguage(form.intro);
  return (
    <Stack
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Text c="dimmed">{inReaderLanguage(form.eventTitle)}</Text>
      {intro && <Text>{intro}</Text>}
      <Text size="sm">{form.anonymous ? t('anonymousNote') : t('namedNote')}</Text>
      {form.questions.map((question, i) => {
        const labelId = `question-${question.id}`;
        return (
          <Card key={question.id} withBorder component="fieldset" aria-labelledby={labelId} p="md">
            <Title order={2} size="h5" id={labelId} mb="sm">
              {i + 1}. {inReaderLanguage(question.text)}
            </Title>
            {question.type === 'RATING' ? (
              <Stack gap={4}>
                <Group gap="xs" grow>
                  {[1, 2, 3, 4, 5].map((value) => {
                    const chosen = ratings[question.id] === value;
                    return (
                      <Button
                        key={value}
                        size="lg"
                        h={56}
                        px={0}
                        variant={chosen ? 'filled' : 'default'}
                        aria-pressed={chosen}
                        onClick={() => setRatings({ ...ratings, [question.id]: value })}
                      >
                        {value}
                      </Button>
                    );
                  })}
                </Group>
                <Group justify="space-between" gap="xs">
                  <Text size="xs">1 = {inReaderLanguage(question.lowLabel)}</Text>
                  <Text size="xs" ta="right">
                    5 = {inReaderLanguage(question.highLabel)}
                  </Text>
                </Group>
              </Stack>
            ) : (
              <Textarea
                aria-labelledby={labelId}
                placeholder={t('yourAnswer')}
                autosize
                minRows={3}
                maxLength={4000}
                value={texts[question.id] ?? ''}
                onChange={(event) =>
                  setTexts({ ...texts, [question.id]: event.currentTarget.value })
                }
              />
            )}
          </Card>
        );
      })}
      {empty && (
        <Alert color="yellow" role="alert">
          {t('answerSomething')}
        </Alert>
      )}
      <FormProblem error={error} fields={{}} />
      <Button type="submit" size="lg" loading={submitting}>
        {t('submit')}
      </Button>
    </Stack>
  );
}

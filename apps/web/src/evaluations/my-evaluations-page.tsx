import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useMessages } from '../core/i18n';
import { AnswerForm, inReaderLanguage } from './answer-form';
import { SubmitEvaluation } from './answer-page';
import { evaluationMessages } from './messages';

const MyEvaluations = graphql(`
  query MyEvaluations {
    myEvaluations {
      id
      kind
      answered
      anonymous
      eventTitle {
        en
        ru
        uz
      }
      intro {
        en
        ru
        uz
      }
      questions {
        id
        type
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
    }
  }
`);

export default function MyEvaluationsPage() {
  return (
    <RequireRole roles={['PARTICIPANT', 'FOCAL_POINT', 'TRAINER', 'ORGANIZER', 'ADMIN']}>
      <MyEvaluationsList />
    </RequireRole>
  );
}

/** A signed-in participant's evaluations: the open ones answered right here. */
function MyEvaluationsList() {
  const { t } = useMessages('evaluations', evaluationMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyEvaluations });
  const [submitting, submit] = useMutation(SubmitEvaluation);
  const [open, setOpen] = useState<string>();
  const [thanked, setThanked] = useState(false);
  if (fetching && !data) return <Loading />;
  const evaluations = data?.myEvaluations ?? [];
  return (
    <Stack maw={640} mx="auto" w="100%">
      <PageTitle>{t('myTitle')}</PageTitle>
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {thanked && (
        <Alert color="green" role="status">
          {t('thanks')}
        </Alert>
      )}
      {evaluations.length === 0 && !error && <Text>{t('myNone')}</Text>}
      {evaluations.map((evaluation) => (
        <Card key={evaluation.id} withBorder component="article">
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h4">
              {inReaderLanguage(evaluation.eventTitle)}
            </Title>
            {evaluation.answered ? (
              <Badge color="green" variant="light" c="dark.9">
                {t('done')}
              </Badge>
            ) : (
              open !== evaluation.id && (
                <Button size="sm" onClick={() => setOpen(evaluation.id)}>
                  {t('answerNow')}
                </Button>
              )
            )}
          </Group>
          <Text size="sm">{t(`kind.${evaluation.kind}`)}</Text>
          {open === evaluation.id && !evaluation.answered && (
            <AnswerForm
              form={evaluation}
              submitting={submitting.fetching}
              error={submitting.error}
              onSubmit={async (answers) => {
                const result = await submit({ input: { invitationId: evaluation.id, answers } });
                if (result.data) {
                  setThanked(true);
                  setOpen(undefined);
                  refetch({ requestPolicy: 'network-only' });
                }
              }}
            />
          )}
        </Card>
      ))}
    </Stack>
  );
}

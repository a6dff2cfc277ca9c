import { useState } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert } from '../core/components';
import { problemOf } from '../core/graphql';
import { useMessages } from '../core/i18n';
import { AnswerForm } from './answer-form';
import { evaluationMessages } from './messages';

const EvaluationByToken = graphql(`
  query EvaluationByToken($token: String!) {
    evaluationByToken(token: $token) {
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

export const SubmitEvaluation = graphql(`
  mutation SubmitEvaluation($input: SubmitEvaluationInput!) {
    submitEvaluation(input: $input) {
      id
      answered
    }
  }
`);

/** The page a mailed link opens: no sign-in, one page, answered once. */
export default function AnswerPage() {
  const { t } = useMessages('evaluations', evaluationMessages);
  const { token = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EvaluationByToken,
    variables: { token },
  });
  const [submitting, submit] = useMutation(SubmitEvaluation);
  const [thanked, setThanked] = useState(false);
  if (fetching && !data) return <Loading />;
  const form = data?.evaluationByToken;
  const problem = problemOf(error);
  return (
    <Stack maw={640} mx="auto" w="100%">
      <PageTitle>{t('answerTitle')}</PageTitle>
      {!form && (problem?.code === 'NOT_FOUND' || problem?.code === 'BAD_USER_INPUT') ? (
        <Alert color="yellow" role="alert">
          {t('unknownLink')}
        </Alert>
      ) : !form ? (
        <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : thanked ? (
        <Alert color="green" role="status">
          {t('thanks')}
        </Alert>
      ) : form.answered ? (
        <Alert color="blue" role="status">
          {t('alreadyAnswered')}
        </Alert>
      ) : (
        <AnswerForm
          form={form}
          submitting={submitting.fetching}
          error={submitting.error}
          onSubmit={async (answers) => {
            const result = await submit({ input: { token, answers } });
            if (result.data) setThanked(true);
            else if (problemOf(result.error)?.reason === 'ALREADY_ANSWERED')
              refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Stack>
  );
}

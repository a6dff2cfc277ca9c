import { Alert, Button, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { PageTitle, ProblemAlert } from '../core/components';
import { useMessages } from '../core/i18n';
import { useSession } from '../core/session';
import { accountMessages } from './messages';

const ConfirmMutation = graphql(`
  mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {
    confirmEmailChange(input: $input) {
      id
      email
    }
  }
`);

/** Where the link mailed to a new address leads; the button confirms it. */
export default function EmailChangePage() {
  const { t } = useMessages('account', accountMessages);
  const { token = '' } = useParams();
  const { refresh } = useSession();
  const [confirming, confirm] = useMutation(ConfirmMutation);
  const email = confirming.data?.confirmEmailChange.email;
  return (
    <Stack maw={460}>
      <PageTitle>{t('emailChangeTitle')}</PageTitle>
      <ProblemAlert error={confirming.error} />
      {email ? (
        <Alert color="green">{t('emailChanged', { email })}</Alert>
      ) : (
        <Button
          loading={confirming.fetching}
          onClick={async () => {
            await confirm({ input: { token } });
            refresh();
          }}
        >
          {t('confirm')}
        </Button>
      )}
    </Stack>
  );
}

import { useEffect } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { PageTitle } from '../core/components';
import { switchLanguage, useMessages } from '../core/i18n';
import { isLang } from '../core/languages';
import { useSession } from '../core/session';
import { HOME_OF } from './login-page';
import { accountMessages } from './messages';

const ExchangeMutation = graphql(`
  mutation ExchangeLoginLink($input: ExchangeLoginLinkInput!) {
    exchangeLoginLink(input: $input) {
      user {
        id
        role
      }
    }
  }
`);

/**
 * Where the link in the mail leads, in the language the mail was written in. Opening it
 * uses nothing up (mail scanners open links); the button does.
 */
export default function LoginLinkPage() {
  const { t } = useMessages('account', accountMessages);
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [exchanging, exchange] = useMutation(ExchangeMutation);
  const lang = params.get('lang');

  useEffect(() => {
    if (isLang(lang)) void switchLanguage(lang);
  }, [lang]);

  return (
    <Stack maw={460}>
      <PageTitle>{t('linkTitle')}</PageTitle>
      <Text>{t('linkExplain')}</Text>
      {exchanging.error && (
        <Alert color="red" role="alert">
          {t('linkInvalid')}
        </Alert>
      )}
      <Button
        loading={exchanging.fetching}
        onClick={async () => {
          const result = await exchange({ input: { token } });
          if (result.data) {
            refresh();
            void navigate(HOME_OF[result.data.exchangeLoginLink.user.role ?? ''] ?? '/');
          }
        }}
      >
        {t('logIn')}
      </Button>
    </Stack>
  );
}

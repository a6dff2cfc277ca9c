import { useState } from 'react';
import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { PageTitle } from '../core/components';
import { useFormErrors } from '../core/problems';
import { useMessages } from '../core/i18n';
import { useSession } from '../core/session';
import { accountMessages } from './messages';

// The session comes back as an httpOnly cookie: the token is not asked for.
const LoginMutation = graphql(`
  mutation LogIn($input: LoginInput!) {
    login(input: $input) {
      user {
        id
        role
      }
    }
  }
`);

const RequestLinkMutation = graphql(`
  mutation RequestLoginLink($input: RequestLoginLinkInput!) {
    requestLoginLink(input: $input)
  }
`);

/** Where each role starts after logging in. */
export const HOME_OF: Record<string, string> = {
  PARTICIPANT: '/my/conferences',
  TRAINER: '/trainings/events',
  FOCAL_POINT: '/my/delegations',
  ORGANIZER: '/manage/editions',
  ADMIN: '/manage/editions',
};

export default function LoginPage() {
  const formErrors = useFormErrors();
  const { t } = useMessages('account', accountMessages);
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [loggingIn, login] = useMutation(LoginMutation);
  const [requesting, requestLink] = useMutation(RequestLinkMutation);
  const [linkSent, setLinkSent] = useState(false);
  const form = useForm({ initialValues: { email: '', password: '' } });
  const linkForm = useForm({ initialValues: { email: '' } });

  return (
    <Stack maw={420}>
      <PageTitle>{t('loginTitle')}</PageTitle>
      <form
        onSubmit={form.onSubmit(async (values) => {
          const result = await login({ input: values });
          form.setErrors(formErrors(result.error));
          if (result.data) {
            refresh();
            void navigate(params.get('next') ?? HOME_OF[result.data.login.user.role ?? ''] ?? '/');
          }
        })}
      >
        <Stack>
          <TextInput
            label={t('email')}
            type="email"
            autoComplete="username"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          {form.errors._form && (
            <Alert color="red" role="alert">
              {form.errors._form}
            </Alert>
          )}
          <Button type="submit" loading={loggingIn.fetching}>
            {t('logIn')}
          </Button>
        </Stack>
      </form>
      <Divider my="sm" />
      <Text size="sm">{t('participantsHint')}</Text>
      <form
        onSubmit={linkForm.onSubmit(async (values) => {
          const result = await requestLink({ input: values });
          linkForm.setErrors(formErrors(result.error));
          setLinkSent(!result.error);
        })}
      >
        <Stack>
          <TextInput
            label={t('email')}
            type="email"
            autoComplete="email"
            required
            {...linkForm.getInputProps('email')}
          />
          {linkForm.errors._form && (
            <Alert color="red" role="alert">
              {linkForm.errors._form}
            </Alert>
          )}
          {linkSent && (
            <Alert color="green" role="status">
              {t('linkSent')}
            </Alert>
          )}
          <Button type="submit" variant="light" loading={requesting.fetching}>
            {t('mailMeALink')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

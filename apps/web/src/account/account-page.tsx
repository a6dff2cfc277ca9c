import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { PageTitle, RequireRole } from '../core/components';
import { useFormErrors } from '../core/problems';
import { currentLanguage, useMessages } from '../core/i18n';
import { LANGUAGE_NAMES, LANGUAGES } from '../core/languages';
import { coreMessages } from '../core/messages';
import { useSession } from '../core/session';
import { accountMessages } from './messages';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

const LogoutEverywhereMutation = graphql(`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`);

const RequestEmailChangeMutation = graphql(`
  mutation RequestEmailChange($input: RequestEmailChangeInput!) {
    requestEmailChange(input: $input)
  }
`);

export default function AccountPage() {
  return (
    <RequireRole roles={['ADMIN', 'ORGANIZER', 'TRAINER', 'FOCAL_POINT', 'PARTICIPANT']}>
      <Account />
    </RequireRole>
  );
}

function Account() {
  const formErrors = useFormErrors();
  const { t } = useMessages('account', accountMessages);
  const { t: tc } = useMessages('core', coreMessages);
  const { user, chooseLanguage, refresh } = useSession();
  const navigate = useNavigate();
  const [changing, changePassword] = useMutation(ChangePasswordMutation);
  const [, logoutEverywhere] = useMutation(LogoutEverywhereMutation);
  const [requesting, requestEmailChange] = useMutation(RequestEmailChangeMutation);
  const [passwordChanged, setPasswordChanged] = useState(false);
  const [emailSentTo, setEmailSentTo] = useState<string>();
  const passwordForm = useForm({ initialValues: { currentPassword: '', newPassword: '' } });
  const emailForm = useForm({ initialValues: { newEmail: '' } });

  return (
    <Stack maw={520}>
      <PageTitle>{t('accountTitle')}</PageTitle>
      <Text>{t('signedInAs', { email: user?.email })}</Text>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {tc('language')}
        </Title>
        <SegmentedControl
          aria-label={tc('language')}
          value={currentLanguage()}
          onChange={(value) => void chooseLanguage(value)}
          data={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        />
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('changeEmail')}
        </Title>
        <form
          onSubmit={emailForm.onSubmit(async (values) => {
            const result = await requestEmailChange({ input: values });
            emailForm.setErrors(formErrors(result.error));
            if (!result.error) setEmailSentTo(values.newEmail);
          })}
        >
          <Stack>
            <TextInput
              label={t('newEmail')}
              type="email"
              required
              {...emailForm.getInputProps('newEmail')}
            />
            {emailForm.errors._form && <Alert color="red">{emailForm.errors._form}</Alert>}
            {emailSentTo && (
              <Alert color="green">{t('emailChangeSent', { email: emailSentTo })}</Alert>
            )}
            <Button type="submit" variant="light" loading={requesting.fetching}>
              {t('changeEmail')}
            </Button>
          </Stack>
        </form>
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('changePassword')}
        </Title>
        <form
          onSubmit={passwordForm.onSubmit(async (values) => {
            const result = await changePassword({ input: values });
            passwordForm.setErrors(formErrors(result.error));
            setPasswordChanged(!result.error);
          })}
        >
          <Stack>
            <PasswordInput
              label={t('currentPassword')}
              autoComplete="current-password"
              required
              {...passwordForm.getInputProps('currentPassword')}
            />
            <PasswordInput
              label={t('newPassword')}
              autoComplete="new-password"
              required
              {...passwordForm.getInputProps('newPassword')}
            />
            {passwordForm.errors._form && <Alert color="red">{passwordForm.errors._form}</Alert>}
            {passwordChanged && <Alert color="green">{t('passwordChanged')}</Alert>}
            <Button type="submit" loading={changing.fetching}>
              {t('changePassword')}
            </Button>
          </Stack>
        </form>
      </Card>

      <Button
        variant="outline"
        color="red"
        onClick={async () => {
          await logoutEverywhere({});
          refresh();
          void navigate('/');
        }}
      >
        {t('logoutEverywhere')}
      </Button>
    </Stack>
  );
}

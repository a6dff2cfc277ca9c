import { useMemo, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { InvitationLetterStatus } from '../gql/graphql';
import { FormProblem, ProblemAlert } from '../core/components';
import { currentLanguage, useMessages } from '../core/i18n';
import { useFormErrors } from '../core/problems';
import { countryOptions } from '../conferences/countries';
import { participantMessages } from './messages';
import { notify } from './notify';

const SetListed = graphql(`
  mutation SetListedConsent($registrationId: ID!, $listed: Boolean!) {
    setListedConsent(registrationId: $registrationId, listed: $listed) {
      id
      listed
    }
  }
`);

const RequestLetter = graphql(`
  mutation RequestInvitationLetter($input: RequestInvitationLetterInput!) {
    requestInvitationLetter(input: $input) {
      id
      status
    }
  }
`);

/** The fields the API may name: their problems show under them, not above the button. */
const PASSPORT_FIELDS = Object.fromEntries(
  ['nameAsInPassport', 'nationality', 'passportNumber', 'dateOfBirth'].map((f) => [
    `passport.${f}`,
    true,
  ]),
);

export interface MyLetter {
  id: string;
  status: InvitationLetterStatus;
  number?: string | null;
  declineReason?: string | null;
  erasedAt?: string | null;
  registration: { id: string };
}

/** The consent to appear in the public list of participants, changed by the person. */
export function ListedConsent({
  registrationId,
  listed,
  title,
}: {
  registrationId: string;
  listed: boolean;
  title: string;
}) {
  const { t } = useMessages('participant', participantMessages);
  const [state, setListed] = useMutation(SetListed);
  // Shown at once; put back if the API refuses.
  const [checked, setChecked] = useState(listed);
  return (
    <Stack gap={4} mt="sm">
      <Switch
        checked={checked}
        disabled={state.fetching}
        label={t('listedConsent')}
        description={t('listedConsentHint')}
        aria-label={t('listedConsentFor', { title })}
        onChange={async (event) => {
          const wanted = event.currentTarget.checked;
          setChecked(wanted);
          const result = await setListed({ registrationId, listed: wanted });
          if (result.data) notify(t('listedSaved'), t('close'), 'green');
          else setChecked(!wanted);
        }}
      />
      <ProblemAlert error={state.error} />
    </Stack>
  );
}

/**
 * The visa invitation letter of one registration: its status and download once approved,
 * or the form that asks for one with the passport data it needs.
 */
export function InvitationLetterPanel({
  registrationId,
  letters,
  onChanged,
}: {
  registrationId: string;
  letters: MyLetter[];
  onChanged: () => void;
}) {
  const { t } = useMessages('participant', participantMessages);
  const [asking, setAsking] = useState(false);
  const own = letters.filter((letter) => letter.registration.id === registrationId);
  // The newest first (myInvitationLetters is newest first).
  const [latest] = own;
  const open = latest && latest.status !== 'DECLINED';
  return (
    <Stack gap="xs" mt="sm">
      <Title order={4} size="h6">
        {t('letterTitle')}
      </Title>
      {latest && (
        <Group gap="sm" wrap="wrap">
          <Badge variant="light" c="dark.9" color={latest.status === 'DECLINED' ? 'gray' : 'blue'}>
            {t(`letter.${latest.status}`)}
          </Badge>
          {latest.number && <Text size="sm">{t('letterNumber', { number: latest.number })}</Text>}
          {latest.status === 'APPROVED' && !latest.erasedAt && (
            <Anchor
              href={`/documents/invitation-letters/${latest.id}.pdf?inline=1`}
              target="_blank"
              rel="noopener"
            >
              {t('letterPdf')}
            </Anchor>
          )}
        </Group>
      )}
      {latest?.status === 'DECLINED' && latest.declineReason && (
        <Text size="sm">{t('letterDeclinedBecause', { reason: latest.declineReason })}</Text>
      )}
      {latest?.status === 'APPROVED' && latest.erasedAt && (
        <Text size="sm" c="dimmed">
          {t('letterErased')}
        </Text>
      )}
      {!open && !asking && (
        <Group>
          <Button size="xs" variant="light" onClick={() => setAsking(true)}>
            {t('requestLetter')}
          </Button>
        </Group>
      )}
      {!open && asking && (
        <LetterForm
          registrationId={registrationId}
          onCancel={() => setAsking(false)}
          onDone={() => {
            setAsking(false);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}

function LetterForm({
  registrationId,
  onCancel,
  onDone,
}: {
  registrationId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useMessages('participant', participantMessages);
  const formErrors = useFormErrors();
  const [state, request] = useMutation(RequestLetter);
  const lang = currentLanguage();
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const form = useForm({
    initialValues: {
      passport: { nameAsInPassport: '', nationality: '', passportNumber: '', dateOfBirth: '' },
    },
  });
  return (
    <Card withBorder>
      <form
        autoComplete="off"
        onSubmit={form.onSubmit(async (values) => {
          const result = await request({ input: { registrationId, passport: values.passport } });
          form.setErrors(formErrors(result.error));
          if (result.data) {
            notify(t('letterRequested'), t('close'), 'green');
            onDone();
          }
        })}
      >
        <Stack>
          <Text size="sm">{t('letterIntro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('nameAsInPassport')}
              description={t('nameAsInPassportHint')}
              required
              {...form.getInputProps('passport.nameAsInPassport')}
            />
            <Select
              label={t('nationality')}
              data={countries}
              searchable
              required
              {...form.getInputProps('passport.nationality')}
            />
            <TextInput
              label={t('passportNumber')}
              required
              spellCheck={false}
              {...form.getInputProps('passport.passportNumber')}
            />
            <TextInput
              type="date"
              label={t('dateOfBirth')}
              required
              {...form.getInputProps('passport.dateOfBirth')}
            />
          </SimpleGrid>
          <FormProblem error={state.error} fields={PASSPORT_FIELDS} />
          <Group>
            <Button type="submit" loading={state.fetching}>
              {t('sendLetterRequest')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

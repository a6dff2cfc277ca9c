import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Language, ProfessionalCategory, Sex } from '../gql/graphql';
import { Loading, ProblemAlert } from '../core/components';
import { problemOf } from '../core/graphql';
import { useMessages } from '../core/i18n';
import { useFormErrors } from '../core/problems';
import { useNotify } from '../conferences/notify';
import { fileToBase64 } from './file-to-base64';
import { delegationMessages } from './messages';
import { Seats } from './seats';

export const CATEGORIES: ProfessionalCategory[] = [
  'OPERATIONAL_OFFICER',
  'INVESTIGATOR',
  'JUDGE',
  'PROSECUTOR',
  'BORDER_OFFICER',
  'SOCIAL_WORKER',
  'NGO_STAFF',
  'DIPLOMAT',
  'EXPERT',
  'OTHER',
];
const LANGUAGES: Language[] = ['EN', 'RU', 'UZ'];

const DelegationQuery = graphql(`
  query Delegation($id: ID!) {
    delegation(id: $id) {
      id
      name
      seats
      seatsUsed
      seatsLeft
      categorySeats {
        category
        seats
        used
        left
      }
      edition {
        id
        year
        title
      }
      nominations {
        id
        status
        category
        listed
        hasLetter
        declineReason
        person {
          id
          fullName
          fullNameAlt
        }
      }
    }
  }
`);

const NominateMutation = graphql(`
  mutation Nominate($input: NominateInput!) {
    nominate(input: $input) {
      id
    }
  }
`);
const UploadLetterMutation = graphql(`
  mutation UploadNominationLetter($input: NominationLetterInput!) {
    uploadNominationLetter(input: $input) {
      id
      hasLetter
    }
  }
`);
const SubmitMutation = graphql(`
  mutation SubmitNomination($id: ID!) {
    submitNomination(id: $id) {
      id
      status
    }
  }
`);
const SubmitAllMutation = graphql(`
  mutation SubmitNominations($delegationId: ID!) {
    submitNominations(delegationId: $delegationId) {
      id
      status
    }
  }
`);
const WithdrawMutation = graphql(`
  mutation WithdrawNomination($id: ID!) {
    withdrawNomination(id: $id) {
      id
    }
  }
`);
const ApproveMutation = graphql(`
  mutation ApproveNomination($id: ID!) {
    approveNomination(id: $id) {
      id
      status
    }
  }
`);
const DeclineMutation = graphql(`
  mutation DeclineNomination($input: DeclineNominationInput!) {
    declineNomination(input: $input) {
      id
      status
    }
  }
`);

const STATUS_COLOR: Record<string, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  APPROVED: 'green',
  DECLINED: 'red',
};

/**
 * One delegation: its seats, its nominees with what can be done to each, and the form to
 * nominate. Organizers (`organizer`) also approve and decline.
 */
export function DelegationView({ id, organizer = false }: { id: string; organizer?: boolean }) {
  const { t } = useMessages('delegations', delegationMessages);
  const notify = useNotify();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DelegationQuery,
    variables: { id },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [, submit] = useMutation(SubmitMutation);
  const [, submitAll] = useMutation(SubmitAllMutation);
  const [, withdraw] = useMutation(WithdrawMutation);
  const [, approve] = useMutation(ApproveMutation);
  const [, decline] = useMutation(DeclineMutation);
  const [actionError, setActionError] = useState<Parameters<typeof ProblemAlert>[0]['error']>();
  if (fetching && !data) return <Loading />;
  const delegation = data?.delegation;
  if (!delegation) return <ProblemAlert error={error} onRetry={reload} />;

  const act = async (run: () => Promise<{ error?: typeof actionError }>, done: string) => {
    const result = await run();
    setActionError(result.error);
    if (!result.error) {
      notify(done);
      reload();
    }
  };
  const drafts = delegation.nominations.filter((n) => n.status === 'DRAFT');

  return (
    <Stack>
      <Seats delegation={delegation} />
      <ProblemAlert error={actionError} />
      <Title order={3} size="h5">
        {t('nominees')}
      </Title>
      {delegation.nominations.length === 0 && <Text size="sm">{t('noNominees')}</Text>}
      {delegation.nominations.map((nomination) => (
        <Card key={nomination.id} withBorder component="article" padding="sm">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={600}>{nomination.person.fullName}</Text>
              {nomination.person.fullNameAlt && (
                <Text size="sm">{nomination.person.fullNameAlt}</Text>
              )}
              <Text size="sm" c="dimmed">
                {t(`cat.${nomination.category}`)}
              </Text>
            </div>
            <Badge color={STATUS_COLOR[nomination.status]} variant="light" c="dark.9">
              {t(`status.${nomination.status}`)}
            </Badge>
          </Group>
          {nomination.declineReason && (
            <Text size="sm" mt="xs">
              {t('declineReason', { reason: nomination.declineReason })}
            </Text>
          )}
          <Group mt="xs" gap="xs" wrap="wrap">
            {nomination.hasLetter ? (
              <Button
                component="a"
                href={`/documents/nominations/${nomination.id}/letter.pdf`}
                target="_blank"
                rel="noopener"
                size="xs"
                variant="light"
              >
                {t('openLetter')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t('letterMissing')}
              </Text>
            )}
            {nomination.status === 'DRAFT' && (
              <>
                <Button
                  size="xs"
                  onClick={() => void act(() => submit({ id: nomination.id }), t('submitted'))}
                >
                  {t('submit')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => void act(() => withdraw({ id: nomination.id }), t('withdrawn'))}
                >
                  {t('withdraw')}
                </Button>
              </>
            )}
            {organizer && nomination.status === 'SUBMITTED' && (
              <>
                <Button
                  size="xs"
                  color="green"
                  onClick={() => void act(() => approve({ id: nomination.id }), t('approved'))}
                >
                  {t('approve')}
                </Button>
                <DeclineButton
                  onDecline={(reason) =>
                    act(
                      () => decline({ input: { nominationId: nomination.id, reason } }),
                      t('declined'),
                    )
                  }
                />
              </>
            )}
          </Group>
          {(nomination.status === 'DRAFT' || nomination.status === 'SUBMITTED') && (
            <LetterUpload nominationId={nomination.id} onUploaded={reload} />
          )}
        </Card>
      ))}
      {drafts.length > 1 && (
        <Button
          w="fit-content"
          onClick={() => void act(() => submitAll({ delegationId: id }), t('submitted'))}
        >
          {t('submitAll')}
        </Button>
      )}
      <NominateForm delegationId={id} onNominated={reload} />
    </Stack>
  );
}

function DeclineButton({ onDecline }: { onDecline: (reason: string) => Promise<void> }) {
  const { t } = useMessages('delegations', delegationMessages);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <Button size="xs" color="red" variant="light" onClick={() => setOpen(true)}>
        {t('decline')}
      </Button>
    );
  return (
    <Group gap="xs" align="flex-end">
      <TextInput
        size="xs"
        label={t('reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Button size="xs" color="red" onClick={() => void onDecline(reason)}>
        {t('decline')}
      </Button>
    </Group>
  );
}

function LetterUpload({
  nominationId,
  onUploaded,
}: {
  nominationId: string;
  onUploaded: () => void;
}) {
  const { t } = useMessages('delegations', delegationMessages);
  const notify = useNotify();
  const formErrors = useFormErrors();
  const [file, setFile] = useState<File | null>(null);
  const [{ fetching, error }, upload] = useMutation(UploadLetterMutation);
  const errors = formErrors(error, ['letter']);
  const send = async () => {
    if (!file) return;
    const letter = await fileToBase64(file);
    const result = await upload({ input: { nominationId, letter } });
    if (!result.error) {
      notify(t('letterUploaded'));
      setFile(null);
      onUploaded();
    }
  };
  return (
    <Group mt="xs" gap="xs" align="flex-end" wrap="wrap">
      <FileInput
        size="xs"
        label={t('letter')}
        accept="application/pdf"
        value={file}
        onChange={setFile}
        error={errors.letter}
        clearable
        w={280}
      />
      <Button size="xs" disabled={!file} loading={fetching} onClick={() => void send()}>
        {t('uploadLetter')}
      </Button>
    </Group>
  );
}

function NominateForm({
  delegationId,
  onNominated,
}: {
  delegationId: string;
  onNominated: () => void;
}) {
  const { t } = useMessages('delegations', delegationMessages);
  const notify = useNotify();
  const formErrors = useFormErrors();
  const empty = {
    nameLatin: '',
    nameCyrillic: '',
    email: '',
    position: '',
    sex: '' as Sex | '',
    category: 'OTHER' as ProfessionalCategory,
    language: 'EN' as Language,
    listed: false,
  };
  const [values, setValues] = useState(empty);
  const [{ fetching, error }, nominate] = useMutation(NominateMutation);
  const fields = ['nameLatin', 'nameCyrillic', 'email', 'category', 'position', 'sex', 'language'];
  const errors = formErrors(error, fields);
  const problem = problemOf(error);
  const full = problem?.reason === 'NO_SEATS_LEFT';
  const set = (name: keyof typeof empty) => (value: unknown) =>
    setValues((v) => ({ ...v, [name]: value }));
  const send = async () => {
    const result = await nominate({
      input: {
        delegationId,
        nameLatin: values.nameLatin.trim() || null,
        nameCyrillic: values.nameCyrillic.trim() || null,
        email: values.email.trim() || null,
        position: values.position.trim() || null,
        sex: values.sex || null,
        category: values.category,
        language: values.language,
        listed: values.listed,
      },
    });
    if (!result.error) {
      notify(t('nominated', { name: values.nameLatin }));
      setValues(empty);
      onNominated();
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="nominate-title">
      <Title order={3} size="h5" id="nominate-title">
        {t('nominateTitle')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <Stack gap="xs" mt="xs">
          <TextInput
            label={t('nameLatin')}
            value={values.nameLatin}
            onChange={(e) => set('nameLatin')(e.currentTarget.value)}
            error={errors.nameLatin}
          />
          <TextInput
            label={t('nameCyrillic')}
            value={values.nameCyrillic}
            onChange={(e) => set('nameCyrillic')(e.currentTarget.value)}
            error={errors.nameCyrillic}
          />
          <TextInput
            label={t('email')}
            type="email"
            value={values.email}
            onChange={(e) => set('email')(e.currentTarget.value)}
            error={errors.email}
          />
          <Select
            label={t('category')}
            data={CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))}
            value={values.category}
            onChange={(v) => v && set('category')(v)}
            error={full ? undefined : errors.category}
            allowDeselect={false}
          />
          <Select
            label={t('sex')}
            data={(['FEMALE', 'MALE'] as Sex[]).map((s) => ({ value: s, label: t(`sex.${s}`) }))}
            value={values.sex || null}
            onChange={(v) => set('sex')(v ?? '')}
            clearable
          />
          <TextInput
            label={t('position')}
            value={values.position}
            onChange={(e) => set('position')(e.currentTarget.value)}
            error={errors.position}
          />
          <Select
            label={t('language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
            value={values.language}
            onChange={(v) => v && set('language')(v)}
            allowDeselect={false}
          />
          <Checkbox
            label={t('listed')}
            checked={values.listed}
            onChange={(e) => set('listed')(e.currentTarget.checked)}
          />
          {full ? (
            <Alert color="red" role="alert" title={t('noSeatLeft')}>
              {problem.message}
            </Alert>
          ) : (
            errors._form && (
              <Alert color="red" role="alert">
                {errors._form}
              </Alert>
            )
          )}
          <Button type="submit" loading={fetching} w="fit-content">
            {t('nominate')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

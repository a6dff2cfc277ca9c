import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { FormProblem, Loading, ProblemAlert } from '../../core/components';
import { useFormat, useMessages } from '../../core/i18n';
import { useFormErrors } from '../../core/problems';
import { conferenceMessages } from '../messages';
import { useNotify } from '../notify';

const Letters = graphql(`
  query EditionInvitationLetters($editionId: ID!) {
    invitationLetters(editionId: $editionId) {
      id
      status
      number
      personName
      requestedAt
      declineReason
      erasedAt
    }
  }
`);

const Passport = graphql(`
  query InvitationLetterPassport($id: ID!) {
    invitationLetterPassport(id: $id) {
      nameAsInPassport
      nationalityName
      passportNumber
      dateOfBirth
    }
  }
`);

const Approve = graphql(`
  mutation ApproveInvitationLetter($id: ID!, $input: ApproveInvitationLetterInput!) {
    approveInvitationLetter(id: $id, input: $input) {
      id
      status
      number
    }
  }
`);

const Decline = graphql(`
  mutation DeclineInvitationLetter($id: ID!, $reason: String!) {
    declineInvitationLetter(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

type Letter = {
  id: string;
  status: 'REQUESTED' | 'APPROVED' | 'DECLINED';
  number?: string | null;
  personName: string;
};

/** The visa invitation letters asked for the edition: review, approve or decline, download. */
export function LettersSection({ editionId }: { editionId: string }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: Letters,
    variables: { editionId },
  });
  const [deciding, setDeciding] = useState<{ letter: Letter; approve: boolean }>();
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  const letters = data?.invitationLetters ?? [];
  return (
    <Stack>
      <Title order={2} size="h3" id="letters-title">
        {t('lettersTitle')}
      </Title>
      <Text size="sm">{t('lettersIntro')}</Text>
      <ProblemAlert error={error} onRetry={reload} />
      {letters.length === 0 && <Text>{t('noLetters')}</Text>}
      {letters.length > 0 && (
        <div
          role="region"
          aria-labelledby="letters-title"
          tabIndex={0}
          style={{ overflowX: 'auto', maxWidth: '100%' }}
        >
          <Table striped miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('letterPerson')}</Table.Th>
                <Table.Th scope="col">{t('letterRequestedOn')}</Table.Th>
                <Table.Th scope="col">{t('letterStatus')}</Table.Th>
                <Table.Th scope="col">{t('letterActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {letters.map((letter) => (
                <Table.Tr key={letter.id}>
                  <Table.Th scope="row" fw={500}>
                    {letter.personName}
                  </Table.Th>
                  <Table.Td>{format.date(letter.requestedAt.slice(0, 10))}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" c="dark.9">
                      {t(`letter.${letter.status}`)}
                    </Badge>
                    {letter.number && <Text size="sm">{letter.number}</Text>}
                    {letter.declineReason && <Text size="sm">{letter.declineReason}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      {letter.status === 'REQUESTED' && (
                        <>
                          <Button
                            size="xs"
                            onClick={() => setDeciding({ letter, approve: true })}
                            aria-label={t('reviewLetterOf', { name: letter.personName })}
                          >
                            {t('reviewLetter')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setDeciding({ letter, approve: false })}
                            aria-label={t('declineLetterOf', { name: letter.personName })}
                          >
                            {t('declineLetter')}
                          </Button>
                        </>
                      )}
                      {letter.status === 'APPROVED' && !letter.erasedAt && (
                        <Anchor
                          href={`/documents/invitation-letters/${letter.id}.pdf?inline=1`}
                          target="_blank"
                          rel="noopener"
                          aria-label={t('letterPdfOf', { name: letter.personName })}
                        >
                          {t('letterPdf')}
                        </Anchor>
                      )}
                      {letter.erasedAt && (
                        <Text size="sm" c="dimmed">
                          {t('passportErased')}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Modal
        opened={Boolean(deciding)}
        onClose={() => setDeciding(undefined)}
        title={deciding?.letter.personName}
        closeButtonProps={{ 'aria-label': t('cancel') }}
        size="lg"
      >
        {deciding?.approve && (
          <ApproveForm
            letter={deciding.letter}
            onDone={() => {
              setDeciding(undefined);
              reload();
            }}
          />
        )}
        {deciding && !deciding.approve && (
          <DeclineForm
            letter={deciding.letter}
            onDone={() => {
              setDeciding(undefined);
              reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

/** The passport data to check against the nomination, and who signs the letter. */
function ApproveForm({ letter, onDone }: { letter: Letter; onDone: () => void }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const format = useFormat();
  const formErrors = useFormErrors();
  const [passport] = useQuery({ query: Passport, variables: { id: letter.id } });
  const [state, approve] = useMutation(Approve);
  const notify = useNotify();
  const form = useForm({ initialValues: { signatoryName: '', signatoryPosition: '' } });
  const data = passport.data?.invitationLetterPassport;
  return (
    <Stack>
      <ProblemAlert error={passport.error} />
      {data && (
        <Card withBorder>
          <Stack gap={4}>
            <Text size="sm">
              {t('nameAsInPassport')}: <b>{data.nameAsInPassport}</b>
            </Text>
            <Text size="sm">
              {t('nationality')}: <b>{data.nationalityName}</b>
            </Text>
            <Text size="sm">
              {t('passportNumber')}: <b>{data.passportNumber}</b>
            </Text>
            <Text size="sm">
              {t('dateOfBirth')}: <b>{format.date(data.dateOfBirth)}</b>
            </Text>
          </Stack>
        </Card>
      )}
      <form
        onSubmit={form.onSubmit(async (values) => {
          const result = await approve({ id: letter.id, input: values });
          form.setErrors(formErrors(result.error));
          if (result.data) {
            notify(
              t('letterApproved', { number: result.data.approveInvitationLetter.number ?? '' }),
            );
            onDone();
          }
        })}
      >
        <Stack>
          <TextInput label={t('signatoryName')} required {...form.getInputProps('signatoryName')} />
          <TextInput
            label={t('signatoryPosition')}
            required
            {...form.getInputProps('signatoryPosition')}
          />
          <FormProblem error={state.error} fields={form.values} />
          <Group>
            <Button type="submit" loading={state.fetching}>
              {t('approveLetter')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function DeclineForm({ letter, onDone }: { letter: Letter; onDone: () => void }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const formErrors = useFormErrors();
  const [state, decline] = useMutation(Decline);
  const notify = useNotify();
  const form = useForm({ initialValues: { reason: '' } });
  return (
    <form
      onSubmit={form.onSubmit(async (values) => {
        const result = await decline({ id: letter.id, reason: values.reason });
        form.setErrors(formErrors(result.error));
        if (result.data) {
          notify(t('letterDeclined'));
          onDone();
        }
      })}
    >
      <Stack>
        <Textarea
          label={t('declineReason')}
          description={t('declineReasonHint')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
        />
        <FormProblem error={state.error} fields={form.values} />
        <Group>
          <Button type="submit" color="red" loading={state.fetching}>
            {t('declineLetter')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

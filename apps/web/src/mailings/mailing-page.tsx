import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type {
  MailingInput,
  MailTemplate,
  PreviewMailingQuery,
  RegistrationStatus,
} from '../gql/graphql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useMessages } from '../core/i18n';
import { LANGUAGE_NAMES, isLang } from '../core/languages';
import { mailingMessages } from './messages';
import type { CombinedError } from 'urql';

const EditionQuery = graphql(`
  query MailingEdition($id: ID!) {
    edition(id: $id) {
      id
      title
      workingGroups {
        id
        name
      }
    }
  }
`);

const PreviewQuery = graphql(`
  query PreviewMailing($input: MailingInput!) {
    previewMailing(input: $input) {
      recipients
      withoutEmail
      sample {
        to
        language
        subject
        text
      }
    }
  }
`);

const SendMutation = graphql(`
  mutation SendMailing($input: MailingInput!) {
    sendMailing(input: $input) {
      queued
      alreadyQueued
      withoutEmail
    }
  }
`);

/** What an edition's participants may be sent (the API refuses the others). */
const TEMPLATES: MailTemplate[] = [
  'INVITATION',
  'REGISTRATION_CONFIRMED',
  'REMINDER',
  'RECOMMENDATIONS',
];
const STATUSES: RegistrationStatus[] = [
  'INVITED',
  'REGISTERED',
  'CONFIRMED',
  'WAITLISTED',
  'DECLINED',
  'CANCELLED',
];

export default function MailingPage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <Mailing />
    </RequireRole>
  );
}

function Mailing() {
  const { t } = useMessages('mailings', mailingMessages);
  const { id = '' } = useParams();
  const client = useClient();
  const [edition] = useQuery({ query: EditionQuery, variables: { id } });
  const [template, setTemplate] = useState<MailTemplate>('REMINDER');
  const [statuses, setStatuses] = useState<string[]>(['REGISTERED', 'CONFIRMED']);
  const [country, setCountry] = useState('');
  const [workingGroupId, setWorkingGroupId] = useState<string | null>(null);
  const [preview, setPreview] = useState<
    { input: MailingInput; result: PreviewMailingQuery['previewMailing'] } | undefined
  >();
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<CombinedError | undefined>();
  const [asking, setAsking] = useState(false);
  const [sending, send] = useMutation(SendMutation);
  const [sent, setSent] = useState<{ queued: number; alreadyQueued: number } | undefined>();

  if (edition.fetching && !edition.data) return <Loading />;
  if (!edition.data) return <ProblemAlert error={edition.error} />;

  const input: MailingInput = {
    template,
    audience: workingGroupId
      ? { workingGroupId }
      : {
          editionId: id,
          statuses: statuses as RegistrationStatus[],
          delegationCountry: country.trim() ? country.trim().toUpperCase() : undefined,
        },
  };
  const current = preview && JSON.stringify(preview.input) === JSON.stringify(input);
  const templateName = t(`template.${template}`);

  const doPreview = async () => {
    setPreviewing(true);
    setSent(undefined);
    const result = await client
      .query(PreviewQuery, { input }, { requestPolicy: 'network-only' })
      .toPromise();
    setPreviewing(false);
    setPreviewError(result.error);
    setPreview(result.data ? { input, result: result.data.previewMailing } : undefined);
  };

  return (
    <Stack maw={760}>
      <div>
        <Anchor component={Link} to={`/manage/editions/${id}/registrations`} size="sm">
          {t('registrationsLink')}
        </Anchor>
        <PageTitle>{t('title')}</PageTitle>
        <Text c="dimmed">{edition.data.edition.title}</Text>
      </div>
      <Card withBorder>
        <Stack>
          <Select
            label={t('template')}
            data={TEMPLATES.map((value) => ({ value, label: t(`template.${value}`) }))}
            value={template}
            allowDeselect={false}
            onChange={(value) => value && setTemplate(value)}
          />
          <Title order={2} size="h4">
            {t('audience')}
          </Title>
          <Checkbox.Group
            label={t('statuses')}
            value={statuses}
            onChange={setStatuses}
            readOnly={!!workingGroupId}
          >
            <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs">
              {STATUSES.map((status) => (
                <Checkbox
                  key={status}
                  value={status}
                  label={t(`status.${status}`)}
                  disabled={!!workingGroupId}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('delegation')}
              placeholder={t('delegationHint')}
              maxLength={2}
              value={country}
              disabled={!!workingGroupId}
              onChange={(event) => setCountry(event.currentTarget.value)}
            />
            {edition.data.edition.workingGroups.length > 0 && (
              <Select
                label={t('workingGroup')}
                placeholder={t('noWorkingGroup')}
                clearable
                data={edition.data.edition.workingGroups.map((group) => ({
                  value: group.id,
                  label: group.name,
                }))}
                value={workingGroupId}
                onChange={setWorkingGroupId}
              />
            )}
          </SimpleGrid>
          <Group>
            <Button onClick={() => void doPreview()} loading={previewing}>
              {t('preview')}
            </Button>
          </Group>
        </Stack>
      </Card>

      <ProblemAlert error={previewError ?? sending.error} />

      {preview && (
        <section aria-labelledby="preview" aria-live="polite">
          <Card withBorder>
            <Stack gap="xs">
              <Title order={2} size="h4" id="preview">
                {t('previewTitle')}
              </Title>
              {!current && (
                <Alert color="yellow" role="status">
                  {t('changed')}
                </Alert>
              )}
              <Text fw={700}>{t('recipients', { count: preview.result.recipients })}</Text>
              {preview.result.withoutEmail > 0 && (
                <Text>{t('withoutEmail', { count: preview.result.withoutEmail })}</Text>
              )}
              {preview.result.sample ? (
                <>
                  <Text size="sm">
                    {t('sampleFor', {
                      to: preview.result.sample.to,
                      language: isLang(preview.result.sample.language)
                        ? LANGUAGE_NAMES[preview.result.sample.language]
                        : preview.result.sample.language,
                    })}
                  </Text>
                  <Card withBorder bg="gray.0">
                    <Text size="sm" fw={700}>
                      {t('subject')}: {preview.result.sample.subject}
                    </Text>
                    <Text
                      size="sm"
                      mt="xs"
                      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                    >
                      {preview.result.sample.text}
                    </Text>
                  </Card>
                </>
              ) : (
                <Text>{t('nobody')}</Text>
              )}
              {current && preview.result.recipients > 0 && (
                <Group>
                  <Button color="red.9" onClick={() => setAsking(true)}>
                    {t('send')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        </section>
      )}

      {sent && (
        <Alert color="green" role="status">
          <Stack gap={4} align="flex-start">
            <span>{t('sent', { count: sent.queued })}</span>
            {sent.alreadyQueued > 0 && (
              <span>{t('alreadyQueued', { count: sent.alreadyQueued })}</span>
            )}
            <Anchor component={Link} to={`/manage/outbox?edition=${id}`}>
              {t('seeOutbox')}
            </Anchor>
          </Stack>
        </Alert>
      )}

      <Modal opened={asking} onClose={() => setAsking(false)} title={t('send')}>
        <Stack>
          <Text>
            {t('sendAsk', { count: preview?.result.recipients ?? 0, template: templateName })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('back')}
            </Button>
            <Button
              color="red.9"
              loading={sending.fetching}
              onClick={async () => {
                const result = await send({ input });
                setAsking(false);
                if (result.data) {
                  setSent(result.data.sendMailing);
                  setPreview(undefined);
                }
              }}
            >
              {t('doSend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { OutboxMessagesQuery, OutboxState } from '../gql/graphql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { useSession } from '../core/session';
import { mailingMessages } from './messages';

const EditionsQuery = graphql(`
  query OutboxEditions {
    editions(first: 100) {
      nodes {
        id
        year
        title
        organizers {
          id
        }
      }
    }
  }
`);

const OutboxQuery = graphql(`
  query OutboxMessages($filter: OutboxFilter, $after: String) {
    outbox(filter: $filter, first: 30, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        toName
        toEmail
        subject
        template
        state
        attempts
        lastError
        createdAt
        sentAt
      }
    }
  }
`);

const RetryMutation = graphql(`
  mutation RetryMail($id: ID!) {
    retryMail(id: $id) {
      id
      state
      attempts
      lastError
    }
  }
`);

const STATES: OutboxState[] = ['FAILED', 'QUEUED', 'SENDING', 'SENT', 'CANCELLED'];
const COLORS: Record<OutboxState, string> = {
  FAILED: 'red.9',
  QUEUED: 'blue.9',
  SENDING: 'blue.9',
  SENT: 'teal.9',
  CANCELLED: 'gray.7',
};

type Message = OutboxMessagesQuery['outbox']['nodes'][number];

export default function OutboxPage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <Outbox />
    </RequireRole>
  );
}

function Outbox() {
  const { t } = useMessages('mailings', mailingMessages);
  const { user } = useSession();
  const isAdmin = user?.role === 'ADMIN';
  const [params, setParams] = useSearchParams();
  const editionId = params.get('edition');
  const [state, setState] = useState<OutboxState | null>(null);
  const [recipient, setRecipient] = useState('');
  const [debouncedRecipient] = useDebouncedValue(recipient.trim(), 400);
  const [editions] = useQuery({ query: EditionsQuery });
  // Organizers see the mail of the editions they organize; admins see all of it.
  const choices = (editions.data?.editions.nodes ?? [])
    .filter((e) => isAdmin || e.organizers?.some((o) => o.id === user?.id))
    .map((e) => ({ value: e.id, label: `${e.year} · ${e.title}` }));
  const ready = isAdmin || !!editionId;
  // An organizer of a single edition sees its mail at once.
  const only = !isAdmin && !editionId && choices.length === 1 ? choices[0]!.value : null;
  useEffect(() => {
    if (only) setParams({ edition: only }, { replace: true });
  }, [only, setParams]);
  const filter = {
    editionId: editionId ?? undefined,
    recipient: debouncedRecipient.includes('@') ? debouncedRecipient : undefined,
  };

  return (
    <Stack maw={860}>
      <PageTitle>{t('outboxTitle')}</PageTitle>
      <Text>{t('outboxIntro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('edition')}
          placeholder={isAdmin ? t('allEditions') : undefined}
          clearable={isAdmin}
          searchable
          data={choices}
          value={editionId}
          onChange={(value) => setParams(value ? { edition: value } : {})}
        />
        <Select
          label={t('state')}
          placeholder={t('anyState')}
          clearable
          data={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={state}
          onChange={(value) => setState(value)}
        />
        <TextInput
          label={t('recipient')}
          placeholder={t('recipientHint')}
          type="email"
          value={recipient}
          onChange={(event) => setRecipient(event.currentTarget.value)}
        />
      </SimpleGrid>
      <ProblemAlert error={editions.error} />
      {!ready ? (
        <Text>{t('chooseEdition')}</Text>
      ) : (
        <>
          {state === null && (
            <MessageList
              key={`failed-${JSON.stringify(filter)}`}
              title={t('failedTitle')}
              headingId="failed"
              filter={{ ...filter, state: 'FAILED' }}
              empty={t('failedNone')}
            />
          )}
          <MessageList
            key={`all-${state}-${JSON.stringify(filter)}`}
            title={t('messagesTitle')}
            headingId="messages"
            filter={{ ...filter, state: state ?? undefined }}
            empty={t('noMessages')}
          />
        </>
      )}
    </Stack>
  );
}

function MessageList({
  title,
  headingId,
  filter,
  empty,
}: {
  title: string;
  headingId: string;
  filter: { editionId?: string; recipient?: string; state?: OutboxState };
  empty: string;
}) {
  const { t } = useMessages('mailings', mailingMessages);
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const after = cursors.length ? cursors[cursors.length - 1] : null;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OutboxQuery,
    variables: { filter, after },
    requestPolicy: 'network-only',
  });
  if (fetching && !data) return <Loading />;
  const outbox = data?.outbox;
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {outbox && <Text size="sm">{t('total', { count: outbox.totalCount })}</Text>}
      </Group>
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {outbox && outbox.nodes.length === 0 && <Text>{empty}</Text>}
      <Stack gap="xs" component="ul" p={0} m={0}>
        {outbox?.nodes.map((message) => (
          <MessageCard
            key={message.id}
            message={message}
            onRetried={() => refetch({ requestPolicy: 'network-only' })}
          />
        ))}
      </Stack>
      {outbox && (cursors.length > 0 || outbox.pageInfo.hasNextPage) && (
        <Group mt="xs">
          <Button
            variant="default"
            disabled={cursors.length === 0}
            onClick={() => setCursors((list) => list.slice(0, -1))}
          >
            {t('previous')}
          </Button>
          <Button
            variant="default"
            disabled={!outbox.pageInfo.hasNextPage}
            onClick={() => setCursors((list) => [...list, outbox.pageInfo.endCursor ?? null])}
          >
            {t('next')}
          </Button>
        </Group>
      )}
    </section>
  );
}

function MessageCard({ message, onRetried }: { message: Message; onRetried: () => void }) {
  const { t } = useMessages('mailings', mailingMessages);
  const format = useFormat();
  const [retrying, retry] = useMutation(RetryMutation);
  const to = message.toName ? `${message.toName} <${message.toEmail}>` : message.toEmail;
  return (
    <Card withBorder component="li" padding="sm" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {message.subject}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {to}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`template.${message.template}`)} ·{' '}
            {message.sentAt
              ? t('sentAt', { when: format.dateTime(message.sentAt) })
              : t('createdAt', { when: format.dateTime(message.createdAt) })}{' '}
            · {t('attempts', { count: message.attempts })}
          </Text>
        </div>
        <Badge color={COLORS[message.state]} style={{ flexShrink: 0 }}>
          {t(`state.${message.state}`)}
        </Badge>
      </Group>
      {message.lastError && (
        <Text size="sm" c="red.9" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {t('lastError', { error: message.lastError })}
        </Text>
      )}
      <ProblemAlert error={retrying.error} />
      {message.state === 'FAILED' && (
        <Group mt="xs">
          <Button
            size="xs"
            variant="light"
            loading={retrying.fetching}
            aria-label={t('retryName', { to: message.toEmail })}
            onClick={async () => {
              const result = await retry({ id: message.id });
              if (result.data) {
                notifications.show({
                  message: t('retried', { to: message.toEmail }),
                  closeButtonProps: { 'aria-label': t('close') },
                });
                onRetried();
              }
            }}
          >
            {t('retry')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

import { useState } from 'react';
import { ActionIcon, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AgendaSessionsQuery } from '../../gql/graphql';
import { Loading, ProblemAlert } from '../../core/components';
import { useFormat, useMessages } from '../../core/i18n';
import { conferenceMessages } from '../messages';
import { useNotify } from '../notify';
import { useFormErrors } from '../problems';
import { SessionForm } from './session-form';

// In English, as the session form edits it, with the Russian and Uzbek versions.
const AgendaSessions = graphql(`
  query AgendaSessions($id: ID!) @inContext(language: EN) {
    edition(id: $id) {
      id
      days {
        number
        date
      }
      agenda {
        id
        day
        startTime
        endTime
        kind
        title
        description
        room
        versions {
          field
          en
          ru
          uz
        }
        moderator {
          id
          fullName
        }
        speakers {
          id
          position
          titleOnAgenda
          person {
            id
            fullName
          }
        }
      }
    }
  }
`);

const MoveSession = graphql(`
  mutation MoveAgendaSession($id: ID!, $direction: MoveDirection!) {
    moveAgendaSession(id: $id, direction: $direction) {
      id
      startTime
      endTime
    }
  }
`);

const RemoveSession = graphql(`
  mutation RemoveAgendaSession($id: ID!) {
    removeAgendaSession(id: $id)
  }
`);

export type AgendaSessionItem = AgendaSessionsQuery['edition']['agenda'][number];

/** The agenda, a tab per day: sessions in time order, added, changed, moved and removed. */
export function AgendaSection({ editionId }: { editionId: string }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const format = useFormat();
  const formErrors = useFormErrors();
  const notify = useNotify();
  const [day, setDay] = useState('1');
  const [editing, setEditing] = useState<AgendaSessionItem | 'new' | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AgendaSessions,
    variables: { id: editionId },
  });
  const [, moveSession] = useMutation(MoveSession);
  const [, removeSession] = useMutation(RemoveSession);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} onRetry={reload} />;
  const { days, agenda } = data.edition;

  const failed = (result: { error?: Parameters<typeof formErrors>[0] }) => {
    if (!result.error) return false;
    const errors = formErrors(result.error);
    notify(Object.values(errors)[0], 'red');
    return true;
  };

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('agendaTitle')}
      </Title>
      <Tabs
        value={day}
        onChange={(value) => {
          setDay(value ?? '1');
          setEditing(null);
        }}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {days.map((d) => (
            <Tabs.Tab key={d.number} value={String(d.number)}>
              {t('dayTab', { number: d.number, date: format.date(d.date) })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {days.map((d) => {
          const sessions = agenda.filter((s) => s.day === d.number);
          return (
            <Tabs.Panel key={d.number} value={String(d.number)} pt="md">
              <Stack>
                <Title order={3} size="h4">
                  {t('dayHeading', { number: d.number, date: format.date(d.date) })}
                </Title>
                {sessions.length === 0 && <Text>{t('noSessions')}</Text>}
                <Stack component="ol" gap="xs" p={0} style={{ listStyle: 'none' }}>
                  {sessions.map((session, index) => (
                    <Card key={session.id} withBorder component="li" padding="sm">
                      <Group justify="space-between" align="flex-start" wrap="nowrap">
                        <Stack gap={2} style={{ minWidth: 0 }}>
                          <Text fw={600}>
                            {session.startTime}–{session.endTime} · {session.title}
                          </Text>
                          <Text size="sm" c="dimmed">
                            {[t(`kind.${session.kind}`), session.room].filter(Boolean).join(' · ')}
                          </Text>
                          {session.moderator && (
                            <Text size="sm">
                              {t('moderatedBy', { name: session.moderator.fullName })}
                            </Text>
                          )}
                          {session.speakers.map((speaker) => (
                            <Text size="sm" key={speaker.id}>
                              {speaker.titleOnAgenda
                                ? `${speaker.person.fullName}, ${speaker.titleOnAgenda}`
                                : speaker.person.fullName}
                            </Text>
                          ))}
                        </Stack>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('moveEarlier', { title: session.title })}
                            disabled={index === 0}
                            onClick={async () => {
                              const result = await moveSession({
                                id: session.id,
                                direction: 'EARLIER',
                              });
                              if (!failed(result)) reload();
                            }}
                          >
                            <span aria-hidden>↑</span>
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('moveLater', { title: session.title })}
                            disabled={index === sessions.length - 1}
                            onClick={async () => {
                              const result = await moveSession({
                                id: session.id,
                                direction: 'LATER',
                              });
                              if (!failed(result)) reload();
                            }}
                          >
                            <span aria-hidden>↓</span>
                          </ActionIcon>
                        </Group>
                      </Group>
                      <Group gap="xs" mt="xs">
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t('editSessionNamed', { title: session.title })}
                          onClick={() => setEditing(session)}
                        >
                          {t('edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('removeSessionNamed', { title: session.title })}
                          onClick={async () => {
                            if (
                              !window.confirm(t('confirmRemoveSession', { title: session.title }))
                            )
                              return;
                            const result = await removeSession({ id: session.id });
                            if (!failed(result)) {
                              notify(t('sessionRemoved'));
                              reload();
                            }
                          }}
                        >
                          {t('remove')}
                        </Button>
                      </Group>
                    </Card>
                  ))}
                </Stack>
                {editing ? (
                  <SessionForm
                    key={editing === 'new' ? 'new' : editing.id}
                    editionId={editionId}
                    day={d.number}
                    days={days.map((day) => ({
                      number: day.number,
                      label: t('dayHeading', { number: day.number, date: format.date(day.date) }),
                    }))}
                    session={editing === 'new' ? undefined : editing}
                    onDone={() => {
                      setEditing(null);
                      reload();
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <Group>
                    <Button onClick={() => setEditing('new')}>{t('addSession')}</Button>
                  </Group>
                )}
              </Stack>
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}

import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import type { SessionKind } from '../../gql/graphql';
import { useMessages } from '../../core/i18n';
import { TranslationsEditor, useTranslationsDraft } from '../../core/translations';
import { conferenceMessages } from '../messages';
import { useNotify } from '../notify';
import { useFormErrors } from '../problems';
import type { AgendaSessionItem } from './agenda-section';
import { PersonPicker, PickedPerson } from './person-picker';

const KINDS: SessionKind[] = [
  'OPENING',
  'SPEECH',
  'PRESENTATION',
  'VIDEO_MESSAGE',
  'PANEL',
  'PLENARY',
  'WORKING_GROUP_SITTING',
  'BREAK',
  'CLOSING',
];

const AddSession = graphql(`
  mutation AddAgendaSession($editionId: ID!, $input: AgendaSessionInput!) {
    addAgendaSession(editionId: $editionId, input: $input) {
      id
    }
  }
`);

const UpdateSession = graphql(`
  mutation UpdateAgendaSession($id: ID!, $input: UpdateAgendaSessionInput!) {
    updateAgendaSession(id: $id, input: $input) {
      id
    }
  }
`);

const AddSpeaker = graphql(`
  mutation AddSessionSpeaker($sessionId: ID!, $input: SpeakerInput!) {
    addSessionSpeaker(sessionId: $sessionId, input: $input) {
      id
    }
  }
`);

const RemoveSpeaker = graphql(`
  mutation RemoveSessionSpeaker($sessionId: ID!, $personId: ID!) {
    removeSessionSpeaker(sessionId: $sessionId, personId: $personId) {
      id
    }
  }
`);

const SESSION_INPUTS = [
  'day',
  'startTime',
  'endTime',
  'title',
  'kind',
  'room',
  'description',
  'moderatorId',
  'speakers',
  'personId',
  'translations',
];

interface Speaker {
  person: PickedPerson;
  titleOnAgenda: string;
}

/** Adds a session to a day, or changes one: its slot, kind, room, moderator and speakers. */
export function SessionForm({
  editionId,
  day,
  days,
  session,
  onDone,
  onCancel,
}: {
  editionId: string;
  day: number;
  days: { number: number; label: string }[];
  session?: AgendaSessionItem;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useMessages('conferences', conferenceMessages);
  const formErrors = useFormErrors();
  const notify = useNotify();
  const [, addSession] = useMutation(AddSession);
  const [, updateSession] = useMutation(UpdateSession);
  const [, addSpeaker] = useMutation(AddSpeaker);
  const [, removeSpeaker] = useMutation(RemoveSpeaker);
  const [busy, setBusy] = useState(false);
  const [moderator, setModerator] = useState<PickedPerson | null>(session?.moderator ?? null);
  const original: Speaker[] = (session?.speakers ?? []).map((s) => ({
    person: s.person,
    titleOnAgenda: s.titleOnAgenda ?? '',
  }));
  const [speakers, setSpeakers] = useState<Speaker[]>(original);
  const [newSpeaker, setNewSpeaker] = useState<PickedPerson | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const translations = useTranslationsDraft(session?.versions);
  const form = useForm({
    initialValues: {
      day: String(session?.day ?? day),
      startTime: session?.startTime ?? '',
      endTime: session?.endTime ?? '',
      kind: session?.kind ?? 'PRESENTATION',
      title: session?.title ?? '',
      room: session?.room ?? '',
      description: session?.description ?? '',
    },
    validate: {
      startTime: (value) => (value ? null : t('required')),
      endTime: (value) => (value ? null : t('required')),
      title: (value) => (value.trim() ? null : t('required')),
    },
  });

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      const fields = {
        day: Number(values.day),
        startTime: values.startTime,
        endTime: values.endTime,
        kind: values.kind,
        title: values.title.trim(),
        room: values.room.trim() || undefined,
        description: values.description.trim() || undefined,
      };
      if (!session) {
        const result = await addSession({
          editionId,
          input: {
            ...fields,
            moderatorId: moderator?.id,
            speakers: speakers.map((s) => ({
              personId: s.person.id,
              titleOnAgenda: s.titleOnAgenda.trim() || undefined,
            })),
          },
        });
        form.setErrors(formErrors(result.error, SESSION_INPUTS));
        if (result.error) return;
        notify(t('sessionAdded', { title: fields.title }));
        onDone();
        return;
      }
      const result = await updateSession({
        id: session.id,
        input: {
          ...fields,
          moderatorId: moderator?.id ?? null,
          translations: translations.toSend(),
        },
      });
      form.setErrors(formErrors(result.error, SESSION_INPUTS));
      if (result.error) return;
      // Speakers: those gone or retitled leave, new or retitled ones join at the end.
      const same = (a: Speaker, b: Speaker) =>
        a.person.id === b.person.id && a.titleOnAgenda.trim() === b.titleOnAgenda.trim();
      for (const gone of original.filter((o) => !speakers.some((s) => same(o, s)))) {
        const removed = await removeSpeaker({ sessionId: session.id, personId: gone.person.id });
        if (removed.error) return form.setErrors(formErrors(removed.error, SESSION_INPUTS));
      }
      for (const added of speakers.filter((s) => !original.some((o) => same(o, s)))) {
        const result = await addSpeaker({
          sessionId: session.id,
          input: {
            personId: added.person.id,
            titleOnAgenda: added.titleOnAgenda.trim() || undefined,
          },
        });
        if (result.error) return form.setErrors(formErrors(result.error, SESSION_INPUTS));
      }
      notify(t('sessionSaved', { title: fields.title }));
      onDone();
    } finally {
      setBusy(false);
    }
  });

  // The API names a bad speaker "speakers.N.personId": shown under the list.
  const speakerError = Object.entries(form.errors).find(
    ([key]) => key.startsWith('speakers') || key === 'personId',
  )?.[1];

  return (
    <Card withBorder>
      <Title order={4} size="h5" mb="sm">
        {session ? t('editSession') : t('newSession')}
      </Title>
      <form noValidate onSubmit={save}>
        <Stack>
          <Select
            label={t('dayLabel')}
            allowDeselect={false}
            data={days.map((d) => ({ value: String(d.number), label: d.label }))}
            {...form.getInputProps('day')}
          />
          <Group grow wrap="wrap">
            <TextInput
              type="time"
              label={t('startTime')}
              required
              {...form.getInputProps('startTime')}
            />
            <TextInput
              type="time"
              label={t('endTime')}
              required
              {...form.getInputProps('endTime')}
            />
          </Group>
          <TextInput label={t('sessionTitle')} required {...form.getInputProps('title')} />
          <Select
            label={t('kindLabel')}
            allowDeselect={false}
            data={KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('room')} {...form.getInputProps('room')} />
          <Textarea
            label={t('description')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <PersonPicker
            label={t('moderator')}
            value={moderator}
            onChange={setModerator}
            error={form.errors.moderatorId as string | undefined}
          />
          <Stack gap="xs">
            <Text fw={500} size="sm" id="speakers-label">
              {t('speakers')}
            </Text>
            {speakers.length === 0 && <Text size="sm">{t('noSpeakers')}</Text>}
            <Stack component="ol" gap={4} pl="md" m={0} aria-labelledby="speakers-label">
              {speakers.map((speaker, index) => (
                <li key={speaker.person.id}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" style={{ flex: 1 }}>
                      {speaker.titleOnAgenda
                        ? `${speaker.person.fullName}, ${speaker.titleOnAgenda}`
                        : speaker.person.fullName}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('removeSpeaker', { name: speaker.person.fullName })}
                      onClick={() => setSpeakers(speakers.filter((_, i) => i !== index))}
                    >
                      <span aria-hidden>×</span>
                    </ActionIcon>
                  </Group>
                </li>
              ))}
            </Stack>
            {speakerError && (
              <Text size="sm" c="red" role="alert">
                {speakerError}
              </Text>
            )}
            <Card withBorder padding="xs">
              <Stack gap="xs">
                <PersonPicker label={t('speaker')} value={newSpeaker} onChange={setNewSpeaker} />
                <TextInput
                  label={t('titleOnAgenda')}
                  value={newTitle}
                  onChange={(event) => setNewTitle(event.currentTarget.value)}
                />
                <Group>
                  <Button
                    variant="light"
                    size="xs"
                    disabled={!newSpeaker || speakers.some((s) => s.person.id === newSpeaker.id)}
                    onClick={() => {
                      if (!newSpeaker) return;
                      setSpeakers([...speakers, { person: newSpeaker, titleOnAgenda: newTitle }]);
                      setNewSpeaker(null);
                      setNewTitle('');
                    }}
                  >
                    {t('addSpeaker')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          </Stack>
          <TranslationsEditor
            draft={translations}
            labels={{ title: t('sessionTitle'), description: t('description'), room: t('room') }}
            errors={form.errors}
          />
          {form.errors._form && (
            <Alert color="red" role="alert">
              {form.errors._form}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              {session ? t('saveSession') : t('addSession')}
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

import { useState } from 'react';
import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CombinedError } from 'urql';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { WorkingGroupsQuery } from '../../gql/graphql';
import { Loading, ProblemAlert } from '../../core/components';
import { useMessages } from '../../core/i18n';
import { TranslationsEditor, useTranslationsDraft } from '../../core/translations';
import { CapacityInput } from '../capacity-input';
import { conferenceMessages } from '../messages';
import { useNotify } from '../notify';
import { useFormErrors } from '../problems';
import { PersonPicker, PickedPerson } from './person-picker';
import { RemovableNames } from './removable-names';

// In English, as the rename form edits it, with the Russian and Uzbek versions.
const WorkingGroups = graphql(`
  query WorkingGroups($id: ID!) @inContext(language: EN) {
    edition(id: $id) {
      id
      workingGroups {
        id
        name
        topic
        capacity
        memberCount
        versions {
          field
          en
          ru
          uz
        }
        facilitators {
          id
          fullName
        }
        members {
          id
          person {
            id
            fullName
          }
        }
      }
      registrations(first: 100) {
        nodes {
          id
          status
          person {
            id
            fullName
          }
        }
      }
    }
  }
`);

const CreateGroup = graphql(`
  mutation CreateWorkingGroup($editionId: ID!, $input: CreateWorkingGroupInput!) {
    createWorkingGroup(editionId: $editionId, input: $input) {
      id
    }
  }
`);

const UpdateGroup = graphql(`
  mutation UpdateWorkingGroup($id: ID!, $input: UpdateWorkingGroupInput!) {
    updateWorkingGroup(id: $id, input: $input) {
      id
      name
      topic
      capacity
    }
  }
`);

const AddMember = graphql(`
  mutation AddWorkingGroupMember($groupId: ID!, $registrationId: ID!) {
    addWorkingGroupMember(workingGroupId: $groupId, registrationId: $registrationId) {
      id
    }
  }
`);

const RemoveMember = graphql(`
  mutation RemoveWorkingGroupMember($groupId: ID!, $registrationId: ID!) {
    removeWorkingGroupMember(workingGroupId: $groupId, registrationId: $registrationId) {
      id
    }
  }
`);

const AddFacilitator = graphql(`
  mutation AddWorkingGroupFacilitator($groupId: ID!, $personId: ID!) {
    addWorkingGroupFacilitator(workingGroupId: $groupId, personId: $personId) {
      id
    }
  }
`);

const RemoveFacilitator = graphql(`
  mutation RemoveWorkingGroupFacilitator($groupId: ID!, $personId: ID!) {
    removeWorkingGroupFacilitator(workingGroupId: $groupId, personId: $personId) {
      id
    }
  }
`);

type Group = WorkingGroupsQuery['edition']['workingGroups'][number];
type Registration = WorkingGroupsQuery['edition']['registrations']['nodes'][number];

// Only participants with a seat can join a group (the API says so too).
const SEATED = ['REGISTERED', 'CONFIRMED'];

/** The working groups: created, renamed, with their members and facilitators. */
export function WorkingGroupsSection({ editionId }: { editionId: string }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const formErrors = useFormErrors();
  const notify = useNotify();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: WorkingGroups,
    variables: { id: editionId },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [creating, createGroup] = useMutation(CreateGroup);
  const form = useForm({
    initialValues: { name: '', topic: '', capacity: '' as number | string },
    validate: { name: (value) => (value.trim() ? null : t('required')) },
  });

  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} onRetry={reload} />;
  const seated = data.edition.registrations.nodes.filter((r) => SEATED.includes(r.status));

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('groupsTitle')}
      </Title>
      {data.edition.workingGroups.length === 0 && <Text>{t('noGroups')}</Text>}
      {data.edition.workingGroups.map((group) => (
        <GroupCard
          key={group.id}
          group={group}
          seated={seated}
          onChanged={reload}
          errorsOf={formErrors}
        />
      ))}
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('newGroup')}
        </Title>
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            const result = await createGroup({
              editionId,
              input: {
                name: values.name.trim(),
                topic: values.topic.trim() || undefined,
                capacity: values.capacity === '' ? undefined : Number(values.capacity),
              },
            });
            form.setErrors(formErrors(result.error, ['name', 'topic', 'capacity']));
            if (!result.error) {
              notify(t('groupCreated', { name: values.name.trim() }));
              form.reset();
              reload();
            }
          })}
        >
          <Stack>
            <TextInput label={t('groupName')} required {...form.getInputProps('name')} />
            <TextInput label={t('groupTopic')} {...form.getInputProps('topic')} />
            <CapacityInput label={t('groupCapacity')} {...form.getInputProps('capacity')} />
            {form.errors._form && (
              <Alert color="red" role="alert">
                {form.errors._form}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={creating.fetching}>
                {t('createGroup')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

function GroupCard({
  group,
  seated,
  onChanged,
  errorsOf,
}: {
  group: Group;
  seated: Registration[];
  onChanged: () => void;
  errorsOf: (error: CombinedError | undefined, shown?: string[]) => Record<string, string>;
}) {
  const { t } = useMessages('conferences', conferenceMessages);
  const notify = useNotify();
  const [renaming, setRenaming] = useState(false);
  const [member, setMember] = useState<string | null>(null);
  const [facilitator, setFacilitator] = useState<PickedPerson | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [, updateGroup] = useMutation(UpdateGroup);
  const [, addMember] = useMutation(AddMember);
  const [, removeMember] = useMutation(RemoveMember);
  const [, addFacilitator] = useMutation(AddFacilitator);
  const [, removeFacilitator] = useMutation(RemoveFacilitator);
  const form = useForm({ initialValues: { name: group.name, topic: group.topic ?? '' } });
  const translations = useTranslationsDraft(group.versions);

  const run = async (work: Promise<{ error?: CombinedError }>, done?: string) => {
    const result = await work;
    const problems = errorsOf(result.error, [
      'name',
      'topic',
      'personId',
      'registrationId',
      'translations',
    ]);
    setErrors(problems);
    if (result.error) return false;
    if (done) notify(done);
    onChanged();
    return true;
  };
  const memberIds = new Set(group.members.map((m) => m.id));
  const candidates = seated.filter((r) => !memberIds.has(r.id));

  return (
    <Card withBorder component="section" aria-label={group.name}>
      {renaming ? (
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            const ok = await run(
              updateGroup({
                id: group.id,
                input: {
                  name: values.name.trim(),
                  topic: values.topic.trim() || null,
                  translations: translations.toSend(),
                },
              }),
              t('saved'),
            );
            if (ok) setRenaming(false);
          })}
        >
          <Stack>
            <TextInput
              label={t('groupName')}
              required
              {...form.getInputProps('name')}
              error={errors.name}
            />
            <TextInput label={t('groupTopic')} {...form.getInputProps('topic')} />
            <TranslationsEditor
              draft={translations}
              labels={{ name: t('groupName'), topic: t('groupTopic') }}
              errors={errors}
            />
            <Group>
              <Button type="submit" size="xs">
                {t('save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setRenaming(false)}>
                {t('cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h4">
              {group.name}
            </Title>
            {group.topic && <Text size="sm">{group.topic}</Text>}
            <Text size="sm" c="dimmed">
              {group.capacity
                ? t('membersOfCapacity', { count: group.memberCount, capacity: group.capacity })
                : t('members', { count: group.memberCount })}
            </Text>
          </div>
          <Button
            size="xs"
            variant="light"
            aria-label={t('renameGroup', { name: group.name })}
            onClick={() => setRenaming(true)}
          >
            {t('rename')}
          </Button>
        </Group>
      )}

      <RemovableNames
        title={t('facilitators')}
        emptyText={t('noFacilitators')}
        items={group.facilitators.map((person) => ({
          key: person.id,
          name: person.fullName,
          removeLabel: t('removeFacilitator', { name: person.fullName }),
          onRemove: () => run(removeFacilitator({ groupId: group.id, personId: person.id })),
        }))}
      />
      <Group align="flex-end" gap="xs" mt="xs" wrap="wrap">
        <div style={{ flex: 1, minWidth: 200 }}>
          <PersonPicker
            label={t('addFacilitatorLabel', { name: group.name })}
            value={facilitator}
            onChange={setFacilitator}
            error={errors.personId}
          />
        </div>
        <Button
          variant="light"
          disabled={!facilitator}
          onClick={async () => {
            if (!facilitator) return;
            if (await run(addFacilitator({ groupId: group.id, personId: facilitator.id })))
              setFacilitator(null);
          }}
        >
          {t('addFacilitator')}
        </Button>
      </Group>

      <RemovableNames
        title={t('membersTitle')}
        emptyText={t('noMembers')}
        items={group.members.map((registration) => ({
          key: registration.id,
          name: registration.person.fullName,
          removeLabel: t('removeMember', { name: registration.person.fullName }),
          onRemove: () => run(removeMember({ groupId: group.id, registrationId: registration.id })),
        }))}
      />
      <Group align="flex-end" gap="xs" mt="xs" wrap="wrap">
        <Select
          style={{ flex: 1, minWidth: 200 }}
          label={t('addMemberLabel', { name: group.name })}
          placeholder={candidates.length ? undefined : t('noSeatedParticipants')}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('clear') }}
          data={candidates.map((r) => ({ value: r.id, label: r.person.fullName }))}
          value={member}
          onChange={setMember}
          error={errors.registrationId}
        />
        <Button
          variant="light"
          disabled={!member}
          onClick={async () => {
            if (!member) return;
            if (await run(addMember({ groupId: group.id, registrationId: member })))
              setMember(null);
          }}
        >
          {t('addMember')}
        </Button>
      </Group>
      {errors._form && (
        <Alert color="red" role="alert" mt="xs">
          {errors._form}
        </Alert>
      )}
    </Card>
  );
}

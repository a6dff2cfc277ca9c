import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { FormProblem, Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormErrors } from '../core/problems';
import { useFormat, useMessages } from '../core/i18n';
import { adminMessages } from './messages';

const UsersQuery = graphql(`
  query AdminUsers {
    users {
      id
      email
      role
      name
      lastLoginAt
    }
  }
`);

const PickersQuery = graphql(`
  query AssignmentPickers {
    editions(first: 100) {
      nodes {
        id
        year
        title
      }
    }
    trainingProgrammes {
      id
      title
    }
    trainingEvents(first: 100) {
      nodes {
        id
        title
        city
        startDate
      }
    }
  }
`);

const PeopleQuery = graphql(`
  query AccountPersonSearch($search: String!) {
    people(filter: { search: $search }, first: 10) {
      nodes {
        id
        fullName
        email
      }
    }
  }
`);

const CreateUserMutation = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
      role
    }
  }
`);

const AssignEditionMutation = graphql(`
  mutation AdminAssignEditionOrganizer($editionId: ID!, $userId: ID!) {
    assignEditionOrganizer(editionId: $editionId, userId: $userId) {
      id
      title
    }
  }
`);

const AssignProgrammeMutation = graphql(`
  mutation AdminAssignProgrammeOrganizer($programmeId: ID!, $userId: ID!) {
    assignProgrammeOrganizer(programmeId: $programmeId, userId: $userId) {
      id
      title
    }
  }
`);

const AssignTrainerMutation = graphql(`
  mutation AdminAssignTrainer($eventId: ID!, $userId: ID!) {
    assignTrainer(eventId: $eventId, userId: $userId) {
      id
      title
      trainers {
        id
      }
    }
  }
`);

const STAFF_ROLES: Role[] = ['TRAINER', 'ORGANIZER', 'ADMIN'];

export default function AccountsPage() {
  return (
    <RequireRole roles={['ADMIN']}>
      <Accounts />
    </RequireRole>
  );
}

function Accounts() {
  const { t } = useMessages('admin', adminMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({ query: UsersQuery });
  if (fetching && !data) return <Loading />;
  const users = data?.users ?? [];
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Stack>
      <PageTitle>{t('accountsTitle')}</PageTitle>
      <ProblemAlert error={error} onRetry={refresh} />
      <CreateAccount onCreated={refresh} />
      <AssignAccount users={users} />
      <section aria-labelledby="accounts-list">
        <Title order={2} size="h4" id="accounts-list" mb="xs">
          {t('accountsList')}
        </Title>
        <Text mb="xs">{t('accountsCount', { count: users.length })}</Text>
        <div
          role="region"
          aria-labelledby="accounts-list"
          tabIndex={0}
          style={{ overflowX: 'auto', maxWidth: '100%' }}
        >
          <Table striped miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('email')}</Table.Th>
                <Table.Th scope="col">{t('name')}</Table.Th>
                <Table.Th scope="col">{t('role')}</Table.Th>
                <Table.Th scope="col">{t('lastLogin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row" fw={500}>
                    {user.email}
                  </Table.Th>
                  <Table.Td>{user.name}</Table.Td>
                  <Table.Td>
                    {user.role && <Badge color="blue.9">{t(`role.${user.role}`)}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    {user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('never')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>
    </Stack>
  );
}

function CreateAccount({ onCreated }: { onCreated: () => void }) {
  const formErrors = useFormErrors();
  const { t } = useMessages('admin', adminMessages);
  const [creating, createUser] = useMutation(CreateUserMutation);
  const [created, setCreated] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [people] = useQuery({
    query: PeopleQuery,
    variables: { search: debounced },
    pause: debounced.length < 2,
  });
  const form = useForm({
    initialValues: {
      email: '',
      password: '',
      role: 'TRAINER' as Role,
      personId: null as string | null,
    },
  });
  // The chosen person stays an option while the search text changes.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const found = (people.data?.people.nodes ?? []).map((person) => ({
    value: person.id,
    label: person.email ? `${person.fullName} (${person.email})` : person.fullName,
  }));
  const personOptions = [
    ...(chosen && !found.some((o) => o.value === chosen.value) ? [chosen] : []),
    ...found,
  ];

  return (
    <section aria-labelledby="create-account">
      <Card withBorder>
        <form
          onSubmit={form.onSubmit(async (values) => {
            setCreated(null);
            const result = await createUser({
              input: {
                email: values.email.trim(),
                password: values.password,
                role: values.role,
                personId: values.personId ?? undefined,
              },
            });
            form.setErrors(formErrors(result.error));
            if (result.data) {
              const user = result.data.createUser;
              setCreated(
                t('created', { email: user.email, role: t(`role.${user.role ?? values.role}`) }),
              );
              form.reset();
              setSearch('');
              setChosen(null);
              onCreated();
            }
          })}
        >
          <Stack>
            <Title order={2} size="h4" id="create-account">
              {t('createTitle')}
            </Title>
            <Text size="sm">{t('noMail')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('email')}
                type="email"
                autoComplete="off"
                required
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('password')}
                description={t('passwordHint')}
                autoComplete="new-password"
                required
                {...form.getInputProps('password')}
              />
              <Select
                label={t('role')}
                data={STAFF_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
                allowDeselect={false}
                {...form.getInputProps('role')}
              />
              <Select
                label={t('person')}
                description={t('personHint')}
                searchable
                clearable
                data={personOptions}
                filter={({ options }) => options}
                searchValue={search}
                onSearchChange={setSearch}
                {...form.getInputProps('personId')}
                onChange={(value: string | null) => {
                  form.setFieldValue('personId', value);
                  setChosen(personOptions.find((o) => o.value === value) ?? null);
                }}
              />
            </SimpleGrid>
            <FormProblem error={creating.error} fields={form.values} />
            {created && (
              <Alert color="green" role="status">
                {created}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={creating.fetching}>
                {t('create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </section>
  );
}

interface Account {
  id: string;
  email?: string | null;
  role?: Role | null;
  name?: string | null;
}

function AssignAccount({ users }: { users: Account[] }) {
  const { t } = useMessages('admin', adminMessages);
  const format = useFormat();
  const [pickers] = useQuery({ query: PickersQuery });
  const [userId, setUserId] = useState<string | null>(null);
  const [editionId, setEditionId] = useState<string | null>(null);
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [eventId, setEventId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [edition, assignEdition] = useMutation(AssignEditionMutation);
  const [programme, assignProgramme] = useMutation(AssignProgrammeMutation);
  const [trainer, assignTrainer] = useMutation(AssignTrainerMutation);
  const staff = users.filter((user) => user.role === 'ORGANIZER' || user.role === 'TRAINER');
  const user = staff.find((u) => u.id === userId);
  const who = user ? (user.name ?? user.email ?? '') : '';

  const editions = (pickers.data?.editions.nodes ?? []).map((e) => ({
    value: e.id,
    label: `${e.year} · ${e.title}`,
  }));
  const programmes = (pickers.data?.trainingProgrammes ?? []).map((p) => ({
    value: p.id,
    label: p.title,
  }));
  const events = (pickers.data?.trainingEvents.nodes ?? []).map((e) => ({
    value: e.id,
    label: `${e.title} · ${e.city} · ${format.date(e.startDate)}`,
  }));
  const labelOf = (list: { value: string; label: string }[], id: string | null) =>
    list.find((item) => item.value === id)?.label ?? '';

  return (
    <section aria-labelledby="assign-account">
      <Card withBorder>
        <Stack>
          <Title order={2} size="h4" id="assign-account">
            {t('assignTitle')}
          </Title>
          <Text size="sm">{t('assignHint')}</Text>
          <Select
            label={t('account')}
            placeholder={t('chooseAccount')}
            searchable
            data={staff.map((u) => ({
              value: u.id,
              label: `${u.name ? `${u.name} · ` : ''}${u.email ?? ''} (${t(`role.${u.role}`)})`,
            }))}
            value={userId}
            onChange={(value) => {
              setUserId(value);
              setDone(null);
            }}
          />
          <ProblemAlert
            error={pickers.error ?? edition.error ?? programme.error ?? trainer.error}
          />
          {done && (
            <Alert color="green" role="status">
              {done}
            </Alert>
          )}
          {user?.role === 'ORGANIZER' && (
            <>
              <Group align="flex-end" wrap="wrap">
                <Select
                  label={t('edition')}
                  searchable
                  data={editions}
                  value={editionId}
                  onChange={setEditionId}
                  style={{ flex: '1 1 240px' }}
                />
                <Button
                  disabled={!editionId}
                  loading={edition.fetching}
                  onClick={async () => {
                    const result = await assignEdition({ editionId: editionId!, userId: user.id });
                    if (result.data) {
                      setDone(
                        t('assignedEdition', { name: who, what: labelOf(editions, editionId) }),
                      );
                    }
                  }}
                >
                  {t('assignEdition')}
                </Button>
              </Group>
              <Group align="flex-end" wrap="wrap">
                <Select
                  label={t('programme')}
                  searchable
                  data={programmes}
                  value={programmeId}
                  onChange={setProgrammeId}
                  style={{ flex: '1 1 240px' }}
                />
                <Button
                  disabled={!programmeId}
                  loading={programme.fetching}
                  onClick={async () => {
                    const result = await assignProgramme({
                      programmeId: programmeId!,
                      userId: user.id,
                    });
                    if (result.data) {
                      setDone(
                        t('assignedProgramme', {
                          name: who,
                          what: labelOf(programmes, programmeId),
                        }),
                      );
                    }
                  }}
                >
                  {t('assignProgramme')}
                </Button>
              </Group>
            </>
          )}
          {user?.role === 'TRAINER' && (
            <Group align="flex-end" wrap="wrap">
              <Select
                label={t('event')}
                searchable
                data={events}
                value={eventId}
                onChange={setEventId}
                style={{ flex: '1 1 240px' }}
              />
              <Button
                disabled={!eventId}
                loading={trainer.fetching}
                onClick={async () => {
                  const result = await assignTrainer({ eventId: eventId!, userId: user.id });
                  if (result.data) {
                    setDone(
                      t('assignedEvent', { name: who, what: result.data.assignTrainer.title }),
                    );
                  }
                }}
              >
                {t('assignEvent')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
    </section>
  );
}

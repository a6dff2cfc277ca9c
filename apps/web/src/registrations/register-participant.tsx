import { useState } from 'react';
import {
  Alert,
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
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Language, RegistrationStatus } from '../gql/graphql';
import { FormProblem, ProblemAlert } from '../core/components';
import { useFormErrors } from '../core/problems';
import { useMessages } from '../core/i18n';
import { registrationMessages } from './messages';

const DirectoryQuery = graphql(`
  query DirectorySearch($search: String!) {
    people(filter: { search: $search }, first: 10) {
      nodes {
        id
        fullName
        fullNameAlt
        countryName
        organization {
          id
          name
        }
      }
    }
  }
`);

const RegisterMutation = graphql(`
  mutation RegisterParticipant($input: RegisterParticipantInput!) {
    registerParticipant(input: $input) {
      id
      status
    }
  }
`);

const InviteMutation = graphql(`
  mutation InviteParticipant($input: RegisterParticipantInput!) {
    inviteParticipant(input: $input) {
      id
      status
    }
  }
`);

const CreatePersonMutation = graphql(`
  mutation CreateParticipantPerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
      fullName
    }
  }
`);

const LANGUAGES: Language[] = ['EN', 'RU', 'UZ'];

/** Finds a person in the directory (or adds one) and registers or invites them. */
export function RegisterParticipant({
  editionId,
  onDone,
}: {
  editionId: string;
  onDone: () => void;
}) {
  const { t } = useMessages('registrations', registrationMessages);
  const formErrors = useFormErrors();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [people] = useQuery({
    query: DirectoryQuery,
    variables: { search: debounced },
    pause: debounced.length < 2,
  });
  const [registering, register] = useMutation(RegisterMutation);
  const [inviting, invite] = useMutation(InviteMutation);
  const [creating, createPerson] = useMutation(CreatePersonMutation);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      fullName: '',
      fullNameAlt: '',
      country: '',
      email: '',
      language: 'EN' as Language,
    },
  });

  const statusText = (status: RegistrationStatus) => t(`status.${status}`);

  const add = async (personId: string, name: string, how: 'register' | 'invite') => {
    setDone(null);
    const input = { editionId, personId };
    if (how === 'register') {
      const result = await register({ input });
      if (result.data) {
        setDone(
          t('registered', { name, status: statusText(result.data.registerParticipant.status) }),
        );
        onDone();
      }
    } else {
      const result = await invite({ input });
      if (result.data) {
        setDone(t('invited', { name }));
        onDone();
      }
    }
  };

  const found = people.data?.people.nodes ?? [];
  return (
    <section aria-labelledby="add-participant">
      <Card withBorder>
        <Stack>
          <Title order={2} size="h4" id="add-participant">
            {t('addTitle')}
          </Title>
          {done && (
            <Alert color="green" role="status">
              {done}
            </Alert>
          )}
          <ProblemAlert error={registering.error ?? inviting.error} />
          <TextInput
            label={t('findPerson')}
            description={t('findHint')}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          {debounced.length >= 2 && people.data && (
            <div aria-live="polite">
              {found.length === 0 ? (
                <Text>{t('noPerson')}</Text>
              ) : (
                <Stack gap="xs" component="ul" aria-label={t('found')} p={0} m={0}>
                  {found.map((person) => (
                    <Group
                      key={person.id}
                      component="li"
                      justify="space-between"
                      wrap="wrap"
                      gap="xs"
                      style={{ listStyle: 'none' }}
                    >
                      <div>
                        <Text fw={500}>{person.fullName}</Text>
                        <Text size="xs" c="dimmed">
                          {[person.fullNameAlt, person.organization?.name, person.countryName]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </div>
                      <Group gap="xs">
                        <Button
                          size="xs"
                          aria-label={t('registerName', { name: person.fullName })}
                          loading={registering.fetching}
                          onClick={() => add(person.id, person.fullName, 'register')}
                        >
                          {t('register')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t('inviteName', { name: person.fullName })}
                          loading={inviting.fetching}
                          onClick={() => add(person.id, person.fullName, 'invite')}
                        >
                          {t('invite')}
                        </Button>
                      </Group>
                    </Group>
                  ))}
                </Stack>
              )}
            </div>
          )}

          <Title order={3} size="h5" mt="sm">
            {t('createTitle')}
          </Title>
          <form
            onSubmit={form.onSubmit(async (values) => {
              setDone(null);
              const result = await createPerson({
                input: {
                  fullName: values.fullName.trim(),
                  fullNameAlt: values.fullNameAlt.trim() || undefined,
                  country: values.country.trim().toUpperCase(),
                  email: values.email.trim() || undefined,
                  language: values.language,
                },
              });
              form.setErrors(formErrors(result.error));
              if (result.data) {
                const person = result.data.createPerson;
                await add(person.id, person.fullName, 'register');
                form.reset();
              }
            })}
          >
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('fullName')} required {...form.getInputProps('fullName')} />
                <TextInput label={t('fullNameAlt')} {...form.getInputProps('fullNameAlt')} />
                <TextInput
                  label={t('country')}
                  description={t('countryHint')}
                  required
                  maxLength={2}
                  {...form.getInputProps('country')}
                />
                <TextInput
                  label={t('email')}
                  type="email"
                  autoComplete="off"
                  {...form.getInputProps('email')}
                />
                <Select
                  label={t('language')}
                  data={LANGUAGES.map((lang) => ({ value: lang, label: t(`lang.${lang}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps('language')}
                />
              </SimpleGrid>
              <FormProblem error={creating.error} fields={form.values} />
              <Group>
                <Button type="submit" loading={creating.fetching || registering.fetching}>
                  {t('createAndRegister')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Card>
    </section>
  );
}

import { useMemo, useState } from 'react';
import {
  Accordion,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { DelegationKind, Language, ProfessionalCategory } from '../../gql/graphql';
import { Loading, ProblemAlert } from '../../core/components';
import { useFormat, useMessages } from '../../core/i18n';
import { useFormErrors } from '../../core/problems';
import { CATEGORIES, DelegationView } from '../../delegations/delegation-view';
import { delegationMessages } from '../../delegations/messages';
import { countryOptions } from '../countries';
import { useNotify } from '../notify';
import { SearchOrganizations } from './partners-section';

const EditionDelegations = graphql(`
  query EditionDelegations($id: ID!) {
    edition(id: $id) {
      id
      delegations {
        id
        name
        seats
        categorySeats {
          category
          seats
        }
        focalPoints {
          userId
          email
          name
        }
        head {
          id
          fullName
        }
        nominations {
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
const SetHead = graphql(`
  mutation SetDelegationHead($input: DelegationHeadInput!) {
    setDelegationHead(input: $input) {
      id
      head {
        id
        fullName
      }
    }
  }
`);
const CreateDelegation = graphql(`
  mutation CreateDelegation($input: CreateDelegationInput!) {
    createDelegation(input: $input) {
      id
    }
  }
`);
const SetSeats = graphql(`
  mutation SetDelegationSeats($input: DelegationSeatsInput!) {
    setDelegationSeats(input: $input) {
      id
      seats
    }
  }
`);
const InviteFocalPoint = graphql(`
  mutation InviteFocalPoint($input: InviteFocalPointInput!) {
    inviteFocalPoint(input: $input) {
      id
    }
  }
`);
const RemoveFocalPoint = graphql(`
  mutation RemoveFocalPoint($delegationId: ID!, $userId: ID!) {
    removeFocalPoint(delegationId: $delegationId, userId: $userId) {
      id
    }
  }
`);
const RemoveDelegation = graphql(`
  mutation RemoveDelegation($id: ID!) {
    removeDelegation(id: $id)
  }
`);

/** The edition's delegations: seats, focal points and the nominations to decide on. */
export function DelegationsSection({ editionId }: { editionId: string }) {
  const { t } = useMessages('delegations', delegationMessages);
  const notify = useNotify();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EditionDelegations,
    variables: { id: editionId },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [removeResult, removeDelegation] = useMutation(RemoveDelegation);
  const [focalResult, removeFocalPoint] = useMutation(RemoveFocalPoint);
  if (fetching && !data) return <Loading />;
  const delegations = data?.edition.delegations ?? [];
  return (
    <Stack>
      <Text size="sm">{t('sectionIntro')}</Text>
      <ProblemAlert error={error ?? removeResult.error ?? focalResult.error} onRetry={reload} />
      {delegations.length === 0 && !error && <Text>{t('noDelegationsYet')}</Text>}
      <Accordion variant="separated" multiple>
        {delegations.map((delegation) => (
          <Accordion.Item key={delegation.id} value={delegation.id}>
            <Accordion.Control>
              {delegation.name} · {t('seats')}: {delegation.seats}
            </Accordion.Control>
            <Accordion.Panel>
              <Stack>
                <SeatsForm
                  delegationId={delegation.id}
                  seats={delegation.seats}
                  categorySeats={delegation.categorySeats}
                  onSaved={reload}
                />
                <HeadForm
                  delegationId={delegation.id}
                  headId={delegation.head?.id ?? null}
                  people={delegation.nominations
                    .filter((n) => n.status !== 'DECLINED')
                    .map((n) => n.person)}
                  onSaved={reload}
                />
                <Title order={3} size="h5">
                  {t('focalPoints')}
                </Title>
                {delegation.focalPoints.length === 0 && <Text size="sm">{t('noFocalPoints')}</Text>}
                {delegation.focalPoints.map((focal) => (
                  <Group key={focal.userId} gap="xs">
                    <Text size="sm">
                      {focal.name ? `${focal.name} · ` : ''}
                      {focal.email}
                    </Text>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        void removeFocalPoint({
                          delegationId: delegation.id,
                          userId: focal.userId,
                        }).then((r) => !r.error && reload())
                      }
                    >
                      {t('remove')}
                    </Button>
                  </Group>
                ))}
                <InviteForm delegationId={delegation.id} onInvited={reload} />
                <DelegationView id={delegation.id} organizer />
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  w="fit-content"
                  onClick={() =>
                    void removeDelegation({ id: delegation.id }).then((r) => {
                      if (!r.error) {
                        notify(t('removed'));
                        reload();
                      }
                    })
                  }
                >
                  {t('removeDelegation')}
                </Button>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <CreateForm editionId={editionId} onCreated={reload} />
    </Stack>
  );
}

function CreateForm({ editionId, onCreated }: { editionId: string; onCreated: () => void }) {
  const { t } = useMessages('delegations', delegationMessages);
  const { locale } = useFormat();
  const notify = useNotify();
  const formErrors = useFormErrors();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const [kind, setKind] = useState<DelegationKind>('COUNTRY');
  const [country, setCountry] = useState<string | null>(null);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [seats, setSeats] = useState<number | string>(8);
  const typing = kind === 'ORGANIZATION' && search.trim().length >= 2;
  const [organizations] = useQuery({
    query: SearchOrganizations,
    variables: { search: search.trim() },
    pause: !typing,
  });
  const options = (organizations.data?.organizations.nodes ?? []).map((o) => ({
    value: o.id,
    label: o.acronym ? `${o.name} (${o.acronym})` : o.name,
  }));
  const [{ fetching, error }, create] = useMutation(CreateDelegation);
  const errors = formErrors(error, ['country', 'organizationId', 'seats']);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const target =
          kind === 'COUNTRY'
            ? { country: country ?? '' }
            : { organizationId: organizationId ?? '' };
        void create({
          input: { editionId, kind, ...target, seats: Number(seats) },
        }).then((r) => {
          if (!r.error) {
            notify(t('created'));
            setCountry(null);
            setOrganizationId(null);
            setSearch('');
            onCreated();
          }
        });
      }}
    >
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('kind')}
          value={kind}
          onChange={(value) => setKind(value)}
          data={(['COUNTRY', 'ORGANIZATION'] as const).map((value) => ({
            value,
            label: t(`kind.${value}`),
          }))}
        />
        {kind === 'COUNTRY' ? (
          <Select
            label={t('country')}
            searchable
            data={countries}
            value={country}
            onChange={setCountry}
            error={errors.country}
            w={260}
          />
        ) : (
          <Select
            label={t('organizationId')}
            placeholder={t('searchOrganizations')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            data={options}
            value={organizationId}
            onChange={setOrganizationId}
            error={errors.organizationId}
            nothingFoundMessage={typing && !organizations.fetching ? t('nothingFound') : undefined}
            w={320}
          />
        )}
        <NumberInput
          label={t('seats')}
          value={seats}
          onChange={setSeats}
          min={1}
          error={errors.seats}
          w={120}
        />
        <Button type="submit" loading={fetching}>
          {t('create')}
        </Button>
      </Group>
      {errors._form && (
        <Text c="red" size="sm" role="alert">
          {errors._form}
        </Text>
      )}
    </form>
  );
}

/** The head of delegation, chosen among its nominees. */
function HeadForm({
  delegationId,
  headId,
  people,
  onSaved,
}: {
  delegationId: string;
  headId: string | null;
  people: { id: string; fullName: string }[];
  onSaved: () => void;
}) {
  const { t } = useMessages('delegations', delegationMessages);
  const notify = useNotify();
  const [{ fetching, error }, save] = useMutation(SetHead);
  const options = people.map((person) => ({ value: person.id, label: person.fullName }));
  return (
    <Stack gap={4}>
      <Select
        label={t('head')}
        placeholder={people.length ? undefined : t('headFromNominees')}
        data={options}
        value={headId}
        clearable
        disabled={fetching || (!people.length && !headId)}
        onChange={(personId) =>
          void save({ input: { delegationId, personId } }).then((r) => {
            if (!r.error) {
              notify(t('headSaved'));
              onSaved();
            }
          })
        }
        w={320}
      />
      <ProblemAlert error={error} />
    </Stack>
  );
}

function SeatsForm({
  delegationId,
  seats,
  categorySeats,
  onSaved,
}: {
  delegationId: string;
  seats: number;
  categorySeats: { category: ProfessionalCategory; seats: number }[];
  onSaved: () => void;
}) {
  const { t } = useMessages('delegations', delegationMessages);
  const notify = useNotify();
  const formErrors = useFormErrors();
  const [total, setTotal] = useState<number | string>(seats);
  const [rows, setRows] = useState(categorySeats.map((c) => ({ ...c })));
  const [{ fetching, error }, save] = useMutation(SetSeats);
  const errors = formErrors(error, ['seats', 'categorySeats']);
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap">
        <NumberInput
          label={t('seats')}
          value={total}
          onChange={setTotal}
          min={1}
          error={errors.seats}
          w={120}
        />
      </Group>
      <Text size="sm" fw={600}>
        {t('judgeSeats')}
      </Text>
      {rows.map((row, i) => (
        <Group key={i} align="flex-end" wrap="wrap">
          <Select
            aria-label={t('category')}
            data={CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))}
            value={row.category}
            onChange={(v) =>
              v && setRows((r) => r.map((x, j) => (j === i ? { ...x, category: v } : x)))
            }
            allowDeselect={false}
            w={220}
          />
          <NumberInput
            aria-label={t('seats')}
            value={row.seats}
            min={0}
            onChange={(v) =>
              setRows((r) => r.map((x, j) => (j === i ? { ...x, seats: Number(v) || 0 } : x)))
            }
            w={100}
          />
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => setRows((r) => r.filter((_, j) => j !== i))}
          >
            {t('remove')}
          </Button>
        </Group>
      ))}
      {errors.categorySeats && (
        <Text c="red" size="sm" role="alert">
          {errors.categorySeats}
        </Text>
      )}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() => setRows((r) => [...r, { category: 'JUDGE', seats: 1 }])}
        >
          {t('addCategory')}
        </Button>
        <Button
          size="xs"
          loading={fetching}
          onClick={() =>
            void save({
              input: { delegationId, seats: Number(total), categorySeats: rows },
            }).then((r) => {
              if (!r.error) {
                notify(t('seatsSaved'));
                onSaved();
              }
            })
          }
        >
          {t('saveSeats')}
        </Button>
      </Group>
      {errors._form && (
        <Text c="red" size="sm" role="alert">
          {errors._form}
        </Text>
      )}
    </Stack>
  );
}

function InviteForm({ delegationId, onInvited }: { delegationId: string; onInvited: () => void }) {
  const { t } = useMessages('delegations', delegationMessages);
  const notify = useNotify();
  const formErrors = useFormErrors();
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [language, setLanguage] = useState<Language>('EN');
  const [{ fetching, error }, invite] = useMutation(InviteFocalPoint);
  const errors = formErrors(error, ['email', 'fullName', 'language']);
  return (
    <form
      aria-label={t('inviteTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void invite({ input: { delegationId, email, fullName, language } }).then((r) => {
          if (!r.error) {
            notify(t('invited'));
            setEmail('');
            setFullName('');
            onInvited();
          }
        });
      }}
    >
      <Text size="sm" fw={600}>
        {t('inviteTitle')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
        />
        <TextInput
          label={t('fullName')}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          error={errors.fullName}
        />
        <Select
          label={t('language')}
          data={(['EN', 'RU', 'UZ'] as Language[]).map((l) => ({
            value: l,
            label: t(`lang.${l}`),
          }))}
          value={language}
          onChange={(v) => v && setLanguage(v)}
          allowDeselect={false}
          w={140}
        />
        <Button type="submit" loading={fetching}>
          {t('invite')}
        </Button>
      </Group>
      {errors._form && (
        <Text c="red" size="sm" role="alert">
          {errors._form}
        </Text>
      )}
    </form>
  );
}

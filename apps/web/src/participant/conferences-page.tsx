import { useState } from 'react';
import { Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CombinedError, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ConfirmDialog, Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { currentLanguage, useFormat, useMessages } from '../core/i18n';
import { MyBadgeSection } from '../badges/my-badge';
import { InvitationLetterPanel, ListedConsent } from './invitation-letter';
import { participantMessages } from './messages';
import { notify } from './notify';

const MyConferences = graphql(`
  query MyConferences {
    myRegistrations {
      id
      status
      listed
      checkIns {
        day
      }
      edition {
        id
        title
        city
        hostCountryName
        startDate
        endDate
      }
    }
    myInvitationLetters {
      id
      status
      number
      declineReason
      erasedAt
      registration {
        id
      }
    }
    editions(first: 100, filter: { status: REGISTRATION_OPEN }) {
      nodes {
        id
        title
        city
        hostCountryName
        startDate
        endDate
      }
    }
  }
`);

const RegisterForEdition = graphql(`
  mutation RegisterForEdition($editionId: ID!, $listed: Boolean) {
    registerForEdition(editionId: $editionId, listed: $listed) {
      id
      status
    }
  }
`);

const CancelRegistration = graphql(`
  mutation CancelMyRegistration($id: ID!) {
    cancelRegistration(id: $id) {
      id
      status
    }
  }
`);

// A registration that still holds (or waits for) a seat.
const ACTIVE = ['REGISTERED', 'CONFIRMED', 'WAITLISTED', 'INVITED'];
// A registration a visa invitation letter may be asked for (the API has the last word).
const LETTER_STATUSES = ['REGISTERED', 'CONFIRMED', 'WAITLISTED'];

function ConferencesPage() {
  const { t } = useMessages('participant', participantMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyConferences });
  const [registering, register] = useMutation(RegisterForEdition);
  const [cancelling, cancel] = useMutation(CancelRegistration);
  const [toCancel, setToCancel] = useState<{ id: string; title: string }>();
  // The consent to the public list, asked before registering (per edition).
  const [consent, setConsent] = useState<Record<string, boolean>>({});
  const [actionError, setActionError] = useState<CombinedError>();
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (fetching && !data) return <Loading />;
  const registrations = data?.myRegistrations ?? [];
  const mine = new Set(
    registrations.filter((r) => ACTIVE.includes(r.status)).map((r) => r.edition.id),
  );
  const open = (data?.editions.nodes ?? []).filter((edition) => !mine.has(edition.id));
  const lang = currentLanguage();

  return (
    <Stack>
      <PageTitle>{t('conferencesTitle')}</PageTitle>
      <ProblemAlert error={error} onRetry={reload} />
      <ProblemAlert error={actionError} />
      <section aria-labelledby="mine">
        <Title order={2} size="h3" id="mine" mb="sm">
          {t('myRegistrations')}
        </Title>
        {registrations.length === 0 && <Text>{t('noRegistrations')}</Text>}
        <Stack>
          {registrations.map((registration) => {
            const { edition } = registration;
            const attended = registration.checkIns.length;
            return (
              <Card key={registration.id} withBorder component="article">
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Title order={3} size="h4">
                    <Anchor component={Link} to={`/editions/${edition.id}`}>
                      {edition.title}
                    </Anchor>
                  </Title>
                  <Badge
                    color={registration.status === 'CANCELLED' ? 'gray' : 'blue'}
                    variant="light"
                    c="dark.9"
                  >
                    {t(`status.${registration.status}`)}
                  </Badge>
                </Group>
                <Text size="sm" mt="xs">
                  {format.dateRange(edition.startDate, edition.endDate)} · {edition.city},{' '}
                  {edition.hostCountryName}
                </Text>
                {(registration.status === 'REGISTERED' || registration.status === 'CONFIRMED') && (
                  <MyBadgeSection registrationId={registration.id} />
                )}
                {registration.status === 'WAITLISTED' && (
                  <Text size="sm" c="dimmed">
                    {t('waitlistHint')}
                  </Text>
                )}
                {attended > 0 && (
                  <>
                    <Text size="sm">{t('daysAttended', { count: attended })}</Text>
                    <Title order={4} size="h6" mt="sm">
                      {t('documents')}
                    </Title>
                    <Group gap="md">
                      <Anchor
                        href={`/documents/editions/${edition.id}/agenda.pdf?lang=${lang}`}
                        target="_blank"
                        rel="noopener"
                      >
                        {t('agendaPdf')}
                      </Anchor>
                      <Anchor
                        href={`/documents/editions/${edition.id}/recommendations.pdf?lang=${lang}`}
                        target="_blank"
                        rel="noopener"
                      >
                        {t('recommendationsPdf')}
                      </Anchor>
                    </Group>
                  </>
                )}
                {ACTIVE.includes(registration.status) && (
                  <ListedConsent
                    registrationId={registration.id}
                    listed={registration.listed}
                    title={edition.title}
                  />
                )}
                {LETTER_STATUSES.includes(registration.status) && (
                  <InvitationLetterPanel
                    registrationId={registration.id}
                    letters={data?.myInvitationLetters ?? []}
                    onChanged={reload}
                  />
                )}
                {ACTIVE.includes(registration.status) && attended === 0 && (
                  <Group mt="sm">
                    <Button
                      variant="default"
                      size="xs"
                      aria-label={t('cancelRegistrationFor', { title: edition.title })}
                      onClick={() => setToCancel({ id: registration.id, title: edition.title })}
                    >
                      {t('cancelRegistration')}
                    </Button>
                  </Group>
                )}
              </Card>
            );
          })}
        </Stack>
      </section>
      <section aria-labelledby="open">
        <Title order={2} size="h3" id="open" mb="sm">
          {t('openEditions')}
        </Title>
        {open.length === 0 && <Text>{t('noOpenEditions')}</Text>}
        <Stack>
          {open.map((edition) => (
            <Card key={edition.id} withBorder component="article">
              <Title order={3} size="h4">
                <Anchor component={Link} to={`/editions/${edition.id}`}>
                  {edition.title}
                </Anchor>
              </Title>
              <Text size="sm" mt="xs">
                {format.dateRange(edition.startDate, edition.endDate)} · {edition.city},{' '}
                {edition.hostCountryName}
              </Text>
              <Checkbox
                mt="sm"
                label={t('listedConsent')}
                aria-label={t('listedConsentFor', { title: edition.title })}
                checked={consent[edition.id] ?? false}
                onChange={(event) =>
                  setConsent({ ...consent, [edition.id]: event.currentTarget.checked })
                }
              />
              <Group mt="sm">
                <Button
                  size="xs"
                  loading={registering.fetching}
                  aria-label={t('registerFor', { title: edition.title })}
                  onClick={async () => {
                    const result = await register({
                      editionId: edition.id,
                      listed: consent[edition.id] ?? false,
                    });
                    setActionError(result.error);
                    if (result.data) {
                      const waiting = result.data.registerForEdition.status === 'WAITLISTED';
                      notify(
                        t(waiting ? 'waitlisted' : 'registered', { title: edition.title }),
                        t('close'),
                        'green',
                      );
                      reload();
                    }
                  }}
                >
                  {t('register')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      </section>
      <ConfirmDialog
        opened={Boolean(toCancel)}
        title={t('cancelTitle')}
        question={t('cancelQuestion', { title: toCancel?.title })}
        keepLabel={t('keep')}
        confirmLabel={t('confirmCancel')}
        closeLabel={t('close')}
        confirming={cancelling.fetching}
        onClose={() => setToCancel(undefined)}
        onConfirm={async () => {
          if (!toCancel) return;
          const result = await cancel({ id: toCancel.id });
          setActionError(result.error);
          if (result.data) {
            notify(t('cancelled', { title: toCancel.title }), t('close'), 'green');
            reload();
          }
          setToCancel(undefined);
        }}
      />
    </Stack>
  );
}

export default function MyConferencesPage() {
  return (
    <RequireRole roles={['PARTICIPANT']}>
      <ConferencesPage />
    </RequireRole>
  );
}

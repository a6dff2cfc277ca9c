import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, List, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { CombinedError, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert } from '../core/components';
import { currentLanguage, useFormat, useMessages } from '../core/i18n';
import { useSession } from '../core/session';
import { publicMessages } from './messages';

const EditionQuery = graphql(`
  query PublicEdition($id: ID!) {
    edition(id: $id) {
      id
      title
      theme
      startDate
      endDate
      city
      hostCountryName
      venue
      status
      timeZone
      objectives
      days {
        number
        date
      }
      partners {
        id
        role
        organization {
          id
          name
          acronym
        }
      }
      agenda {
        id
        day
        startTime
        endTime
        title
        room
        description
        moderator {
          id
          fullName
        }
        speakers {
          id
          titleOnAgenda
          person {
            id
            fullName
          }
        }
      }
      workingGroups {
        id
        name
        topic
        facilitators {
          id
          fullName
        }
      }
      recommendations(status: ADOPTED) {
        id
        number
        text
        addressedTo
        workingGroup {
          id
          name
        }
      }
    }
  }
`);

const MyRegistrationsQuery = graphql(`
  query MyRegistrationStatuses {
    myRegistrations {
      id
      status
      edition {
        id
      }
    }
  }
`);

const RegisterMutation = graphql(`
  mutation RegisterFromEditionPage($editionId: ID!) {
    registerForEdition(editionId: $editionId) {
      id
      status
    }
  }
`);

const HOLDING = ['REGISTERED', 'CONFIRMED', 'WAITLISTED', 'INVITED'];

/** An edition as anyone sees it: facts, partners, agenda by day, groups, outcomes. */
export default function EditionPage() {
  const { t } = useMessages('public', publicMessages);
  const format = useFormat();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EditionQuery,
    variables: { id },
  });
  if (fetching && !data) return <Loading />;
  const edition = data?.edition;
  if (!edition) {
    return (
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  const lang = currentLanguage();
  const days = edition.days.filter((day) => edition.agenda.some((s) => s.day === day.number));

  return (
    <Stack>
      <PageTitle>{edition.title}</PageTitle>
      {edition.theme && (
        <Text size="lg" fs="italic">
          {edition.theme}
        </Text>
      )}
      <Group gap="xl" wrap="wrap">
        <div>
          <Text size="sm" c="dimmed">
            {t('editionDates')}
          </Text>
          <Text>{format.dateRange(edition.startDate, edition.endDate)}</Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t('editionPlace')}
          </Text>
          <Text>
            {[edition.venue, t('place', { city: edition.city, country: edition.hostCountryName })]
              .filter(Boolean)
              .join(', ')}
          </Text>
        </div>
      </Group>
      <Registration editionId={edition.id} open={edition.status === 'REGISTRATION_OPEN'} />

      {edition.objectives.length > 0 && (
        <section aria-labelledby="objectives">
          <Title order={2} size="h3" id="objectives" mb="sm">
            {t('objectives')}
          </Title>
          <List>
            {edition.objectives.map((objective) => (
              <List.Item key={objective}>{objective}</List.Item>
            ))}
          </List>
        </section>
      )}

      {edition.partners.length > 0 && (
        <section aria-labelledby="partners">
          <Title order={2} size="h3" id="partners" mb="sm">
            {t('partners')}
          </Title>
          <List>
            {edition.partners.map((partner) => (
              <List.Item key={partner.id}>
                {partner.organization.name}
                {partner.organization.acronym && ` (${partner.organization.acronym})`} —{' '}
                {t(`role.${partner.role}`)}
              </List.Item>
            ))}
          </List>
        </section>
      )}

      <section aria-labelledby="agenda">
        <Title order={2} size="h3" id="agenda" mb="sm">
          {t('agenda')}
        </Title>
        {days.length > 0 && (
          <Text size="sm" c="dimmed" mb="sm">
            {t('localTimes', { zone: edition.timeZone })}
          </Text>
        )}
        {days.length === 0 ? (
          <Text>{t('agendaEmpty')}</Text>
        ) : (
          <Tabs defaultValue={String(days[0]!.number)}>
            <Tabs.List>
              {days.map((day) => (
                <Tabs.Tab key={day.number} value={String(day.number)}>
                  {t('dayTab', { number: day.number, date: format.date(day.date) })}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {days.map((day) => (
              <Tabs.Panel key={day.number} value={String(day.number)} pt="sm">
                <Stack gap="sm">
                  {edition.agenda
                    .filter((session) => session.day === day.number)
                    .map((session) => (
                      <Card key={session.id} withBorder padding="sm" component="article">
                        <Text size="sm" fw={700}>
                          {t('time', { start: session.startTime, end: session.endTime })}
                        </Text>
                        <Title order={3} size="h5">
                          {session.title}
                        </Title>
                        {session.room && <Text size="sm">{t('room', { room: session.room })}</Text>}
                        {session.description && <Text size="sm">{session.description}</Text>}
                        {session.moderator && (
                          <Text size="sm">
                            {t('moderator', { name: session.moderator.fullName })}
                          </Text>
                        )}
                        {session.speakers.length > 0 && (
                          <List size="sm" aria-label={t('speakers')}>
                            {session.speakers.map((speaker) => (
                              <List.Item key={speaker.id}>
                                {speaker.person.fullName}
                                {speaker.titleOnAgenda && `, ${speaker.titleOnAgenda}`}
                              </List.Item>
                            ))}
                          </List>
                        )}
                      </Card>
                    ))}
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
        )}
      </section>

      {edition.workingGroups.length > 0 && (
        <section aria-labelledby="groups">
          <Title order={2} size="h3" id="groups" mb="sm">
            {t('workingGroups')}
          </Title>
          <Stack gap="xs">
            {edition.workingGroups.map((group) => (
              <div key={group.id}>
                <Text fw={700}>{group.name}</Text>
                {group.topic && <Text size="sm">{group.topic}</Text>}
                {group.facilitators.length > 0 && (
                  <Text size="sm">
                    {t('facilitators', {
                      names: group.facilitators.map((f) => f.fullName).join(', '),
                    })}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        </section>
      )}

      {edition.recommendations.length > 0 && (
        <section aria-labelledby="recommendations">
          <Title order={2} size="h3" id="recommendations" mb="sm">
            {t('recommendations')}
          </Title>
          <List type="ordered">
            {edition.recommendations.map((recommendation) => (
              <List.Item key={recommendation.id} value={recommendation.number}>
                {recommendation.text}
                {recommendation.addressedTo && (
                  <Text size="sm" c="dimmed">
                    {t('addressedTo', { to: recommendation.addressedTo })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </section>
      )}

      <section aria-labelledby="documents">
        <Title order={2} size="h3" id="documents" mb="sm">
          {t('documents')}
        </Title>
        <Stack gap="xs" align="flex-start">
          {days.length > 0 && (
            <Anchor href={`/editions/${edition.id}/agenda.ics`} download>
              {t('addToCalendar')}
            </Anchor>
          )}
          <Anchor
            href={`/documents/editions/${edition.id}/agenda.pdf?lang=${lang}&inline=1`}
            target="_blank"
            rel="noopener"
          >
            {t('agendaPdf')}
          </Anchor>
          {edition.recommendations.length > 0 && (
            <Anchor
              href={`/documents/editions/${edition.id}/recommendations.pdf?lang=${lang}&inline=1`}
              target="_blank"
              rel="noopener"
            >
              {t('recommendationsPdf')}
            </Anchor>
          )}
        </Stack>
      </section>
    </Stack>
  );
}

/** Register (participants), or log in first (anyone not logged in). */
function Registration({ editionId, open }: { editionId: string; open: boolean }) {
  const { t } = useMessages('public', publicMessages);
  const { user } = useSession();
  const participant = user?.role === 'PARTICIPANT';
  const [mine, refetchMine] = useQuery({ query: MyRegistrationsQuery, pause: !participant });
  const [registering, register] = useMutation(RegisterMutation);
  const [problem, setProblem] = useState<CombinedError>();
  if (!open || user === undefined || (user && !participant)) return null;
  if (!user) {
    return (
      <Alert color="blue" title={t('registrationOpen')}>
        <Button component={Link} to={`/login?next=${encodeURIComponent(`/editions/${editionId}`)}`}>
          {t('loginToRegister')}
        </Button>
      </Alert>
    );
  }
  const holding = mine.data?.myRegistrations.find(
    (r) => r.edition.id === editionId && HOLDING.includes(r.status),
  );
  if (mine.fetching && !mine.data) return null;
  if (holding) {
    return (
      <Alert color="green" role="status">
        <Group gap="sm">
          <span>{t('alreadyRegistered', { status: t(`status.${holding.status}`) })}</span>
          <Anchor component={Link} to="/my/conferences">
            {t('myConferences')}
          </Anchor>
        </Group>
      </Alert>
    );
  }
  return (
    <Alert color="blue" title={t('registrationOpen')}>
      <Stack align="flex-start">
        <ProblemAlert error={problem} />
        <Button
          loading={registering.fetching}
          onClick={async () => {
            const result = await register({ editionId });
            setProblem(result.error);
            if (result.data) {
              const waiting = result.data.registerForEdition.status === 'WAITLISTED';
              notifications.show({
                color: 'green',
                message: t(waiting ? 'waitlisted' : 'registered'),
                closeButtonProps: { 'aria-label': t('close') },
              });
              refetchMine({ requestPolicy: 'network-only' });
            }
          }}
        >
          {t('register')}
        </Button>
      </Stack>
    </Alert>
  );
}

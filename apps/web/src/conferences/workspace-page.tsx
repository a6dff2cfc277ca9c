import { Alert, Anchor, Group, Stack, Tabs } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useMessages } from '../core/i18n';
import { badgeMessages } from '../badges/messages';
import { evaluationMessages } from '../evaluations/messages';
import { coreMessages } from '../core/messages';
import { EditionFacts } from './edition-facts';
import { conferenceMessages } from './messages';
import { AgendaSection } from './workspace/agenda-section';
import { DelegationsSection } from './workspace/delegations-section';
import { DetailsSection } from './workspace/details-section';
import { DocumentsSection } from './workspace/documents-section';
import { LettersSection } from './workspace/letters-section';
import { ParticipationSection } from './workspace/participation-section';
import { PartnersSection } from './workspace/partners-section';
import { RecommendationsSection } from './workspace/recommendations-section';
import { WorkingGroupsSection } from './workspace/working-groups-section';

const WorkspaceEdition = graphql(`
  query WorkspaceEdition($id: ID!) {
    edition(id: $id) {
      id
      year
      title
      status
      isPublished
      canManage
      startDate
      endDate
      city
      hostCountry
    }
  }
`);

const SECTIONS = [
  'details',
  'agenda',
  'partners',
  'groups',
  'recommendations',
  'participation',
  'delegations',
  'letters',
  'documents',
] as const;
type Section = (typeof SECTIONS)[number];

export default function WorkspacePage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <Workspace />
    </RequireRole>
  );
}

/** One edition's workspace: a tab per part of the work, the chosen one kept in the address. */
function Workspace() {
  const { id = '' } = useParams();
  const { t } = useMessages('conferences', conferenceMessages);
  const { t: tc } = useMessages('core', coreMessages);
  const { t: tb } = useMessages('badges', badgeMessages);
  const { t: te } = useMessages('evaluations', evaluationMessages);
  const [params, setParams] = useSearchParams();
  const section: Section = SECTIONS.find((s) => s === params.get('section')) ?? 'details';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: WorkspaceEdition,
    variables: { id },
  });
  if (fetching && !data) return <Loading />;
  const edition = data?.edition;
  if (!edition) {
    return (
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  if (!edition.canManage) {
    return (
      <Alert color="yellow" role="alert">
        {tc('forbidden')}
      </Alert>
    );
  }
  const elsewhere = [
    { to: `/manage/editions/${id}/registrations`, label: t('link.registrations') },
    { to: `/manage/editions/${id}/check-in`, label: t('link.checkIn') },
    { to: `/manage/editions/${id}/badges`, label: tb('link') },
    { to: `/manage/editions/${id}/scan`, label: tb('scanLink') },
    { to: `/manage/editions/${id}/mailings`, label: t('link.mailings') },
    { to: `/manage/editions/${id}/evaluation`, label: te('link') },
  ];
  return (
    <Stack>
      <Anchor component={Link} to="/manage/editions" size="sm">
        {t('backToEditions')}
      </Anchor>
      <PageTitle>
        {edition.year} · {edition.title}
      </PageTitle>
      <EditionFacts edition={edition} />
      <nav aria-label={t('otherPages')}>
        <Group gap="md" wrap="wrap">
          {elsewhere.map((link) => (
            <Anchor key={link.to} component={Link} to={link.to}>
              {link.label}
            </Anchor>
          ))}
        </Group>
      </nav>
      <Tabs
        value={section}
        onChange={(value) => setParams(value ? { section: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`section.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <DetailsSection editionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="agenda" pt="md">
          <AgendaSection editionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="partners" pt="md">
          <PartnersSection editionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="groups" pt="md">
          <WorkingGroupsSection editionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="recommendations" pt="md">
          <RecommendationsSection editionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="participation" pt="md">
          <ParticipationSection editionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="delegations" pt="md">
          <DelegationsSection editionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="letters" pt="md">
          <LettersSection editionId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsSection editionId={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

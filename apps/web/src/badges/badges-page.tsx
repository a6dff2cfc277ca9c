import { useMemo, useState } from 'react';
import { Anchor, Button, Card, Group, Image, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { CombinedError, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { BadgeRole } from '../gql/graphql';
import { ConfirmDialog, Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { currentLanguage, useMessages } from '../core/i18n';
import { coreMessages } from '../core/messages';
import { notify } from '../participant/notify';
import { badgeMessages } from './messages';
import { PhotoUpload } from './photo-upload';

const EditionBadges = graphql(`
  query EditionBadges($id: ID!) {
    edition(id: $id) {
      id
      title
    }
    badges(editionId: $id) {
      registrationId
      name
      nameLatin
      nameCyrillic
      organization
      delegation
      delegationId
      role
      roleSet
      photoUrl
      pdfUrl
      printCount
      revocations
    }
  }
`);

const SetBadgeRole = graphql(`
  mutation SetBadgeRole($registrationId: ID!, $role: BadgeRole) {
    setBadgeRole(registrationId: $registrationId, role: $role) {
      registrationId
      role
      roleSet
    }
  }
`);

const RevokeBadge = graphql(`
  mutation RevokeBadge($registrationId: ID!) {
    revokeBadge(registrationId: $registrationId) {
      registrationId
      revocations
    }
  }
`);

const SendBadges = graphql(`
  mutation SendBadges($editionId: ID!, $delegationId: ID) {
    sendBadges(editionId: $editionId, delegationId: $delegationId)
  }
`);

export const ROLES: BadgeRole[] = ['DELEGATE', 'SPEAKER', 'ORGANIZER', 'PRESS', 'STAFF'];

export default function BadgesPage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <Badges />
    </RequireRole>
  );
}

/** An edition's badges: roles, photos, printing by delegation or all, revoking, mailing. */
function Badges() {
  const { t } = useMessages('badges', badgeMessages);
  const { t: tc } = useMessages('core', coreMessages);
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EditionBadges,
    variables: { id },
  });
  const [, setRole] = useMutation(SetBadgeRole);
  const [revoking, revoke] = useMutation(RevokeBadge);
  const [sending, send] = useMutation(SendBadges);
  const [delegation, setDelegation] = useState<string | null>(null);
  const [toRevoke, setToRevoke] = useState<{ registrationId: string; name: string }>();
  const [asking, setAsking] = useState(false);
  const [actionError, setActionError] = useState<CombinedError>();
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const lang = currentLanguage();

  const delegations = useMemo(() => {
    const found = new Map<string, string>();
    for (const badge of data?.badges ?? [])
      if (badge.delegationId && badge.delegation) found.set(badge.delegationId, badge.delegation);
    return [...found].map(([value, label]) => ({ value, label }));
  }, [data]);

  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} onRetry={reload} />;
  const shown = data.badges.filter((badge) => !delegation || badge.delegationId === delegation);
  const sheet = `/documents/editions/${id}/badges.pdf?lang=${lang}${delegation ? `&delegation=${delegation}` : ''}`;

  return (
    <Stack>
      <Anchor component={Link} to={`/manage/editions/${id}`} size="sm">
        {t('backToEdition')}
      </Anchor>
      <PageTitle>{t('title')}</PageTitle>
      <Text c="dimmed">{data.edition.title}</Text>
      <ProblemAlert error={actionError} />
      <Group align="flex-end" wrap="wrap">
        {delegations.length > 0 && (
          <Select
            label={t('delegation')}
            placeholder={t('allDelegations')}
            data={delegations}
            value={delegation}
            onChange={setDelegation}
            clearable
          />
        )}
        <Button component="a" href={sheet} target="_blank" rel="noopener" variant="light">
          {t('printSheet')}
        </Button>
        <Button onClick={() => setAsking(true)} variant="light">
          {t('sendByMail')}
        </Button>
        <Button component={Link} to={`/manage/editions/${id}/scan`}>
          {t('scanLink')}
        </Button>
      </Group>
      {shown.length === 0 && <Text>{t('none')}</Text>}
      <Stack component="ul" aria-label={t('listLabel')} p={0} style={{ listStyle: 'none' }}>
        {shown.map((badge) => (
          <Card key={badge.registrationId} withBorder component="li">
            <Group align="flex-start" wrap="wrap">
              {badge.photoUrl && (
                <Image
                  src={badge.photoUrl}
                  alt={t('photoOf', { name: badge.name })}
                  w={72}
                  h={92}
                  fit="cover"
                />
              )}
              <Stack gap={4} style={{ flex: 1, minWidth: 220 }}>
                <Title order={2} size="h4">
                  {badge.nameLatin ?? badge.name}
                </Title>
                {badge.nameCyrillic && badge.nameCyrillic !== badge.nameLatin && (
                  <Text>{badge.nameCyrillic}</Text>
                )}
                {badge.organization && <Text size="sm">{badge.organization}</Text>}
                {badge.delegation && (
                  <Text size="sm" fw={600}>
                    {badge.delegation}
                  </Text>
                )}
                <Text size="sm" c="dimmed">
                  {badge.printCount > 0
                    ? t('printed', { count: badge.printCount })
                    : t('notPrinted')}
                </Text>
              </Stack>
              <Stack gap="xs" miw={220}>
                <Select
                  label={t('role')}
                  data={ROLES.map((role) => ({
                    value: role,
                    label:
                      role === badge.role && !badge.roleSet
                        ? `${t(`role.${role}`)} (${t('roleDefault')})`
                        : t(`role.${role}`),
                  }))}
                  value={badge.role}
                  allowDeselect={false}
                  onChange={async (role) => {
                    if (!role) return;
                    const result = await setRole({
                      registrationId: badge.registrationId,
                      role,
                    });
                    setActionError(result.error);
                  }}
                />
                <PhotoUpload
                  registrationId={badge.registrationId}
                  onSaved={() => {
                    notify(t('photoSaved'), tc('close'));
                    reload();
                  }}
                />
                <Group gap="sm">
                  <Anchor href={`${badge.pdfUrl}?lang=${lang}`} target="_blank" rel="noopener">
                    {t('badgePdf')}
                  </Anchor>
                  <Button
                    size="xs"
                    color="red"
                    variant="subtle"
                    onClick={() =>
                      setToRevoke({ registrationId: badge.registrationId, name: badge.name })
                    }
                  >
                    {t('revoke')}
                  </Button>
                </Group>
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
      <ConfirmDialog
        opened={toRevoke !== undefined}
        title={t('revoke')}
        question={t('revokeAsk', { name: toRevoke?.name ?? '' })}
        keepLabel={tc('cancel')}
        confirmLabel={t('doRevoke')}
        closeLabel={tc('close')}
        confirming={revoking.fetching}
        onClose={() => setToRevoke(undefined)}
        onConfirm={async () => {
          if (!toRevoke) return;
          const result = await revoke({ registrationId: toRevoke.registrationId });
          setActionError(result.error);
          if (!result.error) notify(t('revoked', { name: toRevoke.name }), tc('close'));
          setToRevoke(undefined);
        }}
      />
      <ConfirmDialog
        opened={asking}
        title={t('sendByMail')}
        question={t('sendAsk')}
        keepLabel={t('keep')}
        confirmLabel={t('send')}
        closeLabel={tc('close')}
        confirming={sending.fetching}
        onClose={() => setAsking(false)}
        onConfirm={async () => {
          const result = await send({ editionId: id, delegationId: delegation });
          setActionError(result.error);
          if (result.data) notify(t('sent', { count: result.data.sendBadges }), tc('close'));
          setAsking(false);
        }}
      />
    </Stack>
  );
}

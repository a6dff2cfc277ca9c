import { Anchor, Group, Image, Stack, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { currentLanguage, useMessages } from '../core/i18n';
import { badgeMessages } from './messages';
import { PhotoUpload } from './photo-upload';

const MyBadge = graphql(`
  query MyBadge($registrationId: ID!) {
    badge(registrationId: $registrationId) {
      registrationId
      name
      photoUrl
      pdfUrl
    }
  }
`);

/** A participant's own badge on their conference card: the PDF, and their photo for it. */
export function MyBadgeSection({ registrationId }: { registrationId: string }) {
  const { t } = useMessages('badges', badgeMessages);
  const [{ data }, refetch] = useQuery({ query: MyBadge, variables: { registrationId } });
  if (!data) return null;
  const { badge } = data;
  return (
    <Stack gap="xs" mt="sm">
      <Title order={4} size="h6">
        {t('myBadge')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        {badge.photoUrl && (
          <Image src={badge.photoUrl} alt={t('photoOf', { name: badge.name })} w={54} h={69} />
        )}
        <Anchor href={`${badge.pdfUrl}?lang=${currentLanguage()}`} target="_blank" rel="noopener">
          {t('downloadBadge')}
        </Anchor>
        <PhotoUpload
          registrationId={registrationId}
          onSaved={() => refetch({ requestPolicy: 'network-only' })}
        />
      </Group>
    </Stack>
  );
}

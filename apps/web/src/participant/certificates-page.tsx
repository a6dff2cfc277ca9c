import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { participantMessages } from './messages';
import { notify } from './notify';

const MyCertificatesQuery = graphql(`
  query MyCertificates {
    myCertificates {
      id
      kind
      serial
      status
      eventTitle
      issuedAt
      verificationUrl
    }
  }
`);

function CertificatesPage() {
  const { t } = useMessages('participant', participantMessages);
  const format = useFormat();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyCertificatesQuery });
  if (fetching && !data) return <Loading />;
  const certificates = data?.myCertificates ?? [];

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      notify(t('linkCopied'), t('close'), 'green');
    } catch {
      notify(t('copyFailed', { url }), t('close'), 'red');
    }
  };

  return (
    <Stack>
      <PageTitle>{t('certificatesTitle')}</PageTitle>
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {certificates.length === 0 && !error && <Text>{t('noCertificates')}</Text>}
      {certificates.map((certificate) => (
        <Card key={certificate.id} withBorder component="article">
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h4">
              {certificate.eventTitle}
            </Title>
            <Badge
              color={certificate.status === 'VALID' ? 'green' : 'red'}
              variant="light"
              c="dark.9"
            >
              {t(`certificate.${certificate.status}`)}
            </Badge>
          </Group>
          <Text size="sm" mt="xs">
            {t(`kind.${certificate.kind}`)} · {t('serial')}: {certificate.serial}
          </Text>
          <Text size="sm">{t('issuedOn', { date: format.date(certificate.issuedAt) })}</Text>
          <Group mt="sm">
            <Button
              component="a"
              href={`/documents/certificates/${certificate.id}.pdf?inline=1`}
              target="_blank"
              rel="noopener"
              size="xs"
            >
              {t('openPdf')}
            </Button>
            <Button
              size="xs"
              variant="light"
              onClick={() => void copy(certificate.verificationUrl)}
            >
              {t('copyLink')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt="xs" style={{ overflowWrap: 'anywhere' }}>
            <Anchor href={certificate.verificationUrl} size="xs">
              {certificate.verificationUrl}
            </Anchor>
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

export default function MyCertificatesPage() {
  return (
    <RequireRole roles={['PARTICIPANT']}>
      <CertificatesPage />
    </RequireRole>
  );
}

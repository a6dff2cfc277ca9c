import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMessages } from '../../core/i18n';
import { LANGUAGE_NAMES, LANGUAGES } from '../../core/languages';
import { conferenceMessages } from '../messages';

/** The edition's documents as PDFs, each in English, Russian and Uzbek. */
export function DocumentsSection({ editionId }: { editionId: string }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const documents = [
    { file: 'agenda', title: t('agendaPdf') },
    { file: 'recommendations', title: t('recommendationsPdf') },
  ];
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('documentsTitle')}
      </Title>
      {documents.map((document) => (
        <Card key={document.file} withBorder>
          <Title order={3} size="h4" mb="xs">
            {document.title}
          </Title>
          <Group gap="md" wrap="wrap">
            {LANGUAGES.map((lang) => (
              <Anchor
                key={lang}
                href={`/documents/editions/${editionId}/${document.file}.pdf?lang=${lang}`}
                target="_blank"
                rel="noopener"
                aria-label={t('documentIn', {
                  document: document.title,
                  language: LANGUAGE_NAMES[lang],
                })}
              >
                <Text component="span" lang={lang}>
                  {LANGUAGE_NAMES[lang]}
                </Text>
                {' (PDF)'}
              </Anchor>
            ))}
          </Group>
        </Card>
      ))}
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('participantListTitle')}
        </Title>
        {(['public', 'internal'] as const).map((scope) => {
          const list = t(scope === 'public' ? 'participantListPublic' : 'participantListInternal');
          return (
            <Stack key={scope} gap={4} mb="sm">
              <Text size="sm">{list}</Text>
              <Group gap="md" wrap="wrap">
                {LANGUAGES.flatMap((lang) =>
                  (['pdf', 'csv'] as const).map((format) => (
                    <Anchor
                      key={`${lang}-${format}`}
                      href={`/documents/editions/${editionId}/participants.${format}?language=${lang}${scope === 'internal' ? '&scope=internal' : ''}`}
                      target={format === 'pdf' ? '_blank' : undefined}
                      rel="noopener"
                      aria-label={t('participantListIn', {
                        list,
                        language: LANGUAGE_NAMES[lang],
                        format: format.toUpperCase(),
                      })}
                    >
                      <Text component="span" lang={lang}>
                        {LANGUAGE_NAMES[lang]}
                      </Text>
                      {` (${format.toUpperCase()})`}
                    </Anchor>
                  )),
                )}
              </Group>
            </Stack>
          );
        })}
      </Card>
    </Stack>
  );
}

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
    </Stack>
  );
}

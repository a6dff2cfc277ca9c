import { useMemo, useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useMessages } from '../core/i18n';
import { useFormErrors } from '../core/problems';
import {
  MissingTranslations,
  TranslationsEditor,
  useTranslationsDraft,
} from '../core/translations';
import { trainingMessages } from './messages';

// In English, as organizers type it, with the Russian and Uzbek versions.
const TrainingEventTexts = graphql(`
  query TrainingEventTexts($id: ID!) @inContext(language: EN) {
    trainingEvent(id: $id) {
      id
      versions {
        field
        en
        ru
        uz
      }
      missingTranslations {
        itemType
        itemId
        field
        text
        languages
      }
    }
  }
`);

const TranslateEvent = graphql(`
  mutation TranslateTrainingEvent($eventId: ID!, $input: TrainingTranslationsInput!)
  @inContext(language: EN) {
    translateTrainingEvent(eventId: $eventId, input: $input) {
      id
      versions {
        field
        en
        ru
        uz
      }
      missingTranslations {
        itemType
        itemId
        field
        text
        languages
      }
    }
  }
`);

/**
 * What is left to translate of what the event's trainees read (the event, its programme,
 * its certificates), and the Russian and Uzbek versions of the event's own texts.
 */
export function EventTranslationsCard({ eventId }: { eventId: string }) {
  const { t } = useMessages('trainings', trainingMessages);
  const formErrors = useFormErrors();
  const [{ data }] = useQuery({
    query: TrainingEventTexts,
    variables: { id: eventId },
    requestPolicy: 'cache-and-network',
  });
  const [saving, translateEvent] = useMutation(TranslateEvent);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const event = data?.trainingEvent;
  const draft = useTranslationsDraft(event?.versions);
  const labels = useMemo(
    () => ({
      title: t('text.title'),
      region: t('text.region'),
      city: t('text.city'),
      venue: t('text.venue'),
      'TrainingProgramme.title': t('text.programmeTitle'),
      'TrainingProgramme.description': t('text.programmeDescription'),
      'TrainingProgramme.topics': t('text.programmeTopics'),
    }),
    [t],
  );
  // Read by those who run the event only; the others see nothing of it.
  if (!event) return null;
  return (
    <Card withBorder>
      <Stack>
        <MissingTranslations missing={event.missingTranslations} labels={labels} />
        <form
          noValidate
          onSubmit={async (submitted) => {
            submitted.preventDefault();
            setSaved(false);
            const result = await translateEvent({
              eventId,
              input: { translations: draft.toSend() },
            });
            setErrors(formErrors(result.error, ['translations']));
            if (!result.error) setSaved(true);
          }}
        >
          <Stack>
            <TranslationsEditor draft={draft} labels={labels} errors={errors} />
            {errors._form && (
              <Alert color="red" role="alert">
                {errors._form}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={saving.fetching}>
                {t('saveTranslations')}
              </Button>
              <Text size="sm" role="status">
                {saved ? t('translationsSaved') : ''}
              </Text>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

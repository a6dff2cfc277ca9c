import { useMemo } from 'react';
import { Card } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useMessages } from '../../core/i18n';
import { MissingTranslations } from '../../core/translations';
import { mailingMessages } from '../../mailings/messages';
import { conferenceMessages } from '../messages';

// The texts of the edition, its sessions, speakers, groups, recommendations, partners,
// certificate signatories and mail wordings still to be put in another language.
const EditionMissingTranslations = graphql(`
  query EditionMissingTranslations($id: ID!) {
    edition(id: $id) {
      id
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

/** The labels of an edition's translatable texts, as its form names them. */
export function useEditionTextLabels(): Record<string, string> {
  const { t } = useMessages('conferences', conferenceMessages);
  return useMemo(
    () => ({
      title: t('title'),
      theme: t('theme'),
      city: t('city'),
      venue: t('venue'),
      objectives: t('objectives'),
    }),
    [t],
  );
}

/** The labels of the texts of a session, a speaker, a group and a recommendation. */
export function useItemTextLabels(): Record<string, string> {
  const { t } = useMessages('conferences', conferenceMessages);
  return useMemo(
    () => ({
      'AgendaSession.title': t('sessionTitle'),
      'AgendaSession.description': t('description'),
      'AgendaSession.room': t('room'),
      'SessionSpeaker.titleOnAgenda': t('titleOnAgenda'),
      'WorkingGroup.name': t('groupName'),
      'WorkingGroup.topic': t('groupTopic'),
      'Recommendation.text': t('recommendationText'),
      'Recommendation.addressedTo': t('addressedTo'),
    }),
    [t],
  );
}

/** What of the edition's texts, and of everything it prints or sends, is left to translate. */
export function MissingTranslationsCard({ editionId }: { editionId: string }) {
  const editionLabels = useEditionTextLabels();
  const itemLabels = useItemTextLabels();
  const { t: tm } = useMessages('mailings', mailingMessages);
  // Texts change on the other tabs: read again each time the card is shown.
  const [{ data }] = useQuery({
    query: EditionMissingTranslations,
    variables: { id: editionId },
    requestPolicy: 'cache-and-network',
  });
  const missing = data?.edition.missingTranslations;
  const labels = useMemo(() => {
    const prefixed = Object.fromEntries(
      Object.entries(editionLabels).map(([field, label]) => [`Edition.${field}`, label]),
    );
    // A mail wording's field is its message.
    const wordings = Object.fromEntries(
      (missing ?? [])
        .filter((item) => item.itemType === 'TemplateOverride')
        .map((item) => [`TemplateOverride.${item.field}`, tm(`template.${item.field}`)]),
    );
    return { ...prefixed, ...itemLabels, ...wordings };
  }, [editionLabels, itemLabels, missing, tm]);
  if (!missing) return null;
  return (
    <Card withBorder>
      <MissingTranslations missing={missing} labels={labels} />
    </Card>
  );
}

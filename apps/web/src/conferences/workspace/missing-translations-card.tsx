import { useMemo } from 'react';
import { Card } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useMessages } from '../../core/i18n';
import { missingFromVersions, MissingTranslations } from '../../core/translations';
import { conferenceMessages } from '../messages';

// From the edition's own versions for now; the API's Edition.missingTranslations (the
// edition with its sessions, groups and recommendations) has the same shape and can
// replace `versions` here.
const EditionVersions = graphql(`
  query EditionVersions($id: ID!) {
    edition(id: $id) {
      id
      versions {
        field
        en
        ru
        uz
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

/** What of the edition's texts is still to be put in Russian or Uzbek. */
export function MissingTranslationsCard({ editionId }: { editionId: string }) {
  const labels = useEditionTextLabels();
  const [{ data }] = useQuery({ query: EditionVersions, variables: { id: editionId } });
  const edition = data?.edition;
  if (!edition) return null;
  return (
    <Card withBorder>
      <MissingTranslations
        missing={missingFromVersions('Edition', edition.id, edition.versions)}
        labels={labels}
      />
    </Card>
  );
}

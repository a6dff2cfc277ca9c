import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useMessages } from '../core/i18n';
import { useFormErrors } from '../core/problems';
import { useSession } from '../core/session';
import { trainingMessages } from './messages';

const AdoptedRecommendations = graphql(`
  query AdoptedRecommendations {
    editions(first: 100) {
      nodes {
        id
        year
        city
        title
        recommendations(status: ADOPTED) {
          id
          number
          text
        }
      }
    }
  }
`);

const SetProgrammeRecommendations = graphql(`
  mutation SetProgrammeRecommendations($id: ID!, $recommendationIds: [ID!]!) {
    setProgrammeRecommendations(programmeId: $id, recommendationIds: $recommendationIds) {
      id
      implementsRecommendations {
        id
        number
        year
        city
        text
      }
    }
  }
`);

const SetEventRecommendations = graphql(`
  mutation SetEventRecommendations($id: ID!, $recommendationIds: [ID!]!) {
    setEventRecommendations(eventId: $id, recommendationIds: $recommendationIds) {
      id
      implementsRecommendations {
        id
        number
        year
        city
        text
      }
    }
  }
`);

export interface ImplementedRecommendation {
  id: string;
  number: number;
  year: number;
  city: string;
  text: string;
}

const short = (text: string) => (text.length > 90 ? `${text.slice(0, 90)}…` : text);

/**
 * The conference recommendations a programme or an event implements: listed for its
 * staff; organizers and admins pick them among the adopted ones (the API checks both).
 */
export function ImplementedRecommendationsCard({
  kind,
  id,
  implemented,
  programmeId,
  onSaved,
}: {
  kind: 'programme' | 'event';
  id: string;
  implemented: ImplementedRecommendation[];
  /** For an event: its programme, whose own list is one link away. */
  programmeId?: string;
  onSaved?: () => void;
}) {
  const { t } = useMessages('trainings', trainingMessages);
  const { user } = useSession();
  const formErrors = useFormErrors();
  const organizes = user?.role === 'ORGANIZER' || user?.role === 'ADMIN';
  const [options] = useQuery({ query: AdoptedRecommendations, pause: !organizes });
  const [programmeSaving, saveProgramme] = useMutation(SetProgrammeRecommendations);
  const [eventSaving, saveEvent] = useMutation(SetEventRecommendations);
  const [chosen, setChosen] = useState(implemented.map((r) => r.id));
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const current = implemented.map((r) => r.id).join();
  useEffect(() => setChosen(current ? current.split(',') : []), [current]);

  const groups = (options.data?.editions.nodes ?? [])
    .filter((edition) => edition.recommendations.length > 0)
    .sort((a, b) => b.year - a.year)
    .map((edition) => ({
      group: `${edition.year} · ${edition.city}`,
      items: edition.recommendations.map((r) => ({
        value: r.id,
        label: `${edition.year}/${r.number}. ${short(r.text)}`,
      })),
    }));

  const save = async () => {
    setSaved(false);
    const variables = { id, recommendationIds: chosen };
    const result =
      kind === 'programme' ? await saveProgramme(variables) : await saveEvent(variables);
    const errors = formErrors(result.error, ['recommendationIds']);
    setError(errors.recommendationIds ?? errors._form);
    if (!result.error) {
      setSaved(true);
      onSaved?.();
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby={`implements-${id}`}>
      <Title order={2} size="h3" id={`implements-${id}`} mb="xs">
        {t('implementsTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t(kind === 'programme' ? 'implementsProgrammeHint' : 'implementsEventHint')}
      </Text>
      {implemented.length === 0 ? (
        <Text size="sm">{t('implementsNone')}</Text>
      ) : (
        <List size="sm" spacing={4} mb="xs">
          {implemented.map((r) => (
            <List.Item key={r.id}>
              {t('implementsItem', { year: r.year, city: r.city, number: r.number })}{' '}
              {short(r.text)}
            </List.Item>
          ))}
        </List>
      )}
      {organizes && (
        <Stack gap="xs">
          <MultiSelect
            label={t('implementsPick')}
            searchable
            clearable
            data={groups}
            value={chosen}
            onChange={setChosen}
            error={error}
            nothingFoundMessage={t('implementsNothing')}
          />
          {saved && (
            <Alert color="teal" role="status">
              {t('implementsSaved')}
            </Alert>
          )}
          <Group>
            <Button
              onClick={save}
              loading={programmeSaving.fetching || eventSaving.fetching}
              variant="light"
            >
              {t('implementsSave')}
            </Button>
            {programmeId && (
              <Anchor component={Link} to={`/trainings/programmes/${programmeId}/recommendations`}>
                {t('programmeRecommendationsLink')}
              </Anchor>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

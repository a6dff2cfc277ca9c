import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useFormat, useMessages } from '../core/i18n';
import { useFormErrors } from '../core/problems';
import { cascadeMessages } from './messages';

const EventCascadeQuery = graphql(`
  query EventCascade($id: ID!, $programmeId: ID!) {
    trainingEvent(id: $id) {
      id
      trainingOfTrainers
      deliveredByTrainersOf {
        id
      }
    }
    trainingEvents(filter: { programmeId: $programmeId }, first: 100) {
      nodes {
        id
        title
        startDate
        trainingOfTrainers
      }
    }
  }
`);

const MarkEventCascade = graphql(`
  mutation MarkEventCascade($eventId: ID!, $input: EventCascadeInput!) {
    markEventCascade(eventId: $eventId, input: $input) {
      id
      trainingOfTrainers
      deliveredByTrainersOf {
        id
      }
    }
  }
`);

const FIELDS = ['trainingOfTrainers', 'deliveredByTrainersOfId'];

/**
 * For the programme's organizers: whether the event trains trainers, and which training
 * of trainers' trainers deliver it. The API decides what is allowed and says why not.
 */
export function EventCascadeCard({
  eventId,
  programmeId,
}: {
  eventId: string;
  programmeId: string;
}) {
  const { t } = useMessages('cascade', cascadeMessages);
  const format = useFormat();
  const formErrors = useFormErrors();
  const [{ data }] = useQuery({
    query: EventCascadeQuery,
    variables: { id: eventId, programmeId },
  });
  const [saving, mark] = useMutation(MarkEventCascade);
  const [tot, setTot] = useState(false);
  const [deliveredBy, setDeliveredBy] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const event = data?.trainingEvent;
  useEffect(() => {
    if (!event) return;
    setTot(event.trainingOfTrainers);
    setDeliveredBy(event.deliveredByTrainersOf?.id ?? '');
  }, [event]);
  if (!data || !event) return null;
  const choices = data.trainingEvents.nodes.filter(
    (other) => other.trainingOfTrainers && other.id !== eventId,
  );
  return (
    <Card withBorder>
      <form
        noValidate
        onSubmit={async (submitted) => {
          submitted.preventDefault();
          setSaved(false);
          const result = await mark({
            eventId,
            input: { trainingOfTrainers: tot, deliveredByTrainersOfId: deliveredBy || null },
          });
          setErrors(formErrors(result.error, FIELDS));
          if (!result.error) setSaved(true);
        }}
      >
        <Stack>
          <Title order={2} size="h3">
            {t('eventCardTitle')}
          </Title>
          <Checkbox
            label={t('isTot')}
            description={t('isTotHint')}
            checked={tot}
            onChange={(change) => setTot(change.currentTarget.checked)}
            error={errors.trainingOfTrainers}
          />
          <NativeSelect
            label={t('deliveredByLabel')}
            description={t('deliveredByHint')}
            value={deliveredBy}
            onChange={(change) => setDeliveredBy(change.currentTarget.value)}
            data={[
              { value: '', label: t('deliveredByNone') },
              ...choices.map((choice) => ({
                value: choice.id,
                label: `${choice.title} (${format.date(choice.startDate)})`,
              })),
            ]}
            error={errors.deliveredByTrainersOfId}
          />
          {errors._form && (
            <Alert color="red" role="alert">
              {errors._form}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={saving.fetching}>
              {t('save')}
            </Button>
            <Text size="sm" role="status">
              {saved ? t('saved') : ''}
            </Text>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

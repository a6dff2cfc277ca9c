import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { FollowUpStatus, RecommendationStatus } from '../../gql/graphql';
import { Loading, ProblemAlert } from '../../core/components';
import { useFormat, useMessages } from '../../core/i18n';
import { conferenceMessages } from '../messages';
import { useNotify } from '../notify';
import { useFormErrors } from '../problems';
import { TrainingEvidenceTable } from './training-evidence-table';

const Recommendations = graphql(`
  query EditionRecommendations($id: ID!) {
    edition(id: $id) {
      id
      year
      series {
        id
      }
      workingGroups {
        id
        name
      }
      recommendations {
        id
        number
        text
        addressedTo
        status
        adoptedAt
        workingGroup {
          id
          name
        }
      }
      followUps {
        id
        status
        note
        recordedAt
        recommendation {
          id
          number
          text
          edition {
            id
            year
          }
        }
        trainingEvidence {
          cutOff
          eventsHeld
          peopleTrained
          meanKnowledgeGain
          items {
            kind
            title
            eventsHeld
            peopleTrained
            meanKnowledgeGain
          }
        }
      }
    }
  }
`);

const EarlierRecommendations = graphql(`
  query EarlierRecommendations($seriesId: ID!) {
    editions(filter: { seriesId: $seriesId }, first: 100) {
      nodes {
        id
        year
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

const AddRecommendation = graphql(`
  mutation AddRecommendation($editionId: ID!, $input: AddRecommendationInput!) {
    addRecommendation(editionId: $editionId, input: $input) {
      id
      number
    }
  }
`);

const SetStatus = graphql(`
  mutation SetRecommendationStatus($id: ID!, $status: RecommendationStatus!) {
    setRecommendationStatus(id: $id, status: $status) {
      id
      status
      adoptedAt
    }
  }
`);

const RecordFollowUp = graphql(`
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      id
    }
  }
`);

const NEXT: Record<RecommendationStatus, RecommendationStatus[]> = {
  DRAFT: ['ADOPTED', 'WITHDRAWN'],
  ADOPTED: ['DRAFT', 'WITHDRAWN'],
  WITHDRAWN: ['DRAFT'],
};
const FOLLOW_UP: FollowUpStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED'];

/** The recommendations drafted here (adopted at the closing) and progress on earlier ones. */
export function RecommendationsSection({ editionId }: { editionId: string }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const format = useFormat();
  const formErrors = useFormErrors();
  const notify = useNotify();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: Recommendations,
    variables: { id: editionId },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const seriesId = data?.edition.series.id ?? '';
  const [earlier] = useQuery({
    query: EarlierRecommendations,
    variables: { seriesId },
    pause: !seriesId,
  });
  const [adding, addRecommendation] = useMutation(AddRecommendation);
  const [, setStatus] = useMutation(SetStatus);
  const [recording, recordFollowUp] = useMutation(RecordFollowUp);
  const form = useForm({
    initialValues: { text: '', addressedTo: '', workingGroupId: null as string | null },
    validate: { text: (value) => (value.trim() ? null : t('required')) },
  });
  const followUp = useForm({
    initialValues: {
      recommendationId: null as string | null,
      status: 'IN_PROGRESS',
      note: '',
    },
    validate: { recommendationId: (value) => (value ? null : t('required')) },
  });
  const [statusError, setStatusError] = useState<string>();

  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} onRetry={reload} />;
  const { edition } = data;
  const earlierOptions = (earlier.data?.editions.nodes ?? [])
    .filter((e) => e.year < edition.year && e.recommendations.length > 0)
    .sort((a, b) => b.year - a.year)
    .map((e) => ({
      group: `${e.year} · ${e.title}`,
      items: e.recommendations.map((r) => ({
        value: r.id,
        label: `${e.year}/${r.number}. ${r.text.length > 90 ? `${r.text.slice(0, 90)}…` : r.text}`,
      })),
    }));

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('recommendationsTitle')}
      </Title>
      {edition.recommendations.length === 0 && <Text>{t('noRecommendations')}</Text>}
      {statusError && (
        <Alert color="red" role="alert">
          {statusError}
        </Alert>
      )}
      <Stack component="ol" gap="xs" p={0} style={{ listStyle: 'none' }}>
        {edition.recommendations.map((r) => (
          <Card key={r.id} withBorder component="li" padding="sm">
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{t('recommendationNumber', { number: r.number })}</Text>
              <Badge
                variant={r.status === 'ADOPTED' ? 'filled' : 'outline'}
                color={r.status === 'ADOPTED' ? 'teal.9' : 'dark'}
              >
                {t(`recommendationStatus.${r.status}`)}
              </Badge>
              {r.adoptedAt && (
                <Text size="sm" c="dimmed">
                  {t('adoptedOn', { date: format.date(r.adoptedAt) })}
                </Text>
              )}
            </Group>
            <Text mt={4}>{r.text}</Text>
            {(r.addressedTo || r.workingGroup) && (
              <Text size="sm" c="dimmed">
                {[
                  r.addressedTo && t('addressedToValue', { to: r.addressedTo }),
                  r.workingGroup && t('draftedBy', { name: r.workingGroup.name }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            )}
            <Group gap="xs" mt="xs">
              {NEXT[r.status].map((status) => (
                <Button
                  key={status}
                  size="xs"
                  variant={status === 'ADOPTED' ? 'filled' : 'default'}
                  aria-label={t(`recommendationAction.${status}Named`, { number: r.number })}
                  onClick={async () => {
                    const result = await setStatus({ id: r.id, status });
                    setStatusError(Object.values(formErrors(result.error))[0]);
                    if (!result.error) {
                      notify(t(`recommendationDone.${status}`, { number: r.number }));
                    }
                  }}
                >
                  {t(`recommendationAction.${status}`)}
                </Button>
              ))}
            </Group>
          </Card>
        ))}
      </Stack>

      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('newRecommendation')}
        </Title>
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            const result = await addRecommendation({
              editionId,
              input: {
                text: values.text.trim(),
                addressedTo: values.addressedTo.trim() || undefined,
                workingGroupId: values.workingGroupId ?? undefined,
              },
            });
            form.setErrors(formErrors(result.error, ['text', 'addressedTo', 'workingGroupId']));
            if (result.data) {
              notify(t('recommendationAdded', { number: result.data.addRecommendation.number }));
              form.reset();
              reload();
            }
          })}
        >
          <Stack>
            <Textarea
              label={t('recommendationText')}
              required
              autosize
              minRows={3}
              {...form.getInputProps('text')}
            />
            <TextInput label={t('addressedTo')} {...form.getInputProps('addressedTo')} />
            <Select
              label={t('workingGroup')}
              clearable
              clearButtonProps={{ 'aria-label': t('clear') }}
              data={edition.workingGroups.map((g) => ({ value: g.id, label: g.name }))}
              {...form.getInputProps('workingGroupId')}
            />
            {form.errors._form && (
              <Alert color="red" role="alert">
                {form.errors._form}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={adding.fetching}>
                {t('addRecommendation')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      <Title order={2} size="h3">
        {t('followUpsTitle')}
      </Title>
      <Text size="sm">{t('followUpsIntro')}</Text>
      {edition.followUps.length === 0 && <Text>{t('noFollowUps')}</Text>}
      <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
        {edition.followUps.map((f) => (
          <Card key={f.id} withBorder component="li" padding="sm">
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>
                {t('earlierRecommendation', {
                  year: f.recommendation.edition.year,
                  number: f.recommendation.number,
                })}
              </Text>
              <Badge variant="light">{t(`followUpStatus.${f.status}`)}</Badge>
            </Group>
            <Text size="sm">{f.recommendation.text}</Text>
            {f.note && (
              <Text size="sm" c="dimmed">
                {f.note}
              </Text>
            )}
            {f.trainingEvidence && f.trainingEvidence.items.length > 0 && (
              <TrainingEvidenceTable
                evidence={f.trainingEvidence}
                label={t('earlierRecommendation', {
                  year: f.recommendation.edition.year,
                  number: f.recommendation.number,
                })}
              />
            )}
          </Card>
        ))}
      </Stack>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('recordFollowUp')}
        </Title>
        {earlierOptions.length === 0 ? (
          <Text size="sm">{t('noEarlierRecommendations')}</Text>
        ) : (
          <form
            noValidate
            onSubmit={followUp.onSubmit(async (values) => {
              const result = await recordFollowUp({
                input: {
                  editionId,
                  recommendationId: values.recommendationId!,
                  status: values.status as FollowUpStatus,
                  note: values.note.trim() || undefined,
                },
              });
              followUp.setErrors(formErrors(result.error, ['recommendationId', 'status', 'note']));
              if (!result.error) {
                notify(t('followUpRecorded'));
                followUp.reset();
                reload();
              }
            })}
          >
            <Stack>
              <Select
                label={t('earlierRecommendationLabel')}
                required
                searchable
                data={earlierOptions}
                {...followUp.getInputProps('recommendationId')}
              />
              <Select
                label={t('progress')}
                allowDeselect={false}
                data={FOLLOW_UP.map((s) => ({ value: s, label: t(`followUpStatus.${s}`) }))}
                {...followUp.getInputProps('status')}
              />
              <Textarea
                label={t('note')}
                autosize
                minRows={2}
                {...followUp.getInputProps('note')}
              />
              {followUp.errors._form && (
                <Alert color="red" role="alert">
                  {followUp.errors._form}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={recording.fetching}>
                  {t('recordFollowUp')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Card>
    </Stack>
  );
}

import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { Loading, ProblemAlert } from '../../core/components';
import { problemOf } from '../../core/graphql';
import { useFormat, useMessages } from '../../core/i18n';
import { TranslationsEditor, useTranslationsDraft } from '../../core/translations';
import { CapacityInput } from '../capacity-input';
import { countryOptions } from '../countries';
import { conferenceMessages } from '../messages';
import { useNotify } from '../notify';
import { useFormErrors } from '../problems';
import { MissingTranslationsCard, useEditionTextLabels } from './missing-translations-card';

// In English, whatever the page's language: the form edits the English texts, and their
// Russian and Uzbek versions beside them.
const EditionDetails = graphql(`
  query EditionDetails($id: ID!) @inContext(language: EN) {
    edition(id: $id) {
      id
      title
      theme
      city
      venue
      hostCountry
      timeZone
      startDate
      endDate
      capacity
      isPublished
      objectives
      version
      status
      nextStatuses
      versions {
        field
        en
        ru
        uz
      }
    }
  }
`);

const UpdateEdition = graphql(`
  mutation UpdateEditionDetails($id: ID!, $input: UpdateEditionInput!) @inContext(language: EN) {
    updateEdition(id: $id, input: $input) {
      id
      title
      theme
      city
      venue
      hostCountry
      hostCountryName
      timeZone
      startDate
      endDate
      capacity
      isPublished
      objectives
      version
      versions {
        field
        en
        ru
        uz
      }
    }
  }
`);

const ChangeStatus = graphql(`
  mutation ChangeEditionStatus($id: ID!, $status: EditionStatus!) {
    changeEditionStatus(id: $id, status: $status) {
      id
      status
      nextStatuses
    }
  }
`);

const DETAIL_INPUTS = [
  'title',
  'theme',
  'hostCountry',
  'city',
  'venue',
  'timeZone',
  'startDate',
  'endDate',
  'capacity',
  'objectives',
  'isPublished',
  'translations',
];

/** The zones the browser knows, with the edition's own even if the browser lacks it. */
function timeZones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}

/** The edition's facts, published or not, and its status with the next steps allowed. */
export function DetailsSection({ editionId }: { editionId: string }) {
  const { t } = useMessages('conferences', conferenceMessages);
  const { locale } = useFormat();
  const formErrors = useFormErrors();
  const notify = useNotify();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EditionDetails,
    variables: { id: editionId },
  });
  const [saving, updateEdition] = useMutation(UpdateEdition);
  const [stale, setStale] = useState(false);
  const [changing, changeStatus] = useMutation(ChangeStatus);
  const edition = data?.edition;
  const translations = useTranslationsDraft(edition?.versions);
  const textLabels = useEditionTextLabels();
  const form = useForm({
    initialValues: {
      title: '',
      theme: '',
      city: '',
      venue: '',
      hostCountry: '',
      timeZone: '',
      startDate: '',
      endDate: '',
      capacity: '' as number | string,
      isPublished: false,
      objectives: '',
    },
  });
  const version = edition?.version;
  useEffect(() => {
    if (!edition) return;
    form.setValues({
      title: edition.title,
      theme: edition.theme ?? '',
      city: edition.city,
      venue: edition.venue ?? '',
      hostCountry: edition.hostCountry,
      timeZone: edition.timeZone,
      startDate: edition.startDate,
      endDate: edition.endDate,
      capacity: edition.capacity ?? '',
      isPublished: edition.isPublished,
      objectives: edition.objectives.join('\n'),
    });
    form.resetDirty();
    // Refill the form when the stored edition changes (a new version), not on every render.
  }, [edition?.id, version]);

  if (fetching && !data) return <Loading />;
  if (!edition) return <ProblemAlert error={error} />;

  return (
    <Stack>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('statusTitle')}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Text>{t('currentStatus')}</Text>
          <Badge variant="light">{t(`status.${edition.status}`)}</Badge>
        </Group>
        {edition.nextStatuses.length > 0 ? (
          <Group gap="xs" mt="sm" wrap="wrap">
            {edition.nextStatuses.map((status) => (
              <Button
                key={status}
                variant="light"
                loading={changing.fetching}
                onClick={async () => {
                  const result = await changeStatus({ id: editionId, status });
                  if (result.error) {
                    notify(Object.values(formErrors(result.error))[0], 'red');
                  } else {
                    notify(t('statusChanged', { status: t(`status.${status}`) }));
                  }
                }}
              >
                {t(`moveTo.${status}`)}
              </Button>
            ))}
          </Group>
        ) : (
          <Text size="sm" mt="xs">
            {t('statusFinal')}
          </Text>
        )}
      </Card>

      <MissingTranslationsCard editionId={editionId} />

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('detailsTitle')}
        </Title>
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            const result = await updateEdition({
              id: editionId,
              input: {
                expectedVersion: edition.version,
                title: values.title.trim(),
                theme: values.theme.trim() || null,
                city: values.city.trim(),
                venue: values.venue.trim() || null,
                hostCountry: values.hostCountry || undefined,
                // Sent only when changed: an untouched zone follows the host country.
                timeZone: form.isDirty('timeZone') ? values.timeZone : undefined,
                startDate: values.startDate,
                endDate: values.endDate,
                capacity: values.capacity === '' ? null : Number(values.capacity),
                isPublished: values.isPublished,
                objectives: values.objectives
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean),
                translations: translations.toSend(),
              },
            });
            form.setErrors(formErrors(result.error, DETAIL_INPUTS));
            setStale(problemOf(result.error)?.reason === 'STALE_VERSION');
            if (!result.error) notify(t('saved'));
          })}
        >
          <Stack>
            <TextInput label={t('title')} required {...form.getInputProps('title')} />
            <TextInput label={t('theme')} {...form.getInputProps('theme')} />
            <Select
              label={t('hostCountry')}
              searchable
              data={countries}
              {...form.getInputProps('hostCountry')}
            />
            <TextInput label={t('city')} required {...form.getInputProps('city')} />
            <TextInput label={t('venue')} {...form.getInputProps('venue')} />
            <Select
              label={t('timeZone')}
              description={t('timeZoneHint')}
              searchable
              data={timeZones(edition.timeZone)}
              {...form.getInputProps('timeZone')}
            />
            <Group grow wrap="wrap">
              <TextInput type="date" label={t('startDate')} {...form.getInputProps('startDate')} />
              <TextInput type="date" label={t('endDate')} {...form.getInputProps('endDate')} />
            </Group>
            <CapacityInput label={t('capacity')} {...form.getInputProps('capacity')} />
            <Textarea
              label={t('objectives')}
              description={t('objectivesHint')}
              autosize
              minRows={2}
              {...form.getInputProps('objectives')}
            />
            <Switch
              label={t('published')}
              description={t('publishedHint')}
              {...form.getInputProps('isPublished', { type: 'checkbox' })}
            />
            <TranslationsEditor draft={translations} labels={textLabels} errors={form.errors} />
            {form.errors._form && (
              <Alert color="red" role="alert">
                <Stack gap="xs" align="flex-start">
                  <span>{form.errors._form}</span>
                  {stale && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setStale(false);
                        form.clearErrors();
                        translations.reset();
                        refetch({ requestPolicy: 'network-only' });
                      }}
                    >
                      {t('loadSaved')}
                    </Button>
                  )}
                </Stack>
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={saving.fetching}>
                {t('saveDetails')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

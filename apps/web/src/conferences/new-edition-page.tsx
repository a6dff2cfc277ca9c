import { useMemo } from 'react';
import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormat, useMessages } from '../core/i18n';
import { CapacityInput } from './capacity-input';
import { countryOptions } from './countries';
import { conferenceMessages } from './messages';
import { useFormErrors } from './problems';

const SeriesList = graphql(`
  query SeriesForNewEdition {
    conferenceSeries {
      id
      name
    }
  }
`);

const CreateEdition = graphql(`
  mutation CreateEdition($input: CreateEditionInput!) {
    createEdition(input: $input) {
      id
    }
  }
`);

export default function NewEditionPage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <NewEdition />
    </RequireRole>
  );
}

function NewEdition() {
  const { t } = useMessages('conferences', conferenceMessages);
  const { locale } = useFormat();
  const navigate = useNavigate();
  const formErrors = useFormErrors();
  const [series] = useQuery({ query: SeriesList });
  const [creating, createEdition] = useMutation(CreateEdition);
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const form = useForm({
    initialValues: {
      seriesId: '',
      year: new Date().getFullYear() + 1,
      title: '',
      theme: '',
      hostCountry: null as string | null,
      city: '',
      venue: '',
      startDate: '',
      endDate: '',
      capacity: '' as number | string,
    },
    validate: {
      seriesId: (value) => (value ? null : t('required')),
      title: (value) => (value.trim() ? null : t('required')),
      city: (value) => (value.trim() ? null : t('required')),
      startDate: (value) => (value ? null : t('required')),
      endDate: (value) => (value ? null : t('required')),
    },
  });

  return (
    <Stack maw={640}>
      <PageTitle>{t('newEdition')}</PageTitle>
      <ProblemAlert error={series.error} />
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          const result = await createEdition({
            input: {
              seriesId: values.seriesId,
              // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- NumberInput can hold a string
              year: Number(values.year),
              title: values.title.trim(),
              theme: values.theme.trim() || undefined,
              hostCountry: values.hostCountry || undefined,
              city: values.city.trim(),
              venue: values.venue.trim() || undefined,
              startDate: values.startDate,
              endDate: values.endDate,
              capacity: values.capacity === '' ? undefined : Number(values.capacity),
            },
          });
          form.setErrors(formErrors(result.error));
          if (result.data) void navigate(`/manage/editions/${result.data.createEdition.id}`);
        })}
      >
        <Stack>
          <Select
            label={t('series')}
            required
            data={(series.data?.conferenceSeries ?? []).map((s) => ({
              value: s.id,
              label: s.name,
            }))}
            {...form.getInputProps('seriesId')}
          />
          <NumberInput
            label={t('year')}
            required
            min={1990}
            max={2100}
            allowDecimal={false}
            {...form.getInputProps('year')}
          />
          <TextInput label={t('title')} required {...form.getInputProps('title')} />
          <TextInput label={t('theme')} {...form.getInputProps('theme')} />
          <Select
            label={t('hostCountry')}
            description={t('hostCountryHint')}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('clear') }}
            data={countries}
            {...form.getInputProps('hostCountry')}
          />
          <TextInput label={t('city')} required {...form.getInputProps('city')} />
          <TextInput label={t('venue')} {...form.getInputProps('venue')} />
          <Group grow wrap="wrap">
            <TextInput
              type="date"
              label={t('startDate')}
              required
              {...form.getInputProps('startDate')}
            />
            <TextInput
              type="date"
              label={t('endDate')}
              required
              {...form.getInputProps('endDate')}
            />
          </Group>
          <CapacityInput label={t('capacity')} {...form.getInputProps('capacity')} />
          {form.errors._form && (
            <Alert color="red" role="alert">
              {form.errors._form}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={creating.fetching}>
              {t('createEdition')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

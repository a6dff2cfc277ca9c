import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { AdminSeriesQuery } from '../gql/graphql';
import { FormProblem, Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { useFormErrors } from '../core/problems';
import { useMessages } from '../core/i18n';
import { adminMessages } from './messages';

const SeriesQuery = graphql(`
  query AdminSeries {
    conferenceSeries {
      id
      name
      description
      rotation {
        year
        hostCountry
        hostCountryName
      }
    }
  }
`);

const CreateSeriesMutation = graphql(`
  mutation AdminCreateSeries($input: CreateSeriesInput!) {
    createConferenceSeries(input: $input) {
      id
      name
    }
  }
`);

const SetRotationMutation = graphql(`
  mutation AdminSetRotation($seriesId: ID!, $input: SetRotationInput!) {
    setRotation(seriesId: $seriesId, input: $input) {
      id
      rotation {
        year
        hostCountry
        hostCountryName
      }
    }
  }
`);

type Series = AdminSeriesQuery['conferenceSeries'][number];

export default function SeriesPage() {
  return (
    <RequireRole roles={['ADMIN']}>
      <SeriesList />
    </RequireRole>
  );
}

function SeriesList() {
  const formErrors = useFormErrors();
  const { t } = useMessages('admin', adminMessages);
  const [{ data, fetching, error }, refetch] = useQuery({ query: SeriesQuery });
  const [creating, createSeries] = useMutation(CreateSeriesMutation);
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', description: '' } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  const series = data?.conferenceSeries ?? [];

  return (
    <Stack maw={760}>
      <PageTitle>{t('seriesTitle')}</PageTitle>
      <ProblemAlert error={error} onRetry={refresh} />
      <section aria-labelledby="series-list">
        <Title order={2} size="h4" id="series-list" mb="xs">
          {t('seriesList')}
        </Title>
        {series.length === 0 && <Text>{t('noSeries')}</Text>}
        <Stack>
          {series.map((one) => (
            <SeriesCard key={one.id} series={one} />
          ))}
        </Stack>
      </section>
      <section aria-labelledby="create-series">
        <Card withBorder>
          <form
            onSubmit={form.onSubmit(async (values) => {
              setCreated(null);
              const result = await createSeries({
                input: {
                  name: values.name.trim(),
                  description: values.description.trim() || undefined,
                },
              });
              form.setErrors(formErrors(result.error));
              if (result.data) {
                setCreated(t('seriesCreated', { name: result.data.createConferenceSeries.name }));
                form.reset();
                refresh();
              }
            })}
          >
            <Stack>
              <Title order={2} size="h4" id="create-series">
                {t('createSeries')}
              </Title>
              <TextInput label={t('seriesName')} required {...form.getInputProps('name')} />
              <TextInput label={t('description')} {...form.getInputProps('description')} />
              <FormProblem error={creating.error} fields={form.values} />
              {created && (
                <Alert color="green" role="status">
                  {created}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={creating.fetching}>
                  {t('createSeries')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </section>
    </Stack>
  );
}

interface Slot {
  key: number;
  year: number | string;
  hostCountry: string;
}

let nextKey = 0;
/** A field of one row of the rotation, shown under its input. */
const SLOT_FIELD = /^slots\.\d+\.(year|hostCountry)$/;

function SeriesCard({ series }: { series: Series }) {
  const formErrors = useFormErrors();
  const { t } = useMessages('admin', adminMessages);
  const [editing, setEditing] = useState(false);
  const [slots, setSlots] = useState<Slot[]>([]);
  const [saving, setRotation] = useMutation(SetRotationMutation);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const headingId = `series-${series.id}`;

  const startEditing = () => {
    setSlots(series.rotation.map((slot) => ({ ...slot, key: nextKey++ })));
    setErrors({});
    setSaved(false);
    setEditing(true);
  };
  const update = (key: number, change: Partial<Slot>) =>
    setSlots((list) => list.map((slot) => (slot.key === key ? { ...slot, ...change } : slot)));
  const addYear = () => {
    const last = slots.reduce((max, slot) => Math.max(max, Number(slot.year) || 0), 0);
    setSlots((list) => [
      ...list,
      { key: nextKey++, year: last ? last + 1 : new Date().getFullYear(), hostCountry: '' },
    ]);
  };

  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {series.name}
        </Title>
        {series.description && <Text size="sm">{series.description}</Text>}
        {saved && (
          <Alert color="green" role="status">
            {t('rotationSaved', { name: series.name })}
          </Alert>
        )}
        {!editing ? (
          <>
            {series.rotation.length === 0 ? (
              <Text size="sm">{t('noRotation')}</Text>
            ) : (
              <Table withTableBorder maw={420} aria-label={`${t('rotation')}: ${series.name}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('year')}</Table.Th>
                    <Table.Th scope="col">{t('hostCountry')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {series.rotation.map((slot) => (
                    <Table.Tr key={slot.year}>
                      <Table.Td>{slot.year}</Table.Td>
                      <Table.Td>{slot.hostCountryName}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group>
              <Button
                variant="light"
                onClick={startEditing}
                aria-label={`${t('editRotation')}: ${series.name}`}
              >
                {t('editRotation')}
              </Button>
            </Group>
          </>
        ) : (
          <form
            onSubmit={async (event) => {
              event.preventDefault();
              const result = await setRotation({
                seriesId: series.id,
                input: {
                  slots: slots.map((slot) => ({
                    year: Number(slot.year),
                    hostCountry: slot.hostCountry.trim().toUpperCase(),
                  })),
                },
              });
              setErrors(formErrors(result.error));
              if (result.data) {
                setEditing(false);
                setSaved(true);
              }
            }}
          >
            <Stack gap="xs">
              <Text fw={500}>{t('rotation')}</Text>
              {slots.map((slot, index) => (
                <Group key={slot.key} align="flex-end" wrap="nowrap" gap="xs">
                  <NumberInput
                    label={t('year')}
                    value={slot.year}
                    onChange={(value) => update(slot.key, { year: value })}
                    min={1990}
                    max={2100}
                    allowDecimal={false}
                    required
                    w={110}
                    error={errors[`slots.${index}.year`]}
                  />
                  <TextInput
                    label={t('hostCountry')}
                    placeholder={t('hostHint')}
                    value={slot.hostCountry}
                    onChange={(event) =>
                      update(slot.key, { hostCountry: event.currentTarget.value })
                    }
                    maxLength={2}
                    required
                    style={{ flex: 1 }}
                    error={errors[`slots.${index}.hostCountry`]}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={4}
                    aria-label={t('removeYear', { year: slot.year })}
                    onClick={() => setSlots((list) => list.filter((s) => s.key !== slot.key))}
                  >
                    <span aria-hidden>✕</span>
                  </ActionIcon>
                </Group>
              ))}
              {!Object.keys(errors).some((field) => SLOT_FIELD.test(field)) && (
                <ProblemAlert error={saving.error} />
              )}
              <Group>
                <Button variant="default" onClick={addYear}>
                  {t('addYear')}
                </Button>
                <Button type="submit" loading={saving.fetching}>
                  {t('saveRotation')}
                </Button>
                <Button variant="subtle" onClick={() => setEditing(false)}>
                  {t('close')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

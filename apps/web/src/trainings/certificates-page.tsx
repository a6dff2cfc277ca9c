import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  NumberInput,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { problemOf } from '../core/graphql';
import { useFormErrors } from '../core/problems';
import { useFormat, useMessages } from '../core/i18n';
import { trainingMessages } from './messages';
import { TRAINING_STAFF } from './staff';

const EventCertificates = graphql(`
  query EventCertificates($id: ID!) {
    trainingEvent(id: $id) {
      id
      title
      roster {
        enrollment {
          id
        }
        completed
      }
    }
    certificateSettings(event: { trainingEventId: $id }) {
      id
      serialPrefix
      hours
      signatories {
        name
        position
      }
    }
    certificates(filter: { trainingEventId: $id, status: VALID }, first: 1) {
      totalCount
    }
  }
`);

const IssueCertificates = graphql(`
  mutation IssueTrainingCertificates($eventId: ID!) {
    issueCertificates(input: { kind: TRAINING_COMPLETION, trainingEventId: $eventId }) {
      id
      status
      issued
      done
      total
    }
  }
`);

const JobProgress = graphql(`
  query CertificateJobProgress($id: ID!) {
    documentJob(id: $id) {
      id
      status
      issued
      done
      total
      error
    }
  }
`);

const ConfigureCertificates = graphql(`
  mutation ConfigureTrainingCertificates($input: CertificateSettingsInput!) {
    configureCertificates(input: $input) {
      id
      serialPrefix
      hours
      signatories {
        name
        position
      }
    }
  }
`);

const POLL_MS = 500;

interface Job {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  issued: number;
  done: number;
  total: number;
  error?: string | null;
}

/** Certificates of an event: who is eligible, issuing them with progress, the ZIP. */
export default function CertificatesPage() {
  return (
    <RequireRole roles={TRAINING_STAFF}>
      <Certificates />
    </RequireRole>
  );
}

function Certificates() {
  const { id = '' } = useParams();
  const { t } = useMessages('trainings', trainingMessages);
  const format = useFormat();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: EventCertificates,
    variables: { id },
  });
  const [issuing, issue] = useMutation(IssueCertificates);
  const [job, setJob] = useState<Job>();
  const [issueProblem, setIssueProblem] = useState<string>();

  // Polls the job until its PDFs are rendered.
  useEffect(() => {
    if (!job || job.status === 'DONE' || job.status === 'FAILED') return;
    const poll = async () => {
      const result = await client
        .query(JobProgress, { id: job.id }, { requestPolicy: 'network-only' })
        .toPromise();
      if (result.data) setJob(result.data.documentJob);
      else setJob({ ...job }); // poll again (e.g. a network blip)
    };
    const timer = window.setTimeout(() => void poll(), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [job, client]);

  useEffect(() => {
    if (job?.status === 'DONE') refetch({ requestPolicy: 'network-only' });
  }, [job?.status, refetch]);

  if (fetching && !data) return <Loading />;
  const event = data?.trainingEvent;
  if (!event) {
    return (
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  const eligible = event.roster.filter((entry) => entry.completed).length;
  const issued = data.certificates.totalCount;
  const settings = data.certificateSettings;
  const running = job && (job.status === 'QUEUED' || job.status === 'RUNNING');
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : job ? 100 : 0;

  const start = async () => {
    setIssueProblem(undefined);
    const result = await issue({ eventId: id });
    const problem = problemOf(result.error);
    if (problem) {
      setIssueProblem(
        problem.code === 'NETWORK'
          ? t('networkProblem')
          : problem.reason === 'CERTIFICATES_NOT_CONFIGURED'
            ? t('settingsMissing')
            : problem.message,
      );
      return;
    }
    if (result.data) setJob(result.data.issueCertificates);
  };

  return (
    <Stack>
      <Anchor component={Link} to={`/trainings/events/${event.id}`} size="sm">
        {t('backToEvent', { title: event.title })}
      </Anchor>
      <PageTitle>{t('certificatesTitle')}</PageTitle>
      <Text>
        {t('eligibleCount', {
          count: eligible,
          eligible: format.number(eligible),
          total: format.number(event.roster.length),
        })}{' '}
        {t('issuedCount', { count: issued, issued: format.number(issued) })}
      </Text>

      {settings ? (
        <Text size="sm" c="dimmed">
          {t('settingsSummary', {
            prefix: settings.serialPrefix,
            signatories: settings.signatories.map((s) => `${s.name} (${s.position})`).join(', '),
          })}
        </Text>
      ) : (
        <SettingsForm eventId={id} onSaved={() => refetch({ requestPolicy: 'network-only' })} />
      )}

      {settings && (
        <Stack align="flex-start">
          <Button onClick={() => void start()} loading={issuing.fetching} disabled={running}>
            {t('issueCertificates')}
          </Button>
          {issueProblem && (
            <Alert color="red" role="alert">
              {issueProblem}
            </Alert>
          )}
        </Stack>
      )}

      {job && (
        <Card withBorder>
          <Text id="issue-progress" fw={500} mb="xs">
            {t('issueProgress')}
          </Text>
          <Progress.Root size="xl">
            <Progress.Section
              value={percent}
              color={job.status === 'FAILED' ? 'red' : 'blue'}
              withAria={false}
              role="progressbar"
              aria-labelledby="issue-progress"
              aria-valuemin={0}
              aria-valuemax={job.total}
              aria-valuenow={job.done}
              aria-valuetext={t('progressText', {
                done: format.number(job.done),
                total: format.number(job.total),
              })}
            />
          </Progress.Root>
          <Text size="sm" mt="xs" role="status" aria-live="polite">
            {job.status === 'FAILED'
              ? t('issueFailed', { error: job.error ?? '' })
              : job.status === 'DONE'
                ? t('issueDone', {
                    count: job.issued,
                    issued: format.number(job.issued),
                  })
                : t('issueRunning', {
                    done: format.number(job.done),
                    total: format.number(job.total),
                  })}
          </Text>
        </Card>
      )}

      {issued > 0 && !running && (
        <Anchor href={`/documents/training-events/${event.id}/certificates.zip`} download>
          {t('downloadZip', { count: issued, number: format.number(issued) })}
        </Anchor>
      )}
    </Stack>
  );
}

/** The few settings a certificate needs: the serial prefix and who signs. */
function SettingsForm({ eventId, onSaved }: { eventId: string; onSaved: () => void }) {
  const formErrors = useFormErrors();
  const { t } = useMessages('trainings', trainingMessages);
  const [saving, configure] = useMutation(ConfigureCertificates);
  const form = useForm({
    initialValues: {
      serialPrefix: '',
      name: '',
      position: '',
      organization: '',
      hours: '' as number | string,
    },
  });
  return (
    <Card withBorder maw={520}>
      <Title order={2} size="h4" mb="xs">
        {t('settingsTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('settingsMissing')}
      </Text>
      <form
        onSubmit={form.onSubmit(async (values) => {
          const result = await configure({
            input: {
              trainingEventId: eventId,
              serialPrefix: values.serialPrefix.trim().toUpperCase(),
              hours: typeof values.hours === 'number' ? values.hours : undefined,
              signatories: [
                {
                  name: values.name.trim(),
                  position: values.position.trim(),
                  organization: values.organization.trim() || undefined,
                },
              ],
            },
          });
          const errors = formErrors(result.error);
          // The API names the signatory's fields "signatories.0.name": show them at the field.
          form.setErrors(
            Object.fromEntries(
              Object.entries(errors).map(([field, message]) => [
                field.replace(/^signatories\.0\./, ''),
                problemOf(result.error)?.code === 'NETWORK' ? t('networkProblem') : message,
              ]),
            ),
          );
          if (!result.error) onSaved();
        })}
      >
        <Stack>
          <TextInput
            label={t('serialPrefix')}
            description={t('serialPrefixHint')}
            required
            {...form.getInputProps('serialPrefix')}
          />
          <TextInput label={t('signatoryName')} required {...form.getInputProps('name')} />
          <TextInput label={t('signatoryPosition')} required {...form.getInputProps('position')} />
          <TextInput label={t('signatoryOrganization')} {...form.getInputProps('organization')} />
          <NumberInput label={t('hours')} min={1} {...form.getInputProps('hours')} />
          {form.errors._form && <Alert color="red">{form.errors._form}</Alert>}
          <Button type="submit" loading={saving.fetching}>
            {t('saveSettings')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

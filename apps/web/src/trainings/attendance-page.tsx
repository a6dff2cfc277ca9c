import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { problemOf } from '../core/graphql';
import { useFormat, useMessages } from '../core/i18n';
import classes from './attendance.module.css';
import { trainingMessages } from './messages';
import { loadPending, MarkStatus, PendingMarks, storePending } from './pending-marks';
import { TRAINING_STAFF } from './staff';

const AttendanceSheet = graphql(`
  query AttendanceSheet($id: ID!) {
    trainingEvent(id: $id) {
      id
      title
      days
      roster {
        enrollment {
          id
        }
        person {
          id
          fullName
          organization {
            id
            name
          }
        }
        marks {
          day
          status
        }
      }
    }
  }
`);

const MarkAttendance = graphql(`
  mutation MarkAttendance($input: MarkDayInput!) {
    markAttendance(input: $input) {
      id
      day
      status
    }
  }
`);

const CHOICES: MarkStatus[] = ['PRESENT', 'LATE', 'EXCUSED', 'ABSENT'];
/** Pending marks are sent again this often while the page is open. */
const RETRY_MS = 4000;
/** Refusals the sheet explains in the reader's language (others: the API's sentence). */
const KNOWN_REASONS = ['DAY_NOT_YET', 'NOT_ENROLLED', 'DAY_OUTSIDE_EVENT'];

/** The phone-first sheet of one day: one tap per trainee, each saved at once. */
export default function AttendancePage() {
  const { id = '', day = '' } = useParams();
  // A fresh sheet (and its pending marks) for each event and day.
  return (
    <RequireRole roles={TRAINING_STAFF}>
      <Sheet key={`${id}/${day}`} />
    </RequireRole>
  );
}

function Sheet() {
  const { id = '', day = '' } = useParams();
  const { t } = useMessages('trainings', trainingMessages);
  const format = useFormat();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AttendanceSheet,
    variables: { id },
  });

  // What the server has confirmed, what waits to be sent, and refusals, per enrollment.
  const [saved, setSaved] = useState<Record<string, MarkStatus>>({});
  const [pending, setPending] = useState<PendingMarks>(() => loadPending(id, day));
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [offline, setOffline] = useState(false);
  const [sessionEnded, setSessionEnded] = useState(false);
  const pendingRef = useRef(pending);
  const flushing = useRef(false);
  const again = useRef(false);

  const roster = data?.trainingEvent.roster;
  useEffect(() => {
    if (!roster) return;
    const marks: Record<string, MarkStatus> = {};
    for (const entry of roster) {
      const status = entry.marks.find((mark) => mark.day === day)?.status;
      if (status) marks[entry.enrollment.id] = status;
    }
    setSaved(marks);
  }, [roster, day]);

  const updatePending = useCallback(
    (change: (current: PendingMarks) => PendingMarks) => {
      const next = change(pendingRef.current);
      pendingRef.current = next;
      storePending(id, day, next);
      setPending(next);
    },
    [id, day],
  );

  /** Sends the pending marks one by one, in the order tapped; stops when the network fails. */
  const flush = useCallback(async () => {
    if (flushing.current) {
      again.current = true;
      return;
    }
    flushing.current = true;
    try {
      do {
        again.current = false;
        for (const [enrollmentId, status] of Object.entries(pendingRef.current)) {
          const result = await client
            .mutation(MarkAttendance, {
              input: { eventId: id, day, marks: [{ enrollmentId, status }] },
            })
            .toPromise();
          const problem = problemOf(result.error);
          if (problem?.code === 'NETWORK') {
            setOffline(true);
            return;
          }
          setOffline(false);
          // The session ended: the marks stay here until the trainer logs in again.
          if (problem?.code === 'UNAUTHENTICATED') {
            setSessionEnded(true);
            return;
          }
          setSessionEnded(false);
          if (problem) {
            const text =
              problem.reason && KNOWN_REASONS.includes(problem.reason)
                ? t(`refused.${problem.reason}`)
                : problem.message;
            setRefused((current) => ({ ...current, [enrollmentId]: text }));
          } else {
            setSaved((current) => ({ ...current, [enrollmentId]: status }));
            setRefused((current) => {
              const { [enrollmentId]: _done, ...rest } = current;
              return rest;
            });
          }
          // A refused mark is not retried; a newer tap on the same row is sent next.
          updatePending((current) => {
            if (current[enrollmentId] !== status) return current;
            const { [enrollmentId]: _sent, ...rest } = current;
            return rest;
          });
        }
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a tap during the awaits above sets it
      } while (again.current || Object.keys(pendingRef.current).length > 0);
    } finally {
      flushing.current = false;
    }
  }, [client, id, day, t, updatePending]);

  // Marks left from a lost connection or a reload go out at once, then when the browser
  // is back online, and every few seconds while some wait.
  useEffect(() => {
    if (Object.keys(pendingRef.current).length > 0) void flush();
    const retry = () => {
      if (Object.keys(pendingRef.current).length > 0) void flush();
    };
    window.addEventListener('online', retry);
    const timer = window.setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [flush]);

  const tap = (enrollmentId: string, status: MarkStatus) => {
    updatePending((current) => ({ ...current, [enrollmentId]: status }));
    void flush();
  };

  const waiting = Object.keys(pending).length;
  const markedCount = useMemo(
    () => (roster ?? []).filter((e) => pending[e.enrollment.id] ?? saved[e.enrollment.id]).length,
    [roster, pending, saved],
  );

  if (fetching && !data) return <Loading />;
  const event = data?.trainingEvent;
  if (!event) {
    return (
      <ProblemAlert error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  }
  const dayNumber = event.days.indexOf(day) + 1;

  return (
    <Stack gap="sm">
      <Anchor component={Link} to={`/trainings/events/${event.id}`} size="sm">
        {t('backToEvent', { title: event.title })}
      </Anchor>
      <PageTitle>
        {dayNumber > 0
          ? t('sheetTitle', { number: dayNumber, date: format.date(day) })
          : t('sheetTitleDate', { date: day })}
      </PageTitle>
      <Text size="sm">
        {t('markedOf', {
          count: event.roster.length,
          marked: format.number(markedCount),
          total: format.number(event.roster.length),
        })}
      </Text>
      <div role="status" aria-live="polite">
        {offline && waiting > 0 && (
          <Alert color="red" title={t('notSavedBannerTitle')}>
            <Stack gap="xs" align="flex-start">
              <span>{t('notSavedBanner', { count: waiting, number: format.number(waiting) })}</span>
              <Button size="xs" variant="light" color="red" onClick={() => void flush()}>
                {t('retryNow')}
              </Button>
            </Stack>
          </Alert>
        )}
      </div>
      {sessionEnded && waiting > 0 && (
        <Alert color="red" role="alert" title={t('sessionEndedTitle')}>
          <Stack gap="xs" align="flex-start">
            <span>{t('sessionEnded', { count: waiting, number: format.number(waiting) })}</span>
            <Button
              size="xs"
              component={Link}
              to={`/login?next=${encodeURIComponent(location.pathname)}`}
            >
              {t('logInAgain')}
            </Button>
          </Stack>
        </Alert>
      )}
      {event.roster.length === 0 && <Text>{t('rosterEmpty')}</Text>}
      <div>
        {event.roster.map((entry) => {
          const enrollmentId = entry.enrollment.id;
          const nameId = `trainee-${enrollmentId}`;
          const current = pending[enrollmentId] ?? saved[enrollmentId];
          const isPending = pending[enrollmentId] !== undefined;
          return (
            <div key={enrollmentId} className={classes.row}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} id={nameId} style={{ overflowWrap: 'anywhere' }}>
                    {entry.person.fullName}
                  </Text>
                  {entry.person.organization && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {entry.person.organization.name}
                    </Text>
                  )}
                </div>
                <Text size="xs" c={isPending ? 'red.9' : 'dimmed'} ta="right">
                  {isPending ? (offline || sessionEnded ? t('notSavedYet') : t('saving')) : ''}
                </Text>
              </Group>
              <div role="radiogroup" aria-labelledby={nameId} className={classes.choices}>
                {CHOICES.map((status) => (
                  <label key={status} className={classes.choice}>
                    <input
                      type="radio"
                      name={`mark-${enrollmentId}`}
                      value={status}
                      checked={current === status}
                      onChange={() => tap(enrollmentId, status)}
                    />
                    <span data-status={status}>{t(`status.${status}`)}</span>
                  </label>
                ))}
              </div>
              {refused[enrollmentId] && (
                <Text size="sm" c="red.9" role="alert" mt={4}>
                  {refused[enrollmentId]}
                </Text>
              )}
            </div>
          );
        })}
      </div>
    </Stack>
  );
}

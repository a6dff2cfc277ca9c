import { SyntheticEvent, useCallback, useEffect, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import jsQR from 'jsqr';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql';
import type { CheckInByBadgeMutation } from '../gql/graphql';
import { Loading, PageTitle, ProblemAlert, RequireRole } from '../core/components';
import { problemOf } from '../core/graphql';
import { useMessages } from '../core/i18n';
import { useProblemText } from '../core/problems';
import { badgeMessages } from './messages';
import { QueuedScan, queuedScans, saveQueue } from './scan-queue';

const ScanEdition = graphql(`
  query ScanEdition($id: ID!) {
    edition(id: $id) {
      id
      title
    }
    badgeCheckInCount(editionId: $id) {
      day
      checkedIn
      expected
      byDelegation {
        key
        label
        checkedIn
        expected
      }
    }
  }
`);

const CheckInByBadge = graphql(`
  mutation CheckInByBadge($editionId: ID!, $token: String!, $scannedAt: String) {
    checkInByBadge(editionId: $editionId, token: $token, scannedAt: $scannedAt) {
      registrationId
      name
      nameLatin
      nameCyrillic
      photoUrl
      organization
      delegation
      role
      time
      alreadyCheckedIn
      message
    }
  }
`);

type Person = CheckInByBadgeMutation['checkInByBadge'];
type Outcome =
  | { kind: 'in'; person: Person }
  | { kind: 'refused'; message: string }
  | { kind: 'queued' };

/** The same code seen again within this long is the same scan. */
const REPEAT_MS = 4000;
const FRAME_MS = 200;

export default function ScanPage() {
  return (
    <RequireRole roles={['ORGANIZER', 'ADMIN']}>
      <Scan />
    </RequireRole>
  );
}

/**
 * The door of the conference, on a phone: the camera reads badges' QR codes (or the code is
 * typed), each one checks its person in and shows who it is, green or red. Scans made
 * offline wait in this browser and are sent, with the time they were made, when it is back.
 */
function Scan() {
  const { t } = useMessages('badges', badgeMessages);
  const problemText = useProblemText();
  const { id = '' } = useParams();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ScanEdition, variables: { id } });
  const [outcome, setOutcome] = useState<Outcome>();
  const [queue, setQueue] = useState<QueuedScan[]>(() => queuedScans(id));
  const [manual, setManual] = useState('');
  const [camera, setCamera] = useState<'off' | 'on' | 'unavailable'>('off');
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const last = useRef<{ token: string; at: number }>({ token: '', at: 0 });
  const flushing = useRef(false);

  const recount = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);

  const enqueue = useCallback(
    (scan: QueuedScan) => {
      const next = [...queuedScans(id), scan];
      saveQueue(id, next);
      setQueue(next);
    },
    [id],
  );

  /** Sends one scan; false when the network failed (the scan should wait). */
  const send = useCallback(
    async (scan: { token: string; scannedAt?: string }, show: boolean): Promise<boolean> => {
      const result = await client.mutation(CheckInByBadge, { editionId: id, ...scan }).toPromise();
      if (result.error?.networkError) return false;
      if (show) {
        if (result.data) setOutcome({ kind: 'in', person: result.data.checkInByBadge });
        else {
          const problem = problemOf(result.error);
          const known = problem?.reason && t(`reason.${problem.reason}`, { defaultValue: '' });
          setOutcome({
            kind: 'refused',
            message: known || (problem ? problemText(problem) : ''),
          });
        }
      }
      return true;
    },
    [client, id, problemText, t],
  );

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      let waiting = queuedScans(id);
      while (waiting.length > 0 && navigator.onLine) {
        const [first, ...rest] = waiting;
        if (!first || !(await send(first, true))) break;
        waiting = rest;
        saveQueue(id, waiting);
        setQueue(waiting);
      }
      recount();
    } finally {
      flushing.current = false;
    }
  }, [id, send, recount]);

  const scanned = useCallback(
    async (token: string) => {
      const now = Date.now();
      if (token === last.current.token && now - last.current.at < REPEAT_MS) return;
      last.current = { token, at: now };
      // Online, the server's clock dates the check-in; a kept scan carries its own time.
      const scan = { token, scannedAt: new Date(now).toISOString() };
      if (!navigator.onLine || !(await send({ token }, true))) {
        enqueue(scan);
        setOutcome({ kind: 'queued' });
        return;
      }
      recount();
    },
    [send, enqueue, recount],
  );

  // Scans kept while offline go out when the network returns (and on opening the page).
  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    if (navigator.onLine && queuedScans(id).length > 0) void flush();
    return () => window.removeEventListener('online', online);
  }, [flush, id]);

  // The live count, while the page is open.
  useEffect(() => {
    const timer = setInterval(() => navigator.onLine && recount(), 15_000);
    return () => clearInterval(timer);
  }, [recount]);

  const stop = useCallback(() => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    setCamera((state) => (state === 'on' ? 'off' : state));
  }, []);

  const start = useCallback(async () => {
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      stream.current = media;
      if (video.current) {
        video.current.srcObject = media;
        await video.current.play();
      }
      setCamera('on');
    } catch {
      setCamera('unavailable');
    }
  }, []);

  // Reads the video a few times a second while the camera is on.
  useEffect(() => {
    if (camera !== 'on') return;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const timer = setInterval(() => {
      const element = video.current;
      if (!context || !element || element.readyState < 2 || element.videoWidth === 0) return;
      canvas.width = element.videoWidth;
      canvas.height = element.videoHeight;
      context.drawImage(element, 0, 0);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
      if (code?.data) void scanned(code.data.trim());
    }, FRAME_MS);
    return () => clearInterval(timer);
  }, [camera, scanned]);

  useEffect(() => stop, [stop]);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const token = manual.trim();
    if (!token) return;
    last.current = { token: '', at: 0 };
    void scanned(token);
    setManual('');
  };

  if (fetching && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} onRetry={recount} />;
  const count = data.badgeCheckInCount;

  return (
    <Stack maw={560}>
      <Anchor component={Link} to={`/manage/editions/${id}/badges`} size="sm">
        {t('title')}
      </Anchor>
      <PageTitle>{t('scanTitle')}</PageTitle>
      <Text c="dimmed">{data.edition.title}</Text>

      <Card withBorder p="xs">
        <video
          ref={video}
          muted
          playsInline
          aria-label={t('cameraHint')}
          style={{ width: '100%', display: camera === 'on' ? 'block' : 'none' }}
        />
        <Group justify="space-between" wrap="wrap" mt={camera === 'on' ? 'xs' : 0}>
          <Text size="sm">{camera === 'unavailable' ? t('noCamera') : t('cameraHint')}</Text>
          {camera === 'on' ? (
            <Button variant="default" onClick={stop}>
              {t('stopCamera')}
            </Button>
          ) : (
            <Button onClick={() => void start()}>{t('startCamera')}</Button>
          )}
        </Group>
      </Card>

      <form onSubmit={submit}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label={t('manualToken')}
            placeholder={t('manualHint')}
            value={manual}
            onChange={(event) => setManual(event.currentTarget.value)}
            autoComplete="off"
            style={{ flex: 1 }}
          />
          <Button type="submit">{t('check')}</Button>
        </Group>
      </form>

      <div aria-live="polite" data-testid="scan-result">
        {outcome?.kind === 'in' && <Welcome person={outcome.person} />}
        {outcome?.kind === 'refused' && (
          <Alert color="red" variant="filled" title={t('refused')} role="alert">
            <Text size="lg">{outcome.message}</Text>
          </Alert>
        )}
        {outcome?.kind === 'queued' && (
          <Alert color="yellow" role="status">
            {t('offlineQueued')}
          </Alert>
        )}
      </div>

      {queue.length > 0 && (
        <Badge color="yellow" size="lg" c="dark.9" data-testid="scan-queue">
          {t('queued', { count: queue.length })}
        </Badge>
      )}

      <section aria-labelledby="present">
        <Title order={2} size="h4" id="present">
          {t('present')}:{' '}
          <span data-testid="scan-count">
            {t('countOf', { checkedIn: count.checkedIn, expected: count.expected })}
          </span>
        </Title>
        {count.byDelegation.length > 0 && (
          <Table mt="xs" aria-label={t('byDelegation')}>
            <Table.Tbody>
              {count.byDelegation.map((group) => (
                <Table.Tr key={group.key}>
                  <Table.Td>{group.label}</Table.Td>
                  <Table.Td ta="right">
                    {t('countOf', { checkedIn: group.checkedIn, expected: group.expected })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}

/** Green: who came in, with their photo, delegation and role. */
function Welcome({ person }: { person: Person }) {
  const { t } = useMessages('badges', badgeMessages);
  return (
    <Alert
      color="green"
      variant="filled"
      title={person.alreadyCheckedIn ? person.message : t('ok')}
      role="status"
    >
      <Group align="flex-start" wrap="nowrap">
        {person.photoUrl && (
          <Image src={person.photoUrl} alt="" w={72} h={92} fit="cover" radius="sm" />
        )}
        <Stack gap={2}>
          <Text size="xl" fw={700} data-testid="scan-name">
            {person.nameLatin ?? person.name}
          </Text>
          {person.nameCyrillic && person.nameCyrillic !== person.nameLatin && (
            <Text size="lg">{person.nameCyrillic}</Text>
          )}
          {person.delegation && <Text>{person.delegation}</Text>}
          <Text fw={700}>{t(`role.${person.role}`)}</Text>
          {!person.alreadyCheckedIn && <Text size="sm">{person.message}</Text>}
        </Stack>
      </Group>
    </Alert>
  );
}

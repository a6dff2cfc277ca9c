import { ReactNode } from 'react';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { CombinedError } from 'urql';
import { Link } from 'react-router';
import { problemOf } from './graphql';
import { useMessages } from './i18n';
import { coreMessages } from './messages';
import { useProblemText } from './problems';
import { Role, useSession } from './session';

export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}

export function Loading() {
  const { t } = useMessages('core', coreMessages);
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <span style={{ marginLeft: 8 }}>{t('loading')}</span>
    </Center>
  );
}

/** What went wrong, in the reader's language where it is the network or access. */
export function ProblemAlert({ error, onRetry }: { error?: CombinedError; onRetry?: () => void }) {
  const { t } = useMessages('core', coreMessages);
  const problemText = useProblemText();
  const problem = problemOf(error);
  if (!problem) return null;
  const text = problemText(problem);
  return (
    <Alert color="red" role="alert" title={t('somethingWrong')}>
      <Stack gap="xs" align="flex-start">
        <span>{text}</span>
        {onRetry && (
          <Button size="xs" variant="light" onClick={onRetry}>
            {t('retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * A form's problem that no field of the form shows (formErrors puts the others under
 * their field): the network, access, a conflict, or a field the form does not have.
 */
export function FormProblem({ error, fields }: { error?: CombinedError; fields: object }) {
  const field = problemOf(error)?.field;
  if (field !== undefined && field in fields) return null;
  return <ProblemAlert error={error} />;
}

/** Shows the page to the given roles; others are asked to log in. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useSession();
  const { t } = useMessages('core', coreMessages);
  if (user === undefined) return <Loading />;
  if (!user || !user.role || !roles.includes(user.role)) {
    return (
      <Alert color="yellow" role="alert">
        <Stack gap="xs" align="flex-start">
          <span>{user ? t('forbidden') : t('signInFirst')}</span>
          {!user && (
            <Button component={Link} to={`/login?next=${encodeURIComponent(location.pathname)}`}>
              {t('nav.login')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  return <>{children}</>;
}

/** Asks before something that cannot be taken back: keep it, or go ahead. */
export function ConfirmDialog({
  opened,
  title,
  question,
  keepLabel,
  confirmLabel,
  closeLabel,
  confirming,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  question: string;
  keepLabel: string;
  confirmLabel: string;
  /** The accessible name of the dialog's close button. */
  closeLabel?: string;
  confirming: boolean;
  onClose: () => void;
  onConfirm: () => unknown;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={closeLabel === undefined ? undefined : { 'aria-label': closeLabel }}
    >
      <Stack>
        <Text>{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {keepLabel}
          </Button>
          <Button color="red" loading={confirming} onClick={() => onConfirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The first and last day (YYYY-MM-DD) of a period, side by side, as the figures' pages filter. */
export function PeriodInputs({
  from,
  to,
  onFrom,
  onTo,
  labels,
}: {
  from: string;
  to: string;
  onFrom: (day: string) => void;
  onTo: (day: string) => void;
  labels: { from: string; to: string };
}) {
  return (
    <>
      <TextInput
        type="date"
        label={labels.from}
        value={from}
        onChange={(e) => onFrom(e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={labels.to}
        value={to}
        onChange={(e) => onTo(e.currentTarget.value)}
      />
    </>
  );
}

/**
 * A download link's address for CSV text the server wrote: with a BOM, so that spreadsheet
 * programs read the Cyrillic and Uzbek letters as UTF-8; a data: link needs no clean-up.
 */
export const csvDataUrl = (csv: string) =>
  `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;

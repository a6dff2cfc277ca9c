/** A mark the trainer tapped that the server has not confirmed yet. */
export type MarkStatus = 'PRESENT' | 'LATE' | 'EXCUSED' | 'ABSENT';
export type PendingMarks = Record<string, MarkStatus>;

const keyOf = (eventId: string, day: string) => `trainings.pendingMarks.${eventId}.${day}`;
const STATUSES: readonly string[] = ['PRESENT', 'LATE', 'EXCUSED', 'ABSENT'];

/**
 * The marks of one event and day that are not saved yet, kept in this browser
 * (localStorage) so that a lost connection or a reload loses none of them.
 */
export function loadPending(eventId: string, day: string): PendingMarks {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(keyOf(eventId, day)) ?? '{}');
    if (!stored || typeof stored !== 'object') return {};
    return Object.fromEntries(
      Object.entries(stored).filter(
        (entry): entry is [string, MarkStatus] =>
          typeof entry[1] === 'string' && STATUSES.includes(entry[1]),
      ),
    );
  } catch {
    return {};
  }
}

export function storePending(eventId: string, day: string, pending: PendingMarks): void {
  const key = keyOf(eventId, day);
  if (Object.keys(pending).length === 0) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(pending));
}

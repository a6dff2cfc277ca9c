import { QueryOrderMap } from '@mikro-orm/core';
import { AgendaSession } from './agenda-session.entity';

/**
 * The one agenda order: by day, start time, end time, then id (sessions at the same time
 * keep one order). `AGENDA_ORDER` is it as MikroORM's `orderBy`; `byAgendaOrder` sorts
 * sessions already loaded the same way. Whatever lists an agenda (the API, the calendar,
 * the documents) uses these.
 */
export const AGENDA_ORDER: QueryOrderMap<AgendaSession>[] = [
  { day: 'asc' },
  { startTime: 'asc' },
  { endTime: 'asc' },
  { id: 'asc' },
];

export function byAgendaOrder(
  a: Pick<AgendaSession, 'day' | 'startTime' | 'endTime' | 'id'>,
  b: Pick<AgendaSession, 'day' | 'startTime' | 'endTime' | 'id'>,
): number {
  return (
    a.day - b.day ||
    a.startTime.localeCompare(b.startTime) ||
    a.endTime.localeCompare(b.endTime) ||
    a.id.localeCompare(b.id)
  );
}

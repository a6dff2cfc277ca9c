import { TrainingEvent } from '../events/training-event.entity';
import { AttendanceStatus } from './attendance-mark.entity';

/** Late counts as attended; excused only if the event's rule says so. */
export function countsAsAttended(status: AttendanceStatus, event: TrainingEvent): boolean {
  return (
    status === AttendanceStatus.PRESENT ||
    status === AttendanceStatus.LATE ||
    (status === AttendanceStatus.EXCUSED && event.excusedCounts)
  );
}

export interface CompletionSummary {
  attendedDays: number;
  /** Percentage of the event's days attended, 0 to 100. */
  attendanceRate: number;
  completed: boolean;
}

/** Completion is always derived from the marks, never typed in. */
export function completionOf(
  event: TrainingEvent,
  statuses: AttendanceStatus[],
): CompletionSummary {
  const attendedDays = statuses.filter((status) => countsAsAttended(status, event)).length;
  return {
    attendedDays,
    attendanceRate: Math.round((attendedDays / event.dayCount) * 1000) / 10,
    completed: attendedDays >= event.requiredDays(),
  };
}

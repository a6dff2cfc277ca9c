import type { Role } from '../core/session';

/** Who runs training events; the API decides which events each of them sees. */
export const TRAINING_STAFF: Role[] = ['TRAINER', 'ORGANIZER', 'ADMIN'];

import { Actor, RequestWithActor } from '@platform/core';

// Requests that have just logged in as an account (login, exchangeLoginLink): their
// own payload shows that account, although the request carried no token for it yet.
const loggedInBy = new WeakMap<RequestWithActor, string>();

/** This request proved it holds the account (a password, a mailed link). */
export function holdsAccount(req: RequestWithActor, userId: string): void {
  loggedInBy.set(req, userId);
}

/**
 * The one rule for an account's details (login email, role, dates, linked person):
 * admins and the account's holder see them; everyone else (a participant looking at
 * their trainers, an organizer at a co-organizer) sees only its id and public name.
 */
export function seesAccount(req: RequestWithActor, userId: string): boolean {
  const actor = req.actor ?? Actor.anonymous;
  return actor.isAdmin || actor.userId === userId || loggedInBy.get(req) === userId;
}

import { DomainError } from '../errors/domain-error';

/**
 * The one rule for saying no, in every domain: what a caller may not see does not
 * exist for them (NOT_FOUND, the same answer as a made-up id, so ids cannot be
 * probed); what they may see but not do is FORBIDDEN with a sentence saying who may.
 * Operations that always need a login refuse anonymous callers before any lookup
 * (UNAUTHENTICATED, see Actor.require).
 */
export function refusal(
  visible: boolean,
  what: string,
  id: string,
  whoMay: string,
  reason?: string,
): DomainError {
  return visible ? DomainError.forbidden(whoMay, reason) : DomainError.notFound(what, id);
}

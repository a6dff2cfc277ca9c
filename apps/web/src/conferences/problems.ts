import { useCallback } from 'react';
import type { CombinedError } from 'urql';
import { problemOf } from '../core/graphql';
import { useMessages } from '../core/i18n';
import { useFormErrors as useCoreFormErrors } from '../core/problems';
import { conferenceMessages } from './messages';

/** The core form errors, and a colleague's save in between told in this area's words. */
export function useFormErrors() {
  const formErrors = useCoreFormErrors();
  const { t } = useMessages('conferences', conferenceMessages);
  return useCallback(
    (error: CombinedError | undefined, shown?: string[]): Record<string, string> =>
      problemOf(error)?.reason === 'STALE_VERSION'
        ? { _form: t('staleVersion') }
        : formErrors(error, shown),
    [formErrors, t],
  );
}

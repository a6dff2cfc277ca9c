import { useCallback } from 'react';
import type { CombinedError } from 'urql';
import { problemOf } from '../core/graphql';
import { useMessages } from '../core/i18n';
import { coreMessages } from '../core/messages';
import { conferenceMessages } from './messages';

/**
 * A form's errors from a failed operation: the API's words under the field it names;
 * network and access problems, which are ours to word, in the reader's language. `shown`
 * lists the form's inputs, when the API may name a field the form has none for.
 */
export function useFormErrors() {
  const { t } = useMessages('core', coreMessages);
  const { t: tc } = useMessages('conferences', conferenceMessages);
  return useCallback(
    (error: CombinedError | undefined, shown?: string[]): Record<string, string> => {
      const problem = problemOf(error);
      if (!problem) return {};
      if (problem.field) {
        // "objectives.2" is shown under "objectives"; a field the form has no input for, above
        // its button.
        const input = problem.field.split('.')[0];
        if (shown && !shown.includes(input)) return { _form: problem.message };
        return { [problem.field]: problem.message, [input]: problem.message };
      }
      if (problem.reason === 'STALE_VERSION') return { _form: tc('staleVersion') };
      const ours: Record<string, string> = {
        NETWORK: t('networkError'),
        FORBIDDEN: t('forbidden'),
        UNAUTHENTICATED: t('signInFirst'),
        NOT_FOUND: t('notFound'),
      };
      return { _form: ours[problem.code ?? ''] ?? problem.message };
    },
    [t, tc],
  );
}

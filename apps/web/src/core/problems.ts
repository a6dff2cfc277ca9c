import { useCallback } from 'react';
import type { CombinedError } from 'urql';
import { Problem, problemOf } from './graphql';
import { useMessages } from './i18n';
import { coreMessages } from './messages';

/** The problems whose wording is ours, not the API's: the network and access. */
const OUR_WORDS: Record<string, string> = {
  NETWORK: 'networkError',
  NOT_FOUND: 'notFound',
  UNAUTHENTICATED: 'signInFirst',
  FORBIDDEN: 'forbidden',
};

/** A problem in the reader's language where it is ours to word, else the API's words. */
export function useProblemText() {
  const { t } = useMessages('core', coreMessages);
  return useCallback(
    (problem: Problem) => {
      const ours = problem.code ? OUR_WORDS[problem.code] : undefined;
      return ours ? t(ours) : problem.message;
    },
    [t],
  );
}

/**
 * A form's errors from a failed operation: the API's words under the field it names
 * ("objectives.2" also under "objectives"); anything else under `_form`, shown above the
 * form's button. `shown` lists the form's inputs, when the API may name a field the form
 * has no input for.
 */
export function useFormErrors() {
  const text = useProblemText();
  return useCallback(
    (error: CombinedError | undefined, shown?: string[]): Record<string, string> => {
      const problem = problemOf(error);
      if (!problem) return {};
      if (problem.field) {
        const [input = problem.field] = problem.field.split('.');
        if (shown && !shown.includes(input)) return { _form: problem.message };
        return { [problem.field]: problem.message, [input]: problem.message };
      }
      return { _form: text(problem) };
    },
    [text],
  );
}

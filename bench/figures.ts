/**
 * What every benchmark returns to `npm run bench`: its figures, each with the baseline
 * measured beside it in the same run (where there is one) and the goal it is held to.
 * run.ts prints them as one summary table and writes the same as JSON.
 */

export type DatabaseLabel = 'SQLite' | 'PostgreSQL';

/**
 * A goal: the figure's ratio to its baseline at least `target` ("ratio ≥ 0.5×"), or the
 * figure itself at most / at least `target` in its own unit ("p99 ≤ 100 ms").
 */
export type Goal =
  | { kind: 'ratio-at-least'; target: number }
  | { kind: 'at-most'; target: number }
  | { kind: 'at-least'; target: number };

export interface Figure {
  /** What was measured, in words: "edition with agenda, 16 connections". */
  work: string;
  /** The database it ran on; absent where none is involved (rendering alone). */
  database?: DatabaseLabel;
  /** The measured quantity, e.g. "req/s", "p99 ms", "s", "peak RSS MB", "rows/s". */
  unit: string;
  value: number;
  /** The honest limit measured in the same run, in the same unit. */
  baseline?: { name: string; value: number };
  goal?: Goal;
}

/** Options every benchmark takes from run.ts. */
export interface BenchOptions {
  /** `npm run bench -- --quick`: smaller sizes and shorter runs, same table. */
  quick: boolean;
  /** A PostgreSQL server URL to create a fresh database on; SQLite in a temp folder when absent. */
  databaseUrl?: string;
}

/** figure / baseline for throughputs (higher is better). */
export function ratioOf(figure: Figure): number | undefined {
  if (!figure.baseline || figure.baseline.value === 0) return undefined;
  return figure.value / figure.baseline.value;
}

export function goalMet(figure: Figure): boolean | undefined {
  const { goal } = figure;
  if (!goal) return undefined;
  switch (goal.kind) {
    case 'ratio-at-least': {
      const ratio = ratioOf(figure);
      return ratio !== undefined && ratio >= goal.target;
    }
    case 'at-most':
      return figure.value <= goal.target;
    case 'at-least':
      return figure.value >= goal.target;
  }
}

export function goalText(goal: Goal | undefined, unit: string): string {
  if (!goal) return '';
  switch (goal.kind) {
    case 'ratio-at-least':
      return `≥ ${goal.target}× baseline`;
    case 'at-most':
      return `≤ ${goal.target} ${unit}`;
    case 'at-least':
      return `≥ ${goal.target} ${unit}`;
  }
}

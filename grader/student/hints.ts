/**
 * Hints, revealed one at a time. Each exercise's hints.md has sections `## Hint 1`,
 * `## Hint 2`, …; how many a student has seen is kept in .backprop-kit/hints.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KitError } from '../errors';
import type { Exercise } from '../track';

export function parseHints(markdown: string): string[] {
  return markdown
    .split(/^## Hint \d+\s*$/m)
    .slice(1)
    .map((h) => h.trim())
    .filter((h) => h.length > 0);
}

export function readHints(root: string, exercise: Exercise): string[] {
  const file = path.join(root, 'exercises', exercise.id, 'hints.md');
  if (!existsSync(file)) throw new KitError('EXERCISE_UNKNOWN', `${exercise.id} has no hints.md`, `Read exercises/${exercise.id}/README.md instead.`);
  return parseHints(readFileSync(file, 'utf8'));
}

const stateFile = (root: string): string => path.join(root, '.backprop-kit', 'hints.json');

function readState(root: string): Record<string, number> {
  try {
    const state = JSON.parse(readFileSync(stateFile(root), 'utf8')) as unknown;
    return state && typeof state === 'object' ? (state as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export interface HintStep {
  /** 1-based number of the hint shown */
  number: number;
  total: number;
  text: string;
}

/** The next hint of an exercise (the last one again once all are shown), and remembers it. */
export function nextHint(root: string, exercise: Exercise): HintStep {
  const hints = readHints(root, exercise);
  if (hints.length === 0) throw new KitError('EXERCISE_UNKNOWN', `exercises/${exercise.id}/hints.md has no "## Hint 1" section`, 'Add hints under "## Hint 1", "## Hint 2", …');
  const state = readState(root);
  const number = Math.min((state[exercise.id] ?? 0) + 1, hints.length);
  state[exercise.id] = number;
  mkdirSync(path.dirname(stateFile(root)), { recursive: true });
  writeFileSync(stateFile(root), `${JSON.stringify(state, null, 2)}\n`);
  return { number, total: hints.length, text: hints[number - 1] };
}

export function resetHints(root: string, exercise: Exercise): void {
  const state = readState(root);
  delete state[exercise.id];
  mkdirSync(path.dirname(stateFile(root)), { recursive: true });
  writeFileSync(stateFile(root), `${JSON.stringify(state, null, 2)}\n`);
}

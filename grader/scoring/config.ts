/**
 * The grading config: points per exercise and per hidden check, limits, the course
 * secret. Validated against the track and the hidden specs, with errors that name the
 * bad entry and what would be valid.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { HiddenSpec } from '../checks/dsl';
import { KitError } from '../errors';
import { visibility } from '../reports/gradescope-schema';
import type { Exercise } from '../track';

const exerciseConfig = z
  .object({
    points: z.number().min(0).optional(),
    /** check name → weight (default: the check's own weight, else 1) */
    checks: z.record(z.string(), z.number().min(0)).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    /** course secret for the hidden inputs; prefer the BACKPROP_KIT_SECRET variable or --seed over a committed file */
    secret: z.string().min(1).optional(),
    defaultPoints: z.number().min(0).default(10),
    exercises: z.record(z.string(), exerciseConfig).default({}),
    integration: z.object({ points: z.number().min(0).default(0) }).strict().default({ points: 0 }),
    limits: z
      .object({
        timeoutMs: z.number().int().min(50).max(600_000).default(2000),
        memoryMb: z.number().int().min(16).max(4096).default(128),
        maxFileKb: z.number().int().min(1).max(10_240).default(256),
      })
      .strict()
      .default({ timeoutMs: 2000, memoryMb: 128, maxFileKb: 256 }),
    /**
     * 'per-student' (the default): each student's inputs differ (seeded with the student id
     * too), so a classmate's failing input in a report is no use; only results that depend on
     * no input (untouched stubs, files that do not compile) are shared. 'per-class': every
     * student gets the same hidden inputs, so identical files are graded once, but answers
     * copied from a classmate's report pay
     */
    hiddenInputs: z.enum(['per-class', 'per-student']).default('per-student'),
    typeCheck: z.boolean().default(true),
    typeErrors: z.enum(['fail', 'warn']).default('fail'),
    /** how the reports are titled, where their README links point, and what Gradescope shows students */
    reports: z
      .object({
        courseTitle: z.string().optional(),
        readmeBaseUrl: z.string().optional(),
        /** the Gradescope autograder's results: when students see the tests (and so their score), and whether they see its printed output */
        gradescope: z
          .object({ visibility: visibility.default('visible'), stdoutVisibility: visibility.default('hidden') })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export type GradingConfig = z.infer<typeof configSchema>;

export function parseConfig(raw: unknown, source: string, track: Exercise[], specs: Map<string, HiddenSpec>): GradingConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new KitError('CONFIG_INVALID', `${source} is not a valid grading config:\n${z.prettifyError(parsed.error)}`, `Fix ${source}; grader/config/default.json shows every field.`);
  }
  for (const [id, entry] of Object.entries(parsed.data.exercises)) {
    if (!track.some((e) => e.id === id)) {
      throw new KitError('CONFIG_INVALID', `${source}: exercises.${id} is not an exercise of the track`, `Use one of: ${track.map((e) => e.id).join(', ')}`);
    }
    const checkNames = specs.get(id)?.checks.map((c) => c.name) ?? [];
    for (const name of Object.keys(entry.checks ?? {})) {
      if (!checkNames.includes(name)) {
        throw new KitError('CONFIG_INVALID', `${source}: exercises.${id}.checks has "${name}", which is not a hidden check of ${id}`, `Its checks are: ${checkNames.map((n) => JSON.stringify(n)).join(', ')}`);
      }
    }
  }
  return parsed.data;
}

export function loadConfig(file: string | undefined, track: Exercise[], specs: Map<string, HiddenSpec>): GradingConfig {
  if (!file) return parseConfig({}, 'the default config', track, specs);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new KitError('CONFIG_NOT_FOUND', `cannot read the config file ${file}`, 'Check the path given to --config (grader/config/default.json is a starting point).');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new KitError('CONFIG_INVALID', `${file} is not valid JSON: ${(error as Error).message}`, `Fix the JSON syntax in ${file}.`);
  }
  return parseConfig(raw, file, track, specs);
}

/** Points of each check of an exercise: the exercise's points shared out by weight. */
export function checkPoints(config: GradingConfig, exerciseId: string, spec: HiddenSpec | undefined): Map<string, number> {
  const entry = config.exercises[exerciseId];
  const points = entry?.points ?? config.defaultPoints;
  const checks = spec?.checks ?? [];
  const weights = checks.map((c) => entry?.checks?.[c.name] ?? c.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  return new Map(checks.map((c, i) => [c.name, total === 0 ? 0 : (points * weights[i]) / total]));
}

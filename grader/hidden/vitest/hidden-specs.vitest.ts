/**
 * The hidden specs as vitest tests: one test per check, named with its weight and points;
 * a failing test shows the input, the expected and the actual value, and the misconception
 * the detector names. The checks, the seeded inputs (BACKPROP_KIT_SECRET, as `grade
 * --seed`) and the detector are the grader's own; the code runs in this process, not in
 * the grading sandbox, so use it on the solutions and on submissions you trust.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { formatValue } from '../../checks/format';
import type { CheckOutcome } from '../../checks/outcome';
import { Rng } from '../../checks/rng';
import { runCheck, type Subject } from '../../checks/runner';
import { kitModules, readKitSources } from '../../compile/kit-sources';
import { describeNamings } from '../../misconceptions/describe';
import { readCatalogue } from '../../misconceptions/catalogue-file';
import { MisconceptionDetector } from '../../misconceptions/detect';
import { KIT_ROOT } from '../../paths';
import { directSubject, type ModuleExports } from '../../sandbox/host-modules';
import { checkPoints, loadConfig } from '../../scoring/config';
import { loadTrack } from '../../track';
import { HIDDEN_SPECS } from '../index';
import { gradedFolder } from './graded-folder';

const track = loadTrack();
const specs = new Map(HIDDEN_SPECS.map((s) => [s.exercise, s]));
const config = loadConfig(process.env.BACKPROP_KIT_CONFIG, track, specs);
const secret = process.env.BACKPROP_KIT_SECRET ?? 'hidden-specs';
const folder = gradedFolder();
const catalogue = readCatalogue(KIT_ROOT, track);
const detector = new MisconceptionDetector(catalogue, KIT_ROOT, kitModules(readKitSources(KIT_ROOT, track), track));

describe(`hidden specs on ${path.relative(process.cwd(), folder) || '.'}`, () => {
  for (const spec of HIDDEN_SPECS) {
    const exercise = track.find((e) => e.id === spec.exercise)!;
    const file = path.join(folder, exercise.id, exercise.file);
    const points = checkPoints(config, exercise.id, spec);
    describe(exercise.id, () => {
      let subject: Subject | undefined;
      let loadError: string | undefined;
      beforeAll(async () => {
        if (!existsSync(file)) return void (loadError = `${file} was not found`);
        try {
          const loaded = (await import(/* @vite-ignore */ file)) as ModuleExports;
          subject = directSubject(() => loaded);
        } catch (error) {
          loadError = `${exercise.file} failed as it loaded: ${error instanceof Error ? error.message : String(error)}`;
        }
      });
      for (const check of spec.checks) {
        it(`${check.name} (weight ${check.weight ?? 1}, ${formatValue(points.get(check.name) ?? 0)} points)`, () => {
          if (!subject) throw new Error(loadError ?? 'not loaded');
          const outcome = runCheck(check, subject, Rng.fromSeed(secret, exercise.id, check.name));
          if (outcome.status !== 'passed') throw new HiddenCheckFailed(explain(exercise.id, outcome));
        });
      }
    });
  }
});

class HiddenCheckFailed extends Error {
  override readonly name = 'HiddenCheckFailed';
}

/** What a failing check shows: the same facts as the grader's feedback. */
function explain(exerciseId: string, outcome: CheckOutcome): string {
  const failure = outcome.failure;
  if (!failure) return `${outcome.status}`;
  const namings = outcome.status === 'failed' ? describeNamings(detector.detect(exerciseId, failure.calls), catalogue) : [];
  const lines = [
    failure.message,
    ...(failure.trial ? [`trial:    ${failure.trial} (${outcome.trials.passed} of ${outcome.trials.total} trials passed)`] : []),
    ...(failure.input ? [`input:    ${failure.input}`] : []),
    ...('expected' in failure ? [`expected: ${failure.path ? `${failure.path} = ` : ''}${formatValue(failure.expected)}`] : []),
    ...('actual' in failure ? [`actual:   ${failure.path ? `${failure.path} = ` : ''}${formatValue(failure.actual)}`] : []),
    ...namings.map((m) => `misconception: ${m.title} [${m.id}]\n  ${m.explanation}`),
  ];
  return lines.join('\n');
}

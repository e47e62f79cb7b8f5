/**
 * Runs that combine: `grade --shard K/N` + `merge` give the class reports of one run, byte for
 * byte; `grade --only` into a folder with a full run is a regrade that keeps the other
 * exercises; a partial run says what it graded; exit statuses a script can rely on. All on the
 * bundled example class, through the real command line.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitPath } from '../grader/paths';
import type { ClassResults, GradescopeResults } from '../grader/reports';
import { runView } from '../grader/reports/run-view';
import { readShardManifest, type ShardManifest } from '../grader/results/shard-manifest';
import type { StudentRecord } from '../grader/results/types';
import { inShard, parseShard } from '../grader/run/shard';
import { runCli, type CliResult } from './helpers/cli';

const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-scale-out-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const SECRET = ['--seed', 'example-class-secret', '--workers', '2', '--quiet'];
const CLASS_IDS = readdirSync(kitPath('examples', 'submissions')).map((name) => name.replace(/\.zip$/, '')).sort();
const at = (...parts: string[]) => path.join(temp, ...parts);
const grade = (out: string, ...args: string[]): CliResult => runCli(['grade', ...SECRET, '--out', at(out), ...args], { timeoutMs: 300_000 });
const merge = (out: string, ...shards: string[]): CliResult => runCli(['merge', ...shards.map((s) => at(s)), '--out', at(out)]);
const file = (...parts: string[]): Buffer => readFileSync(at(...parts));
const readRecord = (out: string, id: string): StudentRecord => JSON.parse(readFileSync(at(out, 'students', id, 'record.json'), 'utf8')) as StudentRecord;
const expectOk = (result: CliResult) => expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);

describe('--shard K/N: a share of the class by a hash of the id', () => {
  const ids = Array.from({ length: 500 }, (_, i) => `student-${i}`);

  it('puts every student in exactly one shard of N, in shares of similar size', () => {
    for (const count of [1, 2, 3, 7]) {
      const shares = Array.from({ length: count }, (_, k) => ids.filter((id) => inShard(id, { index: k + 1, count })));
      expect(shares.flat().sort()).toEqual([...ids].sort());
      // 500 ids over 7 shards: about 71 each; a share off by half would mean the hash is not spreading them
      for (const share of shares) expect(share.length).toBeGreaterThan(500 / count / 2);
    }
  });

  it('moves no one when a student is added (the share depends on the id, not on its position)', () => {
    const before = ids.filter((id) => inShard(id, { index: 2, count: 3 }));
    const after = ['aaa-new-first', ...ids, 'zzz-new-last'].filter((id) => inShard(id, { index: 2, count: 3 }) && id.startsWith('student-'));
    expect(after).toEqual(before);
  });

  it('reads K/N, and refuses anything else as a usage error (exit 2)', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '3', '1/0', 'a/b', '1/2/3']) expect(parseShard(bad), bad).toBeUndefined();
    const result = runCli(['grade', '--shard', '3/2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--shard must be K/N');
  });
});

describe('shards merged give the class reports of one run, byte for byte', () => {
  const runs: Record<string, CliResult> = {};
  beforeAll(() => {
    runs.full = grade('full');
    for (const count of [2, 3]) for (let k = 1; k <= count; k++) runs[`s${k}-${count}`] = grade(`s${k}-${count}`, '--shard', `${k}/${count}`);
    runs.m2 = merge('m2', 's1-2', 's2-2');
    runs.m3 = merge('m3', 's3-3', 's1-3', 's2-3'); // in any order
  }, 900_000);

  it('every run and merge exits 0', () => {
    for (const [name, result] of Object.entries(runs)) expect(result.status, `${name}: ${result.stderr}`).toBe(0);
    expect(runs.m2!.stdout).toMatch(/^merged 2 shard\(s\), 10 student\(s\): mean [\d.]+\/160, 0 failure\(s\) → .*index\.html\n$/);
  });

  it('the shards of a split hold every student once, each in the shard its id hashes to', () => {
    for (const count of [2, 3]) {
      const listed = Array.from({ length: count }, (_, k) => {
        const manifest = readShardManifest(at(`s${k + 1}-${count}`)) as ShardManifest;
        expect(manifest.shard).toEqual({ index: k + 1, count });
        for (const { id } of manifest.students) expect(inShard(id, manifest.shard), id).toBe(true);
        return manifest.students.map((s) => s.id);
      });
      expect(listed.flat().sort()).toEqual(CLASS_IDS);
      expect(listed.every((share) => share.length < CLASS_IDS.length), 'each shard grades only a share').toBe(true);
    }
  });

  for (const merged of ['m2', 'm3']) {
    it(`${merged}: grades.csv and results.json are byte-identical to one run's; so is every student's Gradescope results.json and feedback`, () => {
      expect(file(merged, 'grades.csv').equals(file('full', 'grades.csv'))).toBe(true);
      expect(file(merged, 'results.json').equals(file('full', 'results.json'))).toBe(true);
      for (const id of CLASS_IDS) {
        for (const name of ['results.json', 'feedback.md', 'feedback.html']) {
          expect(file(merged, 'students', id, name).toString(), `${id}/${name}`).toBe(file('full', 'students', id, name).toString());
        }
      }
      const results = JSON.parse(file(merged, 'results.json').toString()) as ClassResults;
      expect(results.students.map((s) => s.id)).toEqual(CLASS_IDS);
    });
  }

  it('the class page states when, with which kit version and config, and whether a course secret was used', () => {
    const page = file('m3', 'index.html').toString();
    const version = (JSON.parse(readFileSync(kitPath('package.json'), 'utf8')) as { version: string }).version;
    expect(page).toMatch(new RegExp(`Graded \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d( to [\\d: -]+)? UTC with backprop-kit ${version.replace(/\./g, '\\.')} · config: the kit’s default \\(grader/config/default\\.json\\) · course secret: yes`));
    expect(page).not.toContain('Partial run');
  });

  describe('merge refuses, naming the problem, and writes nothing', () => {
    const refused = (out: string, ...shards: string[]) => {
      const result = merge(out, ...shards);
      expect(result.status, result.stdout).toBe(1);
      expect(result.stderr).toContain('[MERGE_REFUSED]');
      expect(readdirSync(temp)).not.toContain(out);
      return result.stderr;
    };

    it('a missing shard', () => {
      expect(refused('bad-missing', 's1-3', 's3-3')).toContain('shard 2/3 is missing');
    });

    it('shards of different splits', () => {
      expect(refused('bad-split', 's1-2', 's2-3', 's3-3', 's1-3')).toContain('shards of different splits');
    });

    it('overlapping shards (the same shard twice)', () => {
      cpSync(at('s1-2'), at('s1-2-copy'), { recursive: true });
      expect(refused('bad-twice', 's1-2', 's1-2-copy', 's2-2')).toContain('shard 1/2 is given twice');
    });

    it('overlapping shards (a student in two)', () => {
      cpSync(at('s2-2'), at('s2-2-overlap'), { recursive: true });
      const manifest = readShardManifest(at('s2-2-overlap')) as ShardManifest;
      const taken = (readShardManifest(at('s1-2')) as ShardManifest).students[0]!;
      cpSync(at('s1-2', 'students', taken.dir), at('s2-2-overlap', 'students', taken.dir), { recursive: true });
      writeFileSync(at('s2-2-overlap', 'shard.json'), JSON.stringify({ ...manifest, students: [...manifest.students, taken] }));
      expect(refused('bad-overlap', 's1-2', 's2-2-overlap')).toContain(`the shards overlap: ${taken.id}`);
    });

    it('a shard graded with another secret, config or kit', () => {
      const other = { secret: 'a different course secret', config: 'a different grading config', kit: 'a different kit' } as const;
      for (const [field, words] of Object.entries(other)) {
        const dir = `s2-2-${field}`;
        cpSync(at('s2-2'), at(dir), { recursive: true });
        const manifest = readShardManifest(at(dir)) as ShardManifest;
        writeFileSync(at(dir, 'shard.json'), JSON.stringify({ ...manifest, gradedWith: { ...manifest.gradedWith, [field]: 'f'.repeat(64) } }));
        expect(refused(`bad-${field}`, 's1-2', dir)).toContain(words);
      }
    });

    it('a folder that is not a finished shard (a plain run)', () => {
      expect(refused('bad-plain', 'full', 's1-2')).toContain('has no shard.json');
    });
  });

  describe('grade --only into a folder with a full run: a regrade', () => {
    beforeAll(() => {
      cpSync(at('full'), at('regrade'), { recursive: true });
      // mark the earlier results, to tell kept exercises from regraded ones: 01 is kept as it is, 03 graded again
      const record = readRecord('regrade', 'ada-all-correct');
      const edit = (id: string, score: number) => Object.assign(record.exercises.find((e) => e.exercise === id)!, { score });
      edit('01-linear-forward', 7);
      edit('03-sigmoid', 1);
      writeFileSync(at('regrade', 'students', 'ada-all-correct', 'record.json'), JSON.stringify(record));
      runs.regrade = grade('regrade', '--only', '03');
    }, 300_000);

    it('grades the named exercise again and keeps every other one from the earlier records, with full totals', () => {
      expectOk(runs.regrade!);
      const ada = readRecord('regrade', 'ada-all-correct');
      expect(ada.exercises.find((e) => e.exercise === '01-linear-forward')!.score).toBe(7); // kept, not graded again
      expect(ada.exercises.find((e) => e.exercise === '03-sigmoid')!.score).toBe(10); // graded again
      expect(ada.exercises.every((e) => e.status === 'graded')).toBe(true);
      expect([ada.score, ada.maxScore]).toEqual([157, 160]);
      for (const id of CLASS_IDS.filter((i) => i !== 'ada-all-correct')) {
        // the same but for when it was graded, and the hash of the run's inputs (which names --only)
        const { timing: _a, inputHash: _c, ...now } = readRecord('regrade', id);
        const { timing: _b, inputHash: _d, ...before } = readRecord('full', id);
        expect(now, id).toEqual(before);
      }
      const gradescope = JSON.parse(file('regrade', 'students', 'ada-all-correct', 'results.json').toString()) as GradescopeResults;
      expect(gradescope.score).toBe(157);
      const csv = file('regrade', 'grades.csv').toString();
      expect(csv).toMatch(/^ada-all-correct,7,10,10,(10,){13}0,157,160\r$/m);
      expect(runs.regrade!.stdout).toMatch(/mean [\d.]+\/160/);
      expect(file('regrade', 'index.html').toString()).not.toContain('Partial run');
    });

    it('refuses when the folder was graded with another secret, and says why', () => {
      const result = runCli(['grade', '--seed', 'another-secret', '--quiet', '--only', '03', '--out', at('regrade')]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('cannot build on: it was graded with a different course secret');
      expect(result.stderr).toContain('[REGRADE_INCOMPATIBLE]');
      expect(readRecord('regrade', 'ada-all-correct').score).toBe(157); // nothing changed
    });
  });
});

describe('a partial run into an empty folder, then another on top of it', () => {
  const runs: Record<string, CliResult> = {};
  beforeAll(() => {
    runs.first = grade('partial', '--only', '01,02');
    runs.second = grade('partial', '--only', '03');
  }, 600_000);

  it('the second run keeps what the first graded: three exercises graded for everyone', () => {
    expectOk(runs.first!);
    expectOk(runs.second!);
    const results = JSON.parse(file('partial', 'results.json').toString()) as ClassResults;
    expect(results.partial?.graded).toEqual(['01-linear-forward', '02-relu', '03-sigmoid']);
    expect(results.partial?.notGraded).toHaveLength(13);
    const ada = readRecord('partial', 'ada-all-correct');
    expect([ada.score, ada.maxScore]).toEqual([30, 160]);
  });

  it('says in every report which exercises were graded', () => {
    const said = 'Graded: 01 linear-forward, 02 relu, 03 sigmoid. Not graded (0 points here): 04 softmax,';
    expect(file('partial', 'index.html').toString()).toContain('Graded for every student: 01 linear-forward, 02 relu, 03 sigmoid. Not graded for some or all students (0 points there): 04 softmax,');
    expect(file('partial', 'students', 'ada-all-correct', 'feedback.md').toString()).toContain(said);
    expect(file('partial', 'students', 'ada-all-correct', 'feedback.html').toString()).toContain(said);
    expect((JSON.parse(file('partial', 'students', 'ada-all-correct', 'results.json').toString()) as GradescopeResults).output).toContain(said);
    // the spreadsheet: a graded exercise has its score, one not graded an empty cell
    expect(file('partial', 'grades.csv').toString()).toMatch(/^ada-all-correct,10,10,10,(,){13}0,30,160\r$/m);
  });
});

describe('a regrade of a submission that changed since', () => {
  it('grades it in full, and tells the student why', () => {
    const submissions = at('changing-class');
    const ada = path.join(submissions, 'ada-all-correct');
    cpSync(kitPath('examples', 'submissions', 'ada-all-correct'), ada, { recursive: true });
    expectOk(runCli(['grade', submissions, ...SECRET, '--out', at('changing-out'), '--only', '01'], { timeoutMs: 300_000 }));
    expect(readRecord('changing-out', 'ada-all-correct').exercises.filter((e) => e.status !== 'skipped').map((e) => e.exercise)).toEqual(['01-linear-forward']);
    const relu = readdirSync(path.join(ada, 'exercises', '02-relu')).find((name) => !name.includes('.spec.') && name.endsWith('.ts'))!;
    writeFileSync(path.join(ada, 'exercises', '02-relu', relu), `${readFileSync(path.join(ada, 'exercises', '02-relu', relu), 'utf8')}\n// changed\n`);
    expectOk(runCli(['grade', submissions, ...SECRET, '--out', at('changing-out'), '--only', '01'], { timeoutMs: 300_000 }));
    const record = readRecord('changing-out', 'ada-all-correct');
    expect(record.exercises.every((e) => e.status === 'graded')).toBe(true);
    expect([record.score, record.maxScore]).toEqual([160, 160]);
    expect(record.submission.notes).toContain('your submission changed since it was last graded, so every exercise was graded again');
  }, 600_000);
});

describe('exit status', () => {
  it('3 when some submission could not be read, and the summary line names it; --version prints the version', () => {
    const submissions = at('with-broken-zip');
    cpSync(kitPath('examples', 'submissions', 'ada-all-correct'), path.join(submissions, 'ada-all-correct'), { recursive: true });
    writeFileSync(path.join(submissions, 'zed-broken.zip'), 'this is not a zip');
    const result = runCli(['grade', submissions, ...SECRET, '--out', at('broken-out')], { timeoutMs: 300_000 });
    expect(result.status, result.stderr).toBe(3);
    expect(result.stdout).toMatch(/^graded 2 student\(s\) in [\d.]+ s: mean [\d.]+\/160, 1 failure\(s\) \(zed-broken\) → .*index\.html\n$/);
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${(JSON.parse(readFileSync(kitPath('package.json'), 'utf8')) as { version: string }).version}\n`);
  }, 300_000);
});

describe('what the class page says about the run, from the records', () => {
  // just the fields runView reads
  const record = (gradedAt: string | undefined, courseSecret: boolean | undefined, statuses: string[] = ['graded', 'graded']) =>
    ({
      timing: { gradingMs: 1, ...(gradedAt ? { gradedAt } : {}) },
      ...(courseSecret === undefined ? {} : { gradedWith: { kitVersion: '9.8.7', kit: 'k', config: 'c', secret: 's', courseSecret } }),
      exercises: statuses.map((status, i) => ({ exercise: `0${i + 1}-x`, status })),
    }) as unknown as StudentRecord;

  it('when: one minute, a span within a day, a span over midnight', () => {
    expect(runView([record('2026-12-01T23:10:05.000Z', true), record('2026-12-01T23:10:59.000Z', true)]).gradedAt).toBe('2026-12-01 23:10 UTC');
    expect(runView([record('2026-12-01T23:14:00.000Z', true), record('2026-12-01T23:10:00.000Z', true)]).gradedAt).toBe('2026-12-01 23:10 to 23:14 UTC');
    expect(runView([record('2026-12-02T00:05:00.000Z', true), record('2026-12-01T23:10:00.000Z', true)]).gradedAt).toBe('2026-12-01 23:10 to 2026-12-02 00:05 UTC');
  });

  it('the kit version, the config file, whether a course secret was used, and what a partial run graded', () => {
    const view = runView([record('2026-12-01T23:10:00.000Z', false, ['graded', 'skipped'])], { configFile: 'course.json' });
    expect(view).toMatchObject({ kitVersion: '9.8.7', configFile: 'course.json', courseSecret: 'no (the public demo secret: the hidden inputs are predictable)' });
    expect(view.partial).toBe('Graded for every student: 01 x. Not graded for some or all students (0 points there): 02 x.');
    expect(runView([record('2026-12-01T23:10:00.000Z', true)]).partial).toBeUndefined();
    expect(runView([record(undefined, undefined)])).toMatchObject({ gradedAt: 'unknown', kitVersion: 'unknown', courseSecret: 'unknown' });
  });
});

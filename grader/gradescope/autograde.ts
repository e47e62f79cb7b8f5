/**
 * What the Gradescope autograder's run_autograder does for one submission: grade
 * <root>/submission as one student, with the config (and course secret) baked into the
 * bundle, and write <root>/results/results.json. The submission is copied into a private
 * folder and graded by the same job as `backprop-kit grade` (intake, isolated workers,
 * scoring), so every layout the intake accepts works here too.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KitError } from '../errors';
import { gradeClass } from '../grade';
import { safeStudentDirName } from '../intake';
import { isIgnoredName } from '../intake/tree';
import { autograderResults, type AutograderResults } from '../reports/gradescope-autograder';
import { gradescopeResultsSchema } from '../reports/gradescope-schema';
import { writeJsonAtomic } from '../results/atomic';
import type { StudentRecord } from '../results/types';
import type { ProgressReporter } from '../run/progress';
import type { StartedWorkers } from '../run/start-workers';
import { loadCourseConfig } from '../scoring/course-config';

export interface AutogradeOptions {
  /** Gradescope's /autograder (AUTOGRADER_ROOT) */
  root: string;
  configFile: string;
  progress: ProgressReporter;
  /** a worker started before this module loaded (run/start-workers.ts) */
  workers?: StartedWorkers;
}

export async function autograde(options: AutogradeOptions): Promise<{ results: AutograderResults; file: string }> {
  const started = performance.now();
  const submission = path.join(options.root, 'submission');
  if (!existsSync(submission) || !statSync(submission).isDirectory()) {
    throw new KitError('SUBMISSIONS_NOT_FOUND', `there is no submission folder at ${submission}`, 'run_autograder grades <AUTOGRADER_ROOT>/submission; set AUTOGRADER_ROOT to the folder that holds submission/.');
  }
  const config = loadCourseConfig(options.configFile);
  const id = studentId(path.join(options.root, 'submission_metadata.json'));
  const work = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-autograde-'));
  try {
    const submissions = path.join(work, 'submissions');
    mkdirSync(submissions);
    stageSubmission(submission, submissions, id);
    const out = path.join(work, 'reports');
    // one worker: Gradescope's default container has half a CPU
    await gradeClass({ submissions, out, workers: 1, configFile: options.configFile, resume: false, progress: options.progress, ...(options.workers ? { started: options.workers } : {}) });
    const record = JSON.parse(readFileSync(path.join(out, 'students', id, 'record.json'), 'utf8')) as StudentRecord;
    const results = autograderResults(record, config.reports, (performance.now() - started) / 1000);
    gradescopeResultsSchema.parse(results);
    const file = path.join(options.root, 'results', 'results.json');
    writeJsonAtomic(file, results);
    return { results, file };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The student's id, for the feedback and for per-student hidden inputs: the roster's student
 * id, else the email, from Gradescope's submission_metadata.json (the first user of a group),
 * made a safe folder name. Without metadata (a local test), "student".
 */
export function studentId(metadataFile: string): string {
  let users: { sid?: unknown; email?: unknown }[] = [];
  try {
    const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as { users?: unknown };
    if (Array.isArray(metadata.users)) users = metadata.users as typeof users;
  } catch {
    // no metadata: graded under the fallback id
  }
  const first = users[0];
  const raw = [first?.sid, first?.email].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return safeStudentDirName(raw?.trim() ?? 'student');
}

/**
 * Puts the submission where the intake looks for a class: a lone .zip (the student uploaded
 * their handout zipped) as <id>.zip, anything else as the folder <id>/. Links are copied as
 * links, which the intake reports and never follows; node_modules and dot-folders, which the
 * intake never reads, are left out.
 */
function stageSubmission(from: string, submissions: string, id: string): void {
  const entries = readdirSync(from, { withFileTypes: true }).filter((d) => !isIgnoredName(d.name));
  const only = entries.length === 1 ? entries[0] : undefined;
  if (only?.isFile() && /\.zip$/i.test(only.name)) {
    cpSync(path.join(from, only.name), path.join(submissions, `${id}.zip`));
    return;
  }
  cpSync(from, path.join(submissions, id), { recursive: true, verbatimSymlinks: true, filter: (source) => source === from || !isIgnoredName(path.basename(source)) });
}

/** Writes the report files, each atomically, so a reader never sees half a report. */
import path from 'node:path';
import type { ClassSummary, StudentRecord } from '../results/types';
import { writeFileAtomic, writeJsonAtomic } from '../results/atomic';
import { classResults } from './class-results';
import { classView } from './class-view';
import { toCsv } from './csv';
import { feedbackView } from './feedback-view';
import { gradescopeFromView } from './gradescope';
import { resolveReportOptions, type ReportOptions } from './options';
import { runView, type RunInfo } from './run-view';
import { sortRecords, summarizeClass } from './summary';
import { render } from './templates';

/** Writes <outDir>/students/<record.dir>/{results.json, feedback.html, feedback.md} atomically. */
export function writeStudentReports(outDir: string, record: StudentRecord, options?: ReportOptions): void {
  const resolved = resolveReportOptions(options);
  const dir = path.join(outDir, 'students', checkedDirName(record.dir));
  const view = feedbackView(record, resolved);
  // render everything before writing anything: a template error leaves no partial set behind
  const gradescope = gradescopeFromView(record, view);
  const markdown = render('feedback.md', view);
  const html = render('feedback.html', view);
  writeJsonAtomic(path.join(dir, 'results.json'), gradescope);
  writeFileAtomic(path.join(dir, 'feedback.md'), markdown);
  writeFileAtomic(path.join(dir, 'feedback.html'), html);
}

/** Writes <outDir>/{index.html, grades.csv, results.json} from all records (sorted by student id), returns the summary. */
export function writeClassReports(outDir: string, records: StudentRecord[], options?: ReportOptions, run?: RunInfo): ClassSummary {
  const resolved = resolveReportOptions(options);
  const sorted = sortRecords(records);
  for (const record of sorted) checkedDirName(record.dir);
  const summary = summarizeClass(sorted);
  const html = render('index.html', { ...classView(sorted, summary, resolved), run: runView(sorted, run) });
  const csv = toCsv(sorted);
  writeFileAtomic(path.join(outDir, 'index.html'), html);
  writeFileAtomic(path.join(outDir, 'grades.csv'), csv);
  writeJsonAtomic(path.join(outDir, 'results.json'), classResults(sorted, summary, resolved.courseTitle));
  return summary;
}

// The intake makes these names safe (safeStudentDirName); a record edited by hand must not
// turn into a path outside students/.
function checkedDirName(dir: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(dir) || dir === '.' || dir === '..') {
    throw new Error(`a student record has the folder name ${JSON.stringify(dir)}, which is not a safe folder name`);
  }
  return dir;
}

/**
 * Reports rendered from the graded records: per student a Gradescope results.json and
 * feedback in Markdown and HTML; per class index.html, grades.csv and results.json.
 */
export { writeClassReports, writeStudentReports } from './write';
export { prepareTemplates } from './templates';
export { summarizeClass } from './summary';
export { toGradescope, type GradescopeResults, type GradescopeTest } from './gradescope';
export { gradescopeResultsSchema, gradescopeTestSchema } from './gradescope-schema';
export { toCsv } from './csv';
export type { ReportOptions } from './options';
export type { ClassResults } from './class-results';

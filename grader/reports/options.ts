/** How reports link to the handout and what they are titled; checked once before anything is written. */
import { KitError } from '../errors';

export interface ReportOptions {
  /** prefix for links to exercise READMEs, e.g. "https://git.example.edu/course/handout/blob/main/" (default: relative path text "exercises/NN-x/README.md", shown as the student's own handout file) */
  readmeBaseUrl?: string;
  /** shown in titles, e.g. "Backprop course, spring term" (default "backprop-kit") */
  courseTitle?: string;
}

export interface ResolvedReportOptions {
  /** absolute http(s) URL ending in '/', or undefined for plain path text */
  readmeBaseUrl: string | undefined;
  courseTitle: string;
}

export const DEFAULT_COURSE_TITLE = 'backprop-kit';

export function resolveReportOptions(options: ReportOptions = {}): ResolvedReportOptions {
  const title = options.courseTitle?.trim();
  return { readmeBaseUrl: checkedBaseUrl(options.readmeBaseUrl), courseTitle: title ? title : DEFAULT_COURSE_TITLE };
}

// Only http(s): the URL becomes an href in every student's feedback, so javascript: and
// friends must never get through.
function checkedBaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new KitError('CONFIG_INVALID', `readmeBaseUrl "${raw}" is not a URL`, 'Give the handout URL the exercise paths are appended to, e.g. https://git.example.edu/course/handout/blob/main/');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new KitError('CONFIG_INVALID', `readmeBaseUrl "${raw}" must start with https:// or http://`, 'Give the handout URL the exercise paths are appended to, e.g. https://git.example.edu/course/handout/blob/main/');
  }
  const text = url.href;
  return text.endsWith('/') ? text : `${text}/`;
}

/** Where a student reads an exercise's README: a link when a base URL is set, else the path in their handout. */
export function readmeLink(readme: string, options: ResolvedReportOptions): { path: string; url?: string } {
  if (!options.readmeBaseUrl) return { path: readme };
  return { path: readme, url: options.readmeBaseUrl + readme.split('/').map(encodeURIComponent).join('/') };
}

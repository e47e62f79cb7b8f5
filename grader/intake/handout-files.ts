/**
 * The files a handout brings along besides the exercise files: a student who hands in the
 * whole folder, as the handout's README says, has not added them. Paths are relative to
 * the course folder (the one holding exercises/); test/intake-handout.spec.ts zips a real
 * handout to keep this list in step with `backprop-kit handout`.
 */
const HANDOUT_FILE = [
  /^(README\.md|package\.json|package-lock\.json|tsconfig\.json|vitest\.config\.ts)$/,
  /^docs\/[^/]+\.md$/,
  /^tools\/.+\.(ts|js)$/,
  /^exercises\/track\.json$/,
  /^exercises\/shared\/[^/]+$/,
  /^exercises\/\d\d-[^/]+\/(README\.md|hints\.md|[^/]+\.spec\.ts)$/,
];

export const isHandoutFile = (pathInCourse: string): boolean => HANDOUT_FILE.some((re) => re.test(pathInCourse));

/** The course folder around an exercises root (`exercises` → '', `course/exercises` → 'course'), if it is one. */
export function courseFolderOf(exerciseRoot: string): string | undefined {
  if (exerciseRoot === 'exercises') return '';
  return exerciseRoot.endsWith('/exercises') ? exerciseRoot.slice(0, -'/exercises'.length) : undefined;
}

/** The path of a file inside the course folder, or undefined when it lies outside. */
export function pathInCourse(file: string, course: string): string | undefined {
  if (course === '') return file;
  return file.startsWith(`${course}/`) ? file.slice(course.length + 1) : undefined;
}

/** The last words of `grade` and `merge`: one summary line on stdout, and an exit status a script can rely on. */
import { EXIT } from '../errors';
import { namesOf } from '../results/regrade';

/** ", 2 failure(s) (bob, carl)": the students that could not be read or graded, by name. */
export const failuresText = (failed: string[]): string => `${failed.length} failure(s)${failed.length > 0 ? ` (${namesOf(failed)})` : ''}`;

/** 0 when every submission was graded, 3 when some could not be read or graded. */
export const exitStatus = (failed: string[]): number => (failed.length > 0 ? EXIT.someNotGraded : EXIT.ok);

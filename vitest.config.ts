// The student's configuration: the public specs of exercises/, run on the code in exercises/.
// `npm run learn` opens it in the vitest UI; `npx vitest exercises/04-softmax` runs one exercise.
import { defineConfig } from 'vitest/config';

/** The course's own helpers (expect-close.ts, not-implemented.ts): never the frame a failure points at. */
const COURSE_HELPERS = /[\\/]exercises[\\/]shared[\\/]/;

export default defineConfig({
  test: {
    name: 'exercises',
    include: ['exercises/**/*.spec.ts'],
    // a failure's first frame is then the student's file (or the spec that called it), in the terminal and the UI
    onStackTrace: (_error, frame) => !COURSE_HELPERS.test(frame.file),
  },
});

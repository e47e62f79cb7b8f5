// The student's configuration: the public specs of exercises/, run on the code in exercises/.
// `npm run learn` opens it in the vitest UI; `npx vitest exercises/04-softmax` runs one exercise.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'exercises',
    include: ['exercises/**/*.spec.ts'],
  },
});

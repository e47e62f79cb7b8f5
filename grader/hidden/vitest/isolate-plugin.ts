/**
 * Grades each exercise on its own, as the grader does: a graded file's imports of other
 * steps (`../02-relu/relu`) resolve to the reference solutions, and `../shared/…` to the
 * kit's shared files, so a mistake in one exercise fails that exercise only.
 */
import path from 'node:path';
import type { Plugin } from 'vite';

export function isolateExercisesPlugin(kitRoot: string, gradedDir: string): Plugin {
  const solutionsDir = path.join(kitRoot, 'solutions');
  const sharedDir = path.join(kitRoot, 'exercises', 'shared');
  return {
    name: 'backprop-kit:isolate-exercises',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const fromGraded = path.relative(gradedDir, path.dirname(importer));
      if (fromGraded.startsWith('..') || path.isAbsolute(fromGraded)) return null;
      const target = path.relative(gradedDir, path.resolve(path.dirname(importer), source)).split(path.sep);
      const withExt = (p: string) => (p.endsWith('.ts') ? p : `${p}.ts`);
      if (target[0] === 'shared') return withExt(path.join(sharedDir, ...target.slice(1)));
      if (/^\d\d-/.test(target[0] ?? '') && target[0] !== fromGraded.split(path.sep)[0]) return withExt(path.join(solutionsDir, ...target));
      return null;
    },
  };
}

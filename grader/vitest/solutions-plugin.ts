/**
 * A Vite plugin that runs the public specs on the reference solutions: a spec's import
 * of its exercise (`./relu`) and every exercise's import of another step resolve to
 * solutions/ instead of exercises/. Shared helpers stay in exercises/shared/.
 */
import path from 'node:path';
import type { Plugin } from 'vite';

export function solutionsPlugin(kitRoot: string): Plugin {
  const exercisesDir = path.join(kitRoot, 'exercises');
  const solutionsDir = path.join(kitRoot, 'solutions');
  const isStepFile = (file: string, root: string): boolean => {
    const rel = path.relative(root, file);
    return !rel.startsWith('..') && /^\d\d-[^/]+\/[^/]+$/.test(rel.split(path.sep).join('/')) && !file.endsWith('.spec.ts');
  };
  return {
    name: 'backprop-kit:solutions',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const target = path.resolve(path.dirname(importer), source);
      const withExt = target.endsWith('.ts') ? target : `${target}.ts`;
      if (isStepFile(withExt, exercisesDir)) return path.join(solutionsDir, path.relative(exercisesDir, withExt));
      // solutions/ has no shared/ folder of its own
      const fromSolutions = path.relative(solutionsDir, withExt);
      if (!fromSolutions.startsWith('..') && fromSolutions.split(path.sep)[0] === 'shared') return path.join(exercisesDir, fromSolutions);
      return null;
    },
  };
}

/** Finds the course folder a student works in: the nearest folder above with exercises/track.json. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { KitError } from '../errors';

export function findCourseRoot(start = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'exercises', 'track.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new KitError('IMPL_NOT_FOUND', `no exercises/track.json in ${path.resolve(start)} or any folder above it`, 'Run this inside your copy of the course (the folder with exercises/), or pass --dir <course folder>.');
    }
    dir = parent;
  }
}

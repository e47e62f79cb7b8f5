/**
 * The track and the misconception catalogue, read and checked against their schemas: what the
 * main process sends its workers (kit-loader.ts), and what loads a kit in a single process
 * (the kit's tests, the benchmark).
 */
import { readCatalogue } from '../misconceptions/catalogue-file';
import { loadTrack } from '../track';
import type { KitDescription } from './kit-loader';

export function readKitDescription(kitRoot: string): KitDescription {
  const track = loadTrack();
  return { track, catalogue: readCatalogue(kitRoot, track) };
}

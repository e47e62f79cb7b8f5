/** The kit's version, from its package.json: printed by --version and stated in every class report. */
import { readFileSync } from 'node:fs';
import { kitPath } from './paths';

let version: string | undefined;

export function kitVersion(): string {
  version ??= (JSON.parse(readFileSync(kitPath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** The committed exact fixture is what the oracle produces: it cannot drift or be edited by hand. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PATH, fixtureText } from './oracle/generate-fixture';

describe('worked-example fixture', () => {
  it('equals a fresh 50-digit oracle run (regenerate with npm run fixtures)', () => {
    expect(readFileSync(FIXTURE_PATH, 'utf8')).toBe(fixtureText());
  });
});

/** Numbers and values as feedback prints them. */
import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue } from '../grader/checks/format';

describe('formatting values for feedback', () => {
  it('prints −0 as 0, alone and inside arrays', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatValue([-0, 0.5, -1])).toBe('[0, 0.5, -1]');
  });

  it('keeps six significant digits, and integers, infinities and NaN as they are', () => {
    expect(formatNumber(0.938831289486)).toBe('0.938831');
    expect(formatNumber(-3)).toBe('-3');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
    expect(formatNumber(NaN)).toBe('NaN');
  });
});

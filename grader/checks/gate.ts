/**
 * Points only for work done. A property check (inputs left unchanged, a shape, zeros in gives
 * zeros out) is passed by code that computes nothing: a function that returns undefined leaves
 * its input unchanged. So a property check of some functions runs, and earns its weight, only
 * once those functions' values are right: at least one value check called each of them, and no
 * value check failed at a call of one of them. Until then it is `not-run`, and says why.
 */
import type { HiddenCheck } from './dsl';
import type { CheckOutcome } from './outcome';

/** The checks in the order they must run: value checks first, then property checks (each group in spec order). */
export const gatedOrder = (checks: HiddenCheck[]): HiddenCheck[] => [...checks.filter((c) => !c.property), ...checks.filter((c) => c.property)];

/** Why `check` may not run yet given the value checks' outcomes, or undefined if it may. */
export function gateReason(check: HiddenCheck, outcomes: Iterable<CheckOutcome>): string | undefined {
  if (!check.property) return undefined;
  const called = new Set<string>();
  const wrong = new Set<string>();
  for (const outcome of outcomes) {
    for (const fn of outcome.functions?.called ?? []) called.add(fn);
    for (const fn of outcome.functions?.wrong ?? []) wrong.add(fn);
  }
  const notYet = check.property.filter((fn) => !called.has(fn) || wrong.has(fn));
  if (notYet.length === 0) return undefined;
  return `counts once ${notYet.join(' and ')} ${notYet.length > 1 ? 'return' : 'returns'} the right values, since code that computes nothing would pass it`;
}

/**
 * How the sandbox's CPU time budget is enforced with isolated-vm's wall-clock timeouts (no
 * isolated-vm here, so that the main process can read it cheaply). Each call of an attempt at
 * an exercise gets `slack` times its remaining CPU time as wall-clock time; the first attempt
 * has a slack of 1. An attempt whose wall-clock time ran out before its CPU time did (the
 * thread had only part of a core) is thrown away, and the exercise is graded again from the
 * start with a slack that covers the share of a core the thread had (nextSlack). The verdict
 * of the last attempt stands, whatever stopped it.
 */
export const SANDBOX_ATTEMPTS = 4;
export const MAX_WALL_CLOCK_SLACK = 64;

/** The slack of the next attempt, after one that got `share` (CPU time / wall-clock time) of a core with `slack`. */
export function nextSlack(slack: number, share: number): number {
  return Math.min(MAX_WALL_CLOCK_SLACK, Math.max(2 * slack, 2 / Math.max(share, 1 / MAX_WALL_CLOCK_SLACK)));
}

/** Messages between the main process and a grading worker. */
import type { ModuleCode } from '../sandbox/module-code';
import type { KitDescription } from './kit-loader';
import type { TypescriptCache } from './typescript-cache';
import type { GradeJob, GradingStep, StudentRun } from './types';

export type ToWorker =
  /** the track and catalogue, read and checked by the main process, in answer to 'started' */
  | { type: 'kit'; kit: KitDescription }
  | { type: 'grade'; jobId: number; job: GradeJob };

export type ToMain =
  /** the worker has loaded its code and listens: it asks for the kit (a message sent before it listened could be lost) */
  | { type: 'started' }
  /**
   * `compiled`: the kit's reference modules, if the worker had to compile them (kit-modules-file.ts);
   * `typescript`: V8's code cache of the compiler, if the worker found none (typescript-cache.ts)
   */
  | { type: 'ready'; compiled?: { key: string; modules: ModuleCode[] }; typescript?: TypescriptCache }
  /** sent as each step starts, so that the main process knows which step a worker died in */
  | { type: 'step'; jobId: number; step: GradingStep }
  | { type: 'result'; jobId: number; run: StudentRun }
  | { type: 'failed'; jobId: number; message: string };

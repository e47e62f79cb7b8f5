/**
 * The Gradescope autograder results.json format (their "Autograder specifications"),
 * as a zod schema: every field they define, each optional as there, unknown fields
 * refused. The tests validate our output against it.
 */
import { z } from 'zod';

const format = z.enum(['text', 'html', 'simple_format', 'md', 'ansi']);
export const visibility = z.enum(['hidden', 'after_due_date', 'after_published', 'visible']);

export const gradescopeTestSchema = z
  .object({
    score: z.number().finite().optional(),
    max_score: z.number().finite().min(0).optional(),
    status: z.enum(['passed', 'failed']).optional(),
    name: z.string().optional(),
    name_format: format.optional(),
    number: z.string().optional(),
    output: z.string().optional(),
    output_format: format.optional(),
    tags: z.array(z.string()).optional(),
    visibility: visibility.optional(),
    extra_data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const gradescopeResultsSchema = z
  .object({
    score: z.number().finite().optional(),
    execution_time: z.number().min(0).optional(),
    output: z.string().optional(),
    output_format: format.optional(),
    test_output_format: format.optional(),
    test_name_format: format.optional(),
    visibility: visibility.optional(),
    stdout_visibility: visibility.optional(),
    extra_data: z.record(z.string(), z.unknown()).optional(),
    tests: z.array(gradescopeTestSchema).optional(),
    leaderboard: z.array(z.object({ name: z.string(), value: z.union([z.number(), z.string()]), order: z.enum(['asc', 'desc']).optional() }).strict()).optional(),
  })
  .strict()
  // "a score must come from score or from the tests"
  .refine((r) => r.score !== undefined || (r.tests ?? []).every((t) => t.score !== undefined), { message: 'no score: give score, or a score on every test' });

export type GradescopeFormat = z.infer<typeof format>;
export type GradescopeVisibility = z.infer<typeof visibility>;

/**
 * The exact values of the worked example, for the public specs. They come from
 * worked-example.expected.json, which an independent 50-digit oracle generates
 * (see its `source` field); the article's printed backprop numbers are wrong.
 */
import fixture from './worked-example.expected.json';

/** Every intermediate of the worked example, in the article's names. */
export const EXACT = fixture.worked_example;
/** ReLU′(h1_in), σ′(h2_in), and the article's own loss with its gradient at O_out. */
export const LOCAL = fixture.local_derivatives;
/** A second example (not in the article), for the batch exercises. */
export const SECOND = fixture.second_example;

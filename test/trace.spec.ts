/**
 * The trace's two views and its picture, on modules imported in this process (as the
 * handout's `trace` does): the reference solutions, and the solutions with one file
 * replaced by a catalogued mistake.
 */
import { describe, expect, it } from 'vitest';
import { EXACT } from '../exercises/shared/exact';
import { FLOAT_TOLERANCE, findMismatch } from '../exercises/shared/expect-close';
import { oracle } from '../grader/oracle';
import { kitPath } from '../grader/paths';
import type { ModuleExports } from '../grader/sandbox/host-modules';
import { invokeImported, withImported } from '../grader/student/direct-modules';
import { flowSvg } from '../grader/student/flow-svg';
import { computeCascade, computeIsolated, EXPECTED, firstDivergence, TRACE_KEYS, type TraceEntry } from '../grader/student/trace';
import { divergenceSentence, formatTrace } from '../grader/student/trace-format';
import { loadTrack } from '../grader/track';

const track = loadTrack();

async function modulesWith(overrides: Record<string, string> = {}): Promise<Map<string, ModuleExports | string>> {
  const modules = new Map<string, ModuleExports | string>();
  for (const exercise of track) {
    const file = overrides[exercise.id] ?? kitPath('solutions', exercise.id, exercise.file);
    modules.set(exercise.id, (await import(file)) as ModuleExports);
  }
  return modules;
}

const catalogued = (id: string, file: string) => kitPath('grader', 'misconceptions', 'catalogue', id, file);
const views = (modules: Map<string, ModuleExports | string>) => ({ isolated: computeIsolated(withImported(modules)), cascade: computeCascade(invokeImported(modules)) });
const row = (entries: TraceEntry[], name: string) => entries.find((e) => e.name === name)!;
const wrong = (entries: TraceEntry[]) => entries.filter((e) => e.mismatch !== undefined || e.problem !== undefined).map((e) => e.name);

describe('the expected values', () => {
  it('include the activation derivatives, equal to the float64 oracle’s at the exact h1_in and h2_in', () => {
    expect(TRACE_KEYS).toEqual(expect.arrayContaining(['relu_derivative_h1_in', 'sigmoid_derivative_h2_in', 'dE_dO_out', 'softmax_jacobian', 'delta_O_in', 'delta_h2_in', 'delta_h1_in']));
    expect(findMismatch(EXPECTED.relu_derivative_h1_in, oracle.reluDerivative(EXACT.h1_in), 'ReLU′')).toBeUndefined();
    expect(findMismatch(EXPECTED.sigmoid_derivative_h2_in, oracle.sigmoidDerivative(EXACT.h2_in), 'σ′')).toBeUndefined();
  });
});

describe('the trace of the reference solutions', () => {
  it('is exact in both views, with no divergence', async () => {
    const { isolated, cascade } = views(await modulesWith());
    for (const entries of [isolated, cascade]) {
      expect(entries.map((e) => e.name)).toEqual(TRACE_KEYS);
      expect(wrong(entries)).toEqual([]);
      for (const e of entries) expect(findMismatch(e.value, EXPECTED[e.name], e.name, FLOAT_TOLERANCE)).toBeUndefined();
    }
    expect(firstDivergence(cascade)).toBeUndefined();
    expect(divergenceSentence(cascade)).toContain('No divergence');
  });
});

describe('σ′ computed as z·(1 − z) from the input (the catalogue’s sigmoid-derivative-input-as-output)', async () => {
  const { isolated, cascade } = views(await modulesWith({ '03-sigmoid': catalogued('sigmoid-derivative-input-as-output', 'sigmoid.ts') }));

  it('shows ✗ on the σ′ row of the isolated view, and only there', () => {
    expect(wrong(isolated)).toEqual(['sigmoid_derivative_h2_in']);
    expect(row(isolated, 'sigmoid_derivative_h2_in').mismatch).toContain('sigmoid_derivative_h2_in[0] is -4.72');
  });

  it('names σ′ of exercise 03 as the cascade’s first divergence, and marks what follows from it', () => {
    const first = firstDivergence(cascade)!;
    expect(first).toMatchObject({ name: 'sigmoid_derivative_h2_in', exercise: '03-sigmoid', fn: 'sigmoidDerivative' });
    expect(first.wrongInputs).toBeUndefined();
    // everything before it is exact; everything downstream of δ_h2 is wrong, each because of a wrong input
    expect(wrong(cascade)).toEqual(['sigmoid_derivative_h2_in', 'delta_h2_in', 'dW_jk', 'db_k', 'dE_dh1_out', 'delta_h1_in', 'dW_ij', 'db_j', 'W_ij_updated', 'W_jk_updated', 'b_j_updated', 'b_k_updated']);
    expect(row(cascade, 'delta_h2_in').wrongInputs).toEqual(['sigmoid_derivative_h2_in']);
    expect(row(cascade, 'dW_ij').wrongInputs).toEqual(['delta_h1_in']);
    expect(row(cascade, 'relu_derivative_h1_in').mismatch).toBeUndefined();
  });

  it('prints ✗ on the σ′ row in both views, and the first divergence with its exercise', () => {
    const text = formatTrace({ isolated, cascade }, 'your code');
    expect(text.match(/^sigmoid_derivative_h2_in +03 sigmoidDerivative +✗/gm)).toHaveLength(2);
    expect(text).toMatch(/^delta_h2_in +10 deltaThroughActivation +✓/m); // isolated: from the exact σ′
    expect(text).toMatch(/^delta_h2_in +10 deltaThroughActivation +✗ .*\n.*↳ follows from wrong input: sigmoid_derivative_h2_in/m);
    expect(text).toContain('↳ FIRST DIVERGENCE');
    expect(text).toContain('27/28 quantities exact.');
    expect(text).toContain('16/28 quantities exact.');
    expect(text.trim().split('\n').at(-1)).toBe('First divergence: sigmoid_derivative_h2_in is wrong. It was computed by sigmoidDerivative of exercise 03-sigmoid, from inputs that were all right: start there.');
  });

  it('draws the picture with the σ′ cells framed as the first divergence, each wrong value marked and its exact value beside it', () => {
    const svg = flowSvg(cascade, { id: 'flow' });
    expect(svg.match(/class="first-divergence"/g)).toHaveLength(3);
    // σ′ of the three h2 neurons: wrong value, mark, exact value (the fixture's, to four digits)
    for (const [i, exact] of EXPECTED.sigmoid_derivative_h2_in.entries()) {
      expect(svg).toContain(`↳ should be ${Number(exact.toPrecision(4))}`);
      expect(svg).toContain(`>${Number((row(cascade, 'sigmoid_derivative_h2_in').value as number[])[i]!.toPrecision(4))}<`);
    }
    // ✗ on: 9 dW_jk and 9 dW_ij connections; σ′, δ and ∂E/∂b of each h2 neuron; ∂E/∂out, δ and ∂E/∂b of each h1
    // neuron; W_ij, W_jk, b_j and b_k after the step.
    expect(svg.match(/class="mark mark-wrong"/g)).toHaveLength(18 + 9 + 9 + 4);
    // ✓ on: 9 dW_kl connections; in, out, ∂E/∂out of each h2 neuron; in, out, ReLU′ of each h1 neuron; the five
    // computed lines of each output neuron; the 9 Jacobian entries; the loss; W_kl and b_l after the step
    expect(svg.match(/class="mark mark-right"/g)).toHaveLength(9 + 9 + 9 + 15 + 9 + 1 + 2);
    expect(svg).toMatch(/<svg id="flow" class="flow" role="img" aria-labelledby="flow-title flow-desc"/);
    expect(svg).toMatch(/<desc id="flow-desc">[^<]*First divergence: sigmoid_derivative_h2_in, from sigmoidDerivative of exercise 03-sigmoid/);
    expect(svg).toContain('⚑ First divergence: sigmoid_derivative_h2_in');
  });
});

describe('the cascade when a step is missing or the run stops', () => {
  it('a stub: the first divergence is its row, and what needs it is not computed', async () => {
    const { cascade } = views(await modulesWith({ '02-relu': kitPath('exercises', '02-relu', 'relu.ts') }));
    expect(firstDivergence(cascade)).toMatchObject({ name: 'h1_out', exercise: '02-relu', problem: 'not implemented yet' });
    expect(row(cascade, 'h2_in')).toMatchObject({ notComputed: true, problem: 'not computed: your code gave no h1_out' });
    expect(row(cascade, 'h1_in').mismatch).toBeUndefined();
    expect(formatTrace({ cascade }, 'your code')).toMatch(/^h2_in +01 linearForward +– +not computed: your code gave no h1_out$/m);
    const svg = flowSvg(cascade);
    expect(svg).toContain('class="mark mark-none"');
    expect(svg).toContain("⚑ First divergence: h1_out has no value (not implemented yet); it is relu's (exercise 02-relu)".replace("'", '&#39;'));
  });

  it('a run stopped by a limit: the rows after it say so', () => {
    let calls = 0;
    const cascade = computeCascade(() => {
      if (++calls === 3) throw new Error('time limit of 2000 ms reached');
      return { ok: true, result: [0, 0, 0], argsAfter: [] };
    });
    expect(row(cascade, 'h2_in').problem).toBe('not computed: the run stopped (time limit of 2000 ms reached)');
    expect(row(cascade, 'b_l_updated').problem).toBe('not computed: the run stopped (time limit of 2000 ms reached)');
    expect(calls).toBe(3);
  });

  it('text from the code (an error message) is escaped in the picture', () => {
    const cascade = computeCascade(() => ({ ok: false, error: { name: 'Error', message: '<script>alert(1)</script>', notImplemented: false } }));
    const svg = flowSvg(cascade);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

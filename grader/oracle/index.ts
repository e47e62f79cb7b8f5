/** The float64 oracle the hidden specs compare students with. */
import { floatArith } from './arith';
import { makeOracle } from './network';

export const oracle = makeOracle(floatArith);
export { makeOracle };

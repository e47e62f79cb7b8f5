/** The fixed error every untouched stub throws. Specs and the grader recognise it by name. */
export class NotImplementedError extends Error {
  override readonly name = 'NotImplementedError';
  constructor(readonly exercise: string, readonly fn: string) {
    super(`TODO: ${fn} is not implemented yet (exercise ${exercise})`);
  }
}

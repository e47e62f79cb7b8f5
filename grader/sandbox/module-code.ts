/** A compiled CommonJS module, as the sandbox and the host-side loader take it. */
export interface ModuleCode {
  /** `NN-slug` for a step, `shared/<name>` for a shared file */
  id: string;
  js: string;
  /** the kit's own code (reference solutions, shared files): compiled once per isolate and reused */
  kit?: boolean;
}

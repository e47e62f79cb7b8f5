/**
 * The JavaScript that runs first in every sandbox context, before any student code.
 * It keeps its own copies of the built-ins it needs (student code may patch the
 * context's Math, Array.prototype, JSON, … — that only affects the student), and it
 * returns its interface — one `kit(operation, …)` function — to the host instead of
 * putting it on globalThis, so student code cannot reach the module registry.
 *
 * Modules are CommonJS factories registered by id: `NN-slug` for steps,
 * `shared/<name>` for shared files. A module may require only `../<id>/<file>` paths.
 */
import { MODULE_SPECIFIER } from './module-code';

export const BOOTSTRAP_SOURCE = String.raw`(function () {
  'use strict';
  const ObjectKeys = Object.keys;
  const ObjectCreate = Object.create;
  const ArrayIsArray = Array.isArray;
  const FunctionCtor = Function;
  const StringCtor = String;
  const ReflectApply = Reflect.apply;
  const toStringTag = Function.prototype.call.bind(Object.prototype.toString);
  const stringSlice = Function.prototype.call.bind(String.prototype.slice);
  const regexExec = Function.prototype.call.bind(RegExp.prototype.exec);
  const SPECIFIER = /${MODULE_SPECIFIER.source}/;
  const OUTPUT_LIMIT = 4000;
  const RESULT_BUDGET = 1000000;
  // deeper than any answer (a matrix is 2 levels, a trace 3), shallow enough for every copy after this one
  const RESULT_DEPTH = 64;

  const factories = ObjectCreate(null);
  const modules = ObjectCreate(null);
  let output = '';

  function show(value) {
    try { return typeof value === 'string' ? value : StringCtor(value); } catch (_) { return '[unprintable]'; }
  }
  function record() {
    if (output.length >= OUTPUT_LIMIT) return;
    let line = '';
    for (let i = 0; i < arguments.length; i++) line += (i ? ' ' : '') + show(arguments[i]);
    output += stringSlice(line, 0, OUTPUT_LIMIT - output.length) + '\n';
  }
  globalThis.console = { log: record, info: record, warn: record, error: record, debug: record };
  // Graded code imports the reference solutions of other steps: a function printed into the
  // student's feedback would show their source. Every function prints as a built-in does, by
  // name only. The original is kept nowhere, so no route (call, apply, descriptor) reaches it.
  const hiddenSource = {
    toString() {
      if (typeof this !== 'function') throw new TypeError('Function.prototype.toString requires that "this" be a Function');
      let name = '';
      try {
        const own = this.name;
        if (typeof own === 'string') name = stringSlice(own, 0, 100);
      } catch (_) {
        // a name getter that throws: no name
      }
      return 'function ' + name + '() { [native code] }';
    },
  }.toString;
  Object.defineProperty(Function.prototype, 'toString', { value: hiddenSource, writable: true, enumerable: false, configurable: true });
  // Memory outside the isolate's heap is beyond the reach of its memory limit, and graded code
  // has no use for what allocates it: a WebAssembly.Memory (a few calls commit gigabytes), a
  // growable SharedArrayBuffer and a resizable ArrayBuffer (they grow in place), Intl's
  // formatters (native objects behind small handles). Atomics goes with shared memory
  // (Atomics.waitAsync with a timeout aborts the whole process).
  delete globalThis.WebAssembly;
  delete globalThis.SharedArrayBuffer;
  delete globalThis.Atomics;
  delete globalThis.Intl;
  const NativeArrayBuffer = ArrayBuffer;
  const ReflectConstruct = Reflect.construct;
  // the same prototype, so buffers made by typed arrays are ArrayBuffers as before; only the
  // options argument (maxByteLength: resizable) is refused
  const FixedArrayBuffer = function ArrayBuffer(length, options) {
    if (new.target === undefined) throw new TypeError("Constructor ArrayBuffer requires 'new'");
    if (options !== undefined) throw new TypeError('resizable ArrayBuffers are not available here');
    return ReflectConstruct(NativeArrayBuffer, [length], new.target);
  };
  FixedArrayBuffer.prototype = NativeArrayBuffer.prototype;
  FixedArrayBuffer.isView = NativeArrayBuffer.isView;
  NativeArrayBuffer.prototype.constructor = FixedArrayBuffer;
  delete NativeArrayBuffer.prototype.resize;
  globalThis.ArrayBuffer = FixedArrayBuffer;

  function resolve(fromId, specifier) {
    const match = typeof specifier === 'string' ? regexExec(SPECIFIER, specifier) : null;
    if (!match) throw new Error('cannot import "' + show(specifier) + '" from ' + fromId + ': graded code may import only other exercises (../NN-name/file) and ../shared/');
    return match[1] === 'shared' ? 'shared/' + match[2] : match[1];
  }

  function load(id) {
    const existing = modules[id];
    if (existing) return existing.exports;
    const factory = factories[id];
    if (!factory) throw new Error('module ' + id + ' is not available here');
    const module = { exports: {} };
    modules[id] = module;
    factory(module.exports, function require(specifier) { return load(resolve(id, specifier)); }, module);
    return module.exports;
  }

  /**
   * Copies a result into plain data (arrays, plain objects, primitives), reading every value once.
   * Every value costs one unit of the budget and every character of a string or a key one more:
   * a million references to one long string are a million strings once copied out of the isolate.
   */
  function spend(budget, units) {
    budget.left -= units;
    if (budget.left < 0) throw new RangeError('the result is too large (more than ' + RESULT_BUDGET + ' values and characters)');
  }
  function toPlain(value, budget, depth) {
    spend(budget, 1);
    depth = depth || 0;
    if (depth > RESULT_DEPTH) throw new RangeError('the result is nested more than ' + RESULT_DEPTH + ' levels deep');
    if (value === null || value === undefined) return value;
    const type = typeof value;
    if (type === 'number' || type === 'boolean') return value;
    if (type === 'string') {
      const text = stringSlice(value, 0, 1000);
      spend(budget, text.length);
      return text;
    }
    if (type !== 'object') return { __kitUnsupported: type };
    if (ArrayIsArray(value)) {
      const length = value.length;
      if (!(length >= 0 && length <= RESULT_BUDGET)) throw new RangeError('the result has an impossible length');
      const copy = new Array(length);
      for (let i = 0; i < length; i++) copy[i] = toPlain(value[i], budget, depth + 1);
      return copy;
    }
    const tag = stringSlice(toStringTag(value), 8, -1);
    if (tag !== 'Object') return { __kitUnsupported: tag };
    const copy = {};
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length; i++) {
      spend(budget, keys[i].length);
      copy[keys[i]] = toPlain(value[keys[i]], budget, depth + 1);
    }
    return copy;
  }

  function decodeArgs(args) {
    const decoded = new Array(args.length);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      decoded[i] = a !== null && typeof a === 'object' && typeof a.__kitFn === 'string'
        ? FunctionCtor('"use strict"; return (' + a.__kitFn + ');')()
        : a;
    }
    return decoded;
  }

  function argsAfter(decoded) {
    const copy = new Array(decoded.length);
    for (let i = 0; i < decoded.length; i++) copy[i] = typeof decoded[i] === 'function' ? null : toPlain(decoded[i], { left: RESULT_BUDGET });
    return copy;
  }

  function errorInfo(error) {
    let name = 'Error';
    let message = '';
    try {
      if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
        name = show(error.name);
        message = show(error.message);
      } else {
        name = 'a thrown ' + typeof error;
        message = show(error);
      }
    } catch (_) {
      message = '(the thrown value could not be read)';
    }
    return { name: stringSlice(name, 0, 100), message: stringSlice(message, 0, 500), notImplemented: name === 'NotImplementedError' };
  }

  const operations = {
    define(id, factory) { factories[id] = factory; },
    load(id) {
      try { load(id); return { ok: true }; } catch (error) { return { ok: false, error: errorInfo(error) }; }
    },
    invoke(id, name, args) {
      try {
        const exports = load(id);
        const fn = exports[name];
        if (typeof fn !== 'function') {
          return { ok: false, error: { name: 'MissingExport', message: name + ' is not exported as a function', notImplemented: false } };
        }
        const decoded = decodeArgs(args);
        const result = ReflectApply(fn, undefined, decoded);
        // an argument handed back as the result: the host sees only copies, so it is told here
        let returned = -1;
        if (result !== null && typeof result === 'object') for (let i = 0; i < decoded.length && returned < 0; i++) if (decoded[i] === result) returned = i;
        const plain = toPlain(result, { left: RESULT_BUDGET });
        const after = argsAfter(decoded);
        return returned < 0 ? { ok: true, result: plain, argsAfter: after } : { ok: true, result: plain, argsAfter: after, returnedArgument: returned };
      } catch (error) {
        return { ok: false, error: errorInfo(error) };
      }
    },
    output() { return output; },
  };
  // one function for the host to hold: fewer references to cross the boundary for
  return function kit(operation, a, b, c) { return operations[operation](a, b, c); };
})()`;

/** Wraps CommonJS module code as a factory expression `(function (exports, require, module) { … })`. */
export function wrapModule(js: string): string {
  return `(function (exports, require, module) {\n${js}\n})`;
}

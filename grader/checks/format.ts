/** Short, readable renderings of inputs and values for feedback (never the spec's code). */

const MAX_ITEMS = 6;

/** −0 prints as 0: "expected -0" beside "should be 0" only confuses (every comparison treats them as equal). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}

export function formatValue(value: unknown, depth = 0): string {
  if (typeof value === 'number') return formatNumber(value);
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) {
    if (depth >= 2) return `[${value.length} items]`;
    const shown = value.slice(0, MAX_ITEMS).map((v) => formatValue(v, depth + 1));
    const more = value.length > MAX_ITEMS ? `, … ${value.length - MAX_ITEMS} more` : '';
    return `[${shown.join(', ')}${more}]`;
  }
  if (typeof value === 'object') {
    const fn = (value as { __kitFn?: unknown }).__kitFn;
    if (typeof fn === 'string') return fn;
    if (depth >= 1) return `{${Object.keys(value).join(', ')}}`;
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${Array.isArray(v) && Array.isArray(v[0]) ? `${v.length}×${(v[0] as unknown[]).length} matrix` : formatValue(v, depth + 1)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return typeof value;
}

export function formatCall(fn: string, args: unknown[]): string {
  return `${fn}(${args.map((a) => formatValue(a)).join(', ')})`;
}

/**
 * The page `trace --html FILE` writes: the picture of the gradient flow, then the same
 * trace as text (both views), which is also the picture's long text alternative. One
 * self-contained file: inline style, no script, nothing fetched.
 */
import { escapeXml } from '../escape-xml';
import { flowSvg } from './flow-svg';
import { divergenceSentence, formatTrace } from './trace-format';
import type { TraceEntry } from './trace';

export function flowPage(views: { isolated: TraceEntry[]; cascade: TraceEntry[] }, source: string): string {
  const title = `The gradient flow of the worked example through ${source}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeXml(title)}</title>
<style>
  body { margin: 0; background: #f8fafc; color: #1f2937; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { padding: 20px; }
  h1 { font-size: 1.4rem; margin: 0 0 6px; }
  h2 { font-size: 1.1rem; margin: 24px 0 6px; }
  .figure { background: #fff; border: 1px solid #e5e7eb; border-radius: 10px; padding: 10px; overflow-x: auto; }
  pre { background: #fff; border: 1px solid #e5e7eb; border-radius: 10px; padding: 12px; overflow-x: auto; font: 13px/1.4 ui-monospace, Menlo, Consolas, monospace; }
</style>
</head>
<body>
<main>
<h1>${escapeXml(title)}</h1>
<p id="divergence">${escapeXml(divergenceSentence(views.cascade))}</p>
<p>The picture shows the cascade: your steps chained, each fed by your own earlier results. The tables under it give every value in full, in both views.</p>
<div class="figure">
${flowSvg(views.cascade, { id: 'gradient-flow', caption: title })}
</div>
<h2>Every quantity, as text</h2>
<pre id="trace-text">${escapeXml(formatTrace(views, source))}</pre>
</main>
</body>
</html>
`;
}

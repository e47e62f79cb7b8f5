/**
 * Markdown escaping for text that may come from students. Handlebars only knows HTML
 * escaping, which is safe in Markdown text but shows up literally inside code spans,
 * so the Markdown templates say what each value is: text, inline code, a table cell or
 * a code block.
 */

import { printable } from '../printable';

const ONE_LINE = /\r\n|\r|\n/g;

/** Inline text: no emphasis, links, HTML, headings or list markers can come out of it. */
export function markdownText(value: unknown): string {
  return printable(String(value ?? '').replace(ONE_LINE, ' '))
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** An inline code span that holds any text: the fence is longer than any run of backticks inside. */
export function markdownCode(value: unknown, options: { inTable?: boolean } = {}): string {
  let text = printable(String(value ?? '').replace(ONE_LINE, ' '));
  // in a GFM table a pipe ends the cell even inside a code span, unless escaped
  if (options.inTable) text = text.replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced block for printed output or anything over several lines. */
export function markdownBlock(value: unknown, language = 'text'): string {
  const text = printable(String(value ?? '').replace(/\r\n?/g, '\n').replace(/\n$/, ''));
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/**
 * Templates leave a few doubled blank lines where optional parts are absent: collapse them,
 * outside fenced blocks only (printed output stays exactly as printed), and end with one newline.
 */
export function tidyMarkdown(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    if (fence === undefined) {
      const opening = /^(`{3,})/.exec(line);
      if (opening) fence = opening[1];
      else if (line.trim() === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
      out.push(line.trim() === '' ? '' : line);
    } else {
      if (line === fence) fence = undefined;
      out.push(line);
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

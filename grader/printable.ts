/**
 * Text from submissions (student ids, file names, printed output, error messages) may
 * hold control characters — an escape sequence that clears the screen or rewrites a line.
 * Shown as `\uXXXX` instead, so a terminal or a Markdown viewer never obeys them. Tab and
 * line breaks are kept unless the text must stay on one line.
 */
export function printable(text: string, options: { oneLine?: boolean } = {}): string {
  const control = options.oneLine ? /[\u0000-\u001f\u007f-\u009f]/g : /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
  return text.replace(control, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

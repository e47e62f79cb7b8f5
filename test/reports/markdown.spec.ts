/** Markdown escaping for student text: inline text, code spans, table cells, blocks. */
import { describe, expect, it } from 'vitest';
import { markdownBlock, markdownCode, markdownText, tidyMarkdown } from '../../grader/reports/markdown';

describe('Markdown escaping', () => {
  it('keeps inline text from becoming HTML, links, emphasis, headings or list items', () => {
    expect(markdownText('<script>x</script> [a](b) *c* _d_ `e` | f & g')).toBe('\\<script\\>x\\</script\\> \\[a\\](b) \\*c\\* \\_d\\_ \\`e\\` \\| f \\& g');
    expect(markdownText('# title')).toBe('\\# title');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('1. item')).toBe('1\\. item');
    expect(markdownText('two\nlines')).toBe('two lines');
  });

  it('fences code spans longer than any backtick run inside', () => {
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`');
    expect(markdownCode('<img src=x>')).toBe('`<img src=x>`');
  });

  it('fences blocks longer than any backtick run inside, and tidy leaves their blank lines alone', () => {
    const block = markdownBlock('```\nclosed?\n\n\n```');
    expect(block).toBe('````text\n```\nclosed?\n\n\n```\n````');
    expect(tidyMarkdown(`a\n\n\n\nb\n\n${block}\n\n\n`)).toBe(`a\n\nb\n\n${block}\n`);
  });
});

describe('control characters from students', () => {
  it('are shown as \\u escapes in text, code and blocks, so a terminal never obeys them', () => {
    const hostile = 'a\u001b[2Jb\u0007c';
    for (const rendered of [markdownText(hostile), markdownCode(hostile), markdownBlock(`${hostile}\nline two`)]) {
      expect(rendered).not.toMatch(/[\u001b\u0007]/);
      expect(rendered).toMatch(/u001b.*u0007c/); // in text, Markdown's own escapes come on top
    }
    expect(markdownBlock('tab\there\nnext')).toContain('tab\there\nnext');
  });
});

/**
 * The reports of a small, realistically graded class: Gradescope results.json, the
 * feedback in Markdown and HTML, and the class files. Grading happens once, in
 * helpers.ts; every test reads the same records.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KitError } from '../../grader/errors';
import { gradescopeResultsSchema, summarizeClass, toCsv, toGradescope, writeClassReports, writeStudentReports } from '../../grader/reports';
import type { ClassResults } from '../../grader/reports';
import { kitPath } from '../../grader/paths';
import { prepareTemplates, render, TEMPLATE_NAMES } from '../../grader/reports/templates';
import { round } from '../../grader/scoring/score';
import type { StudentRecord } from '../../grader/results/types';
import { HOSTILE_ID, HOSTILE_MESSAGE, HOSTILE_OUTPUT, isNetworkUrl, markdownOutsideCode, parseCsv, referencedUrls, reportClass, tempOut } from './helpers';

const BASE_URL = 'https://git.example.edu/course/handout/blob/main/';
const outs: { remove: () => void }[] = [];
const out = () => {
  const made = tempOut();
  outs.push(made);
  return made.dir;
};
afterAll(() => outs.forEach((o) => o.remove()));

const studentFiles = (outDir: string, record: StudentRecord) => {
  const dir = path.join(outDir, 'students', record.dir);
  return {
    md: readFileSync(path.join(dir, 'feedback.md'), 'utf8'),
    html: readFileSync(path.join(dir, 'feedback.html'), 'utf8'),
    json: readFileSync(path.join(dir, 'results.json'), 'utf8'),
  };
};
const checkOf = (record: StudentRecord, number: string) => record.exercises.flatMap((e) => e.checks).find((c) => c.number === number)!;
const testOf = (record: StudentRecord, number: string) => toGradescope(record, { readmeBaseUrl: BASE_URL }).tests.find((t) => t.number === number)!;

describe('Gradescope results.json', () => {
  it('is valid against the Gradescope format for every student, with no timing fields', () => {
    for (const record of reportClass().all) {
      const results = toGradescope(record);
      expect(() => gradescopeResultsSchema.parse(results), record.studentId).not.toThrow();
      expect(results).toMatchObject({ score: record.score, output_format: 'md', test_output_format: 'md', visibility: 'visible' });
      expect(JSON.stringify(results)).not.toMatch(/execution_time|gradingMs/);
    }
  });

  it('has one test per hidden check and one for the integration run, whose scores add up to the record', () => {
    for (const record of reportClass().all) {
      const { tests } = toGradescope(record);
      const checks = record.exercises.flatMap((e) => e.checks);
      expect(tests).toHaveLength(checks.length + 1);
      expect(tests.map((t) => t.number)).toEqual([...checks.map((c) => c.number), String(record.exercises.length + 1)]);
      expect(new Set(tests.map((t) => t.name)).size).toBe(tests.length);
      // each check's points are rounded to 3 decimals in the record, so sums may differ by that much per check
      const slack = 0.0005 * tests.length + 1e-9;
      expect(Math.abs(tests.reduce((s, t) => s + t.score, 0) - record.score)).toBeLessThanOrEqual(slack);
      expect(Math.abs(tests.reduce((s, t) => s + t.max_score, 0) - record.maxScore)).toBeLessThanOrEqual(slack);
      tests.slice(0, -1).forEach((test, i) => {
        expect(test.status).toBe(checks[i]!.status === 'passed' ? 'passed' : 'failed');
        expect(test.tags).toContain(`status:${checks[i]!.status}`);
      });
    }
  });

  it('tells a failed check in full: expected, actual, input, the named misconception and the README', () => {
    const { bob } = reportClass();
    const check = checkOf(bob, '4.3');
    expect(check.failure?.misconceptions.map((m) => m.id)).toContain('softmax-without-max-shift');
    const test = testOf(bob, '4.3');
    expect(test.name).toBe(`04 softmax › ${check.name}`);
    expect(test).toMatchObject({ status: 'failed', score: 0, max_score: check.maxScore });
    expect(test.tags).toEqual(['exercise:04-softmax', 'status:failed', 'misconception:softmax-without-max-shift']);
    expect(test.output).toContain('`softmax([1000, 1001, 1002])`');
    expect(test.output).toContain(`\`${String(check.failure!.expected)}\``);
    expect(test.output).toContain('`NaN`');
    expect(test.output).toContain('Softmax without subtracting the maximum');
    expect(test.output).toContain('Infinity/Infinity is NaN');
    expect(test.output).toContain(`(<${BASE_URL}exercises/04-softmax/README.md>)`);
    expect(testOf(bob, '4.1')).toMatchObject({ status: 'passed', tags: ['exercise:04-softmax', 'status:passed'] });
  });

  it('gives checks that could not run the reason, compiler problems with line numbers, and limits', () => {
    const { carol } = reportClass();
    const syntax = testOf(carol, '2.1');
    expect(syntax.tags).toEqual(['exercise:02-relu', 'status:not-run', 'exercise-status:syntax-error']);
    expect(syntax.output).toContain('relu.ts has a syntax error');
    expect(syntax.output).toMatch(/- line 1: `',' expected\.` \(syntax\)/);
    expect(testOf(carol, '11.1').output).toMatch(/- line \d+: `Type 'string\[\]' is not assignable/);
    expect(testOf(carol, '10.1').output).toContain('time limit of 400 ms');
    expect(testOf(carol, '10.2').output).toContain('time limit of 400 ms');
    expect(testOf(carol, '9.1').output).toContain('exercises/09-weight-gradient/weight-gradient.ts was not found');
    expect(testOf(carol, '3.1').tags).toContain('exercise-status:not-implemented');
    expect(testOf(carol, '3.1').output).toContain('not implemented');
  });

  it('adds the integration run as a last test, worth its points, with the quantities', () => {
    const { alice, bob } = reportClass();
    const integration = toGradescope(bob).tests.at(-1)!;
    expect(integration).toMatchObject({ number: '17', max_score: bob.integration.maxScore, status: 'failed', tags: ['integration', 'status:failed'] });
    expect(integration.output).toContain('20 of 26 quantities right, 6 wrong, 0 unavailable');
    expect(integration.output).toContain('`W_ij_updated`');
    expect(toGradescope(alice).tests.at(-1)!.status).toBe('passed');
    const worthPoints = structuredClone(bob);
    worthPoints.integration = { ...worthPoints.integration, maxScore: 5, score: round((5 * 20) / 26) };
    expect(toGradescope(worthPoints).tests.at(-1)).toMatchObject({ max_score: 5, score: worthPoints.integration.score });
    expect(toGradescope(bob).extra_data).toMatchObject({ integration: { right: 20, wrong: 6, unavailable: 0, total: 26 }, limits: { timeoutMs: 400, memoryMb: 64 } });
  });

  it('summarises the submission on top: total, every exercise, and notes such as a nested folder or a missing file', () => {
    const { output, score } = toGradescope(reportClass().carol);
    expect(output).toContain(`**Total: ${score} / 160**`);
    expect(output).toContain('02 ReLU and its derivative: 0 / 10, syntax error');
    expect(output).toContain('Your exercises were inside the folder my-work/');
    expect(output).toContain('Not found: exercises/09-weight-gradient/weight-gradient.ts');
    expect(output.split('\n').filter((line) => /^- [✓✗] \d\d /.test(line))).toHaveLength(16);
  });

  it('shows names, messages, inputs and values of the hidden checks, never their code', () => {
    const text = JSON.stringify(reportClass().all.map((r) => toGradescope(r)));
    for (const code of ['defineHiddenSpec', 'expectClose', 'oracle.', 'run(t)', 't.rng', 't.call(']) expect(text).not.toContain(code);
  });

  it('renders identically for identical grades, whatever the grading took', () => {
    const { bob } = reportClass();
    const slower = structuredClone(bob);
    slower.timing.gradingMs = 987_654;
    expect(JSON.stringify(toGradescope(slower))).toBe(JSON.stringify(toGradescope(bob)));
  });
});

describe('student feedback (feedback.md, feedback.html, results.json)', () => {
  it('writes the three files under students/<dir>/, byte-identical for the same grades', () => {
    const { bob, hostile } = reportClass();
    const first = out();
    const second = out();
    for (const record of [bob, hostile]) {
      writeStudentReports(first, record);
      const slower = structuredClone(record);
      slower.timing.gradingMs += 5000;
      writeStudentReports(second, slower);
      expect(readdirSync(path.join(first, 'students', record.dir)).sort()).toEqual(['feedback.html', 'feedback.md', 'results.json']);
      expect(studentFiles(second, record)).toEqual(studentFiles(first, record));
    }
    expect(readdirSync(path.join(first, 'students')).sort()).toEqual([bob.dir, hostile.dir].sort());
    expect(JSON.parse(studentFiles(first, bob).json)).toEqual(toGradescope(bob));
  });

  it('shows each failed check with expected vs actual on its input, the misconception explained, and the README', () => {
    const { bob } = reportClass();
    const dir = out();
    writeStudentReports(dir, bob, { readmeBaseUrl: BASE_URL, courseTitle: 'Backprop course, spring term' });
    const { md, html } = studentFiles(dir, bob);
    for (const text of [md, html]) {
      expect(text).toContain('Backprop course, spring term');
      expect(text).toContain('4.3 softmax of large logits is finite and exact');
      expect(text).toContain('softmax([1000, 1001, 1002])');
      expect(text).toContain('0.09003057317038046');
      expect(text).toContain('Softmax without subtracting the maximum');
      expect(text).toContain('SGD step adds the gradient instead of subtracting it');
      expect(text).toContain(`${BASE_URL}exercises/04-softmax/README.md`);
    }
    expect(md).toContain('- Your code gave: `NaN`');
    expect(html).toContain(`<a href="${BASE_URL}exercises/04-softmax/README.md">exercises/04-softmax/README.md</a>`);
    // failures first, passed checks collapsed into one line (HTML: a closed <details>); checks of a property
    // (inputs left unchanged, a single logit) do not count while softmax's values are wrong
    const softmax = html.slice(html.indexOf('id="exercise-04-softmax"'), html.indexOf('id="exercise-05-cross-entropy"'));
    expect(softmax.indexOf('4.3 softmax of large logits')).toBeLessThan(softmax.indexOf('4 checks passed'));
    expect(softmax).toMatch(/<details><summary>✓ 4 checks passed\.<\/summary>/);
    expect(html).toContain('id="exercise-01-linear-forward"');
    expect(md).toMatch(/## 01 · Linear layer forward \(x·W \+ b\): [\d.]+ \/ 10\n\n✓ All 6 checks passed\.\n\n## 02/);
    // the integration run, compactly: every quantity once, the wrong ones with their first difference
    expect(md).toContain('20 of 26 quantities right, 6 wrong, 0 unavailable');
    expect((html.match(/<li class="q-(right|wrong|unavailable)"/g) ?? []).length).toBe(26);
    expect(html).toContain('W_ij_updated[0][0] is 0.10000724673340196 but should be 0.09999275326659805');
    expect(md).toContain('What your code printed:\n\n```text\ndebug <b>loss</b> | 1 `tick`\n```');
  });

  it('without a README base URL names the handout file and links nowhere', () => {
    const { carol } = reportClass();
    const dir = out();
    writeStudentReports(dir, carol);
    const { md, html } = studentFiles(dir, carol);
    expect(md).toContain('Read again: `exercises/02-relu/README.md` in your handout');
    expect(html).toContain('Read again: <code>exercises/02-relu/README.md</code> in your handout');
    expect(referencedUrls(html).filter(isNetworkUrl)).toEqual([]);
  });

  it('names the limit a timeout hit, with its value, and gives compiler problems with their line', () => {
    const { carol } = reportClass();
    const dir = out();
    writeStudentReports(dir, carol);
    const { md, html } = studentFiles(dir, carol);
    for (const text of [md, html]) {
      expect(text).toContain('time limit reached (400 ms)');
      expect(text).toContain('stopped after the time limit of 400 ms (memory limit 64 MB)');
      expect(text).toContain('not implemented yet (still the stub)');
      expect(text).toContain('exercises/09-weight-gradient/weight-gradient.ts was not found in the submission');
      expect(text).toContain('Your exercises were inside the folder my-work/; they were graded from there.');
    }
    expect(md).toContain("- line 1: `',' expected.` (syntax)");
    expect(html).toContain('<li><strong>line 1</strong>: <code>&#x27;,&#x27; expected.</code>');
  });

  it('names the memory limit with its value, and a grader failure, when a record has them', () => {
    const record = structuredClone(reportClass().alice);
    const relu = record.exercises.find((e) => e.exercise === '02-relu')!;
    Object.assign(relu, { status: 'out-of-memory', limitHit: 'memory', message: 'memory limit of 64 MB reached', score: 0 });
    record.graderError = 'the grading worker exited unexpectedly';
    const dir = out();
    writeStudentReports(dir, record);
    const { md, html } = studentFiles(dir, record);
    for (const text of [md, html]) {
      expect(text).toContain('memory limit reached (64 MB)');
      expect(text).toContain('stopped at the memory limit of 64 MB (time limit 400 ms)');
      expect(text).toContain('The grader could not finish grading your submission:');
    }
    expect(summarizeClass([record, reportClass().bob]).failures).toBe(1);
  });

  it('escapes a hostile student id, compiler message, note and printed output', () => {
    const { hostile } = reportClass();
    const dir = out();
    writeStudentReports(dir, hostile);
    const { md, html, json } = studentFiles(dir, hostile);
    for (const raw of ['<script>', '<img src=x', '</pre><script>', '<b>x</b>']) expect(html).not.toContain(raw);
    expect(html).toContain('&lt;script&gt;alert(&quot;id&quot;)&lt;/script&gt; Zoë O&#x27;Brien');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;&quot;alert(&#x27;problem&#x27;)&quot;&gt; &amp; &lt;/pre&gt;');
    expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(&#x27;output&#x27;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|\son\w+=/i);
    // Markdown: outside code spans and blocks no '<' is left unescaped; inside them it is shown as typed
    expect(markdownOutsideCode(md)).not.toMatch(/(?<!\\)</);
    expect(md).toContain(`\`${HOSTILE_MESSAGE}\``);
    expect(md).toContain(`\`\`\`text\n${HOSTILE_OUTPUT}\n\`\`\``);
    expect(JSON.parse(json).extra_data.studentId).toBe(HOSTILE_ID);
  });

  it('refuses a README base URL that is not http(s), and a record whose folder name is unsafe', () => {
    const { bob } = reportClass();
    expect(() => writeStudentReports(out(), bob, { readmeBaseUrl: 'javascript:alert(1)//' })).toThrow(KitError);
    expect(() => toGradescope(bob, { readmeBaseUrl: 'not a url' })).toThrow(/readmeBaseUrl/);
    expect(() => writeStudentReports(out(), { ...bob, dir: '../escape' })).toThrow(/not a safe folder name/);
  });

  it('templates never place unescaped values ({{{…}}})', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.hbs') ? [path.join(dir, d.name)] : []));
    const templates = [...files(kitPath('templates', 'partials')), ...readdirSync(kitPath('templates')).filter((f) => /^(feedback|index|gradescope-)/.test(f)).map((f) => kitPath('templates', f))];
    expect(templates.length).toBeGreaterThan(8);
    for (const file of templates) expect(readFileSync(file, 'utf8'), file).not.toContain('{{{');
  });
});

describe('class reports (index.html, grades.csv, results.json)', () => {
  it('summarises the class: students, mean, failures, pass rates and misconceptions by student count', () => {
    const { all, dave } = reportClass();
    const summary = summarizeClass(all);
    expect(summary).toMatchObject({ students: 5, maxScore: 160, failures: 1 });
    expect(summary.meanScore).toBeCloseTo(all.reduce((s, r) => s + r.score, 0) / 5, 2);
    expect(summary.perExercise.map((e) => e.exercise)).toEqual(dave.exercises.map((e) => e.exercise));
    // 04: alice, carol and the hostile copy pass every check; bob fails three; dave has nothing
    expect(summary.perExercise.find((e) => e.exercise === '04-softmax')).toMatchObject({ passRate: 0.6, maxScore: 10 });
    expect(summary.misconceptions).toContainEqual({ id: 'softmax-without-max-shift', title: 'Softmax without subtracting the maximum', exercise: '04-softmax', students: 1 });
    expect(summarizeClass([])).toEqual({ students: 0, meanScore: 0, maxScore: 0, failures: 0, perExercise: [], misconceptions: [] });
  });

  it('writes the three class files, identical whatever the order of the records', () => {
    const { all } = reportClass();
    const [first, second] = [out(), out()];
    const summary = writeClassReports(first, all, { courseTitle: 'Backprop course' });
    writeClassReports(second, [...all].reverse(), { courseTitle: 'Backprop course' });
    expect(summary).toEqual(summarizeClass(all));
    for (const file of ['index.html', 'grades.csv', 'results.json']) {
      expect(readFileSync(path.join(second, file), 'utf8'), file).toBe(readFileSync(path.join(first, file), 'utf8'));
    }
    const results = JSON.parse(readFileSync(path.join(first, 'results.json'), 'utf8')) as ClassResults;
    expect(results.summary).toEqual(summary);
    const ids = all.map((r) => r.studentId).sort((a, b) => (a < b ? -1 : 1));
    expect(results.students.map((s) => s.id)).toEqual(ids);
    const dave = results.students.find((s) => s.id === 'dave')!;
    expect(dave).toMatchObject({ dir: 'dave', score: 0, maxScore: 160, failed: true });
    expect(dave.exercises).toHaveLength(16);
    expect(results.students.find((s) => s.id === 'carol')!.exercises.find((e) => e.exercise === '10-backprop-delta')).toEqual({ exercise: '10-backprop-delta', score: 0, maxScore: 10, status: 'timeout' });
  });

  it('index.html lists every student with a link to their feedback, draws both charts inline, and loads nothing', () => {
    const { all, hostile } = reportClass();
    const dir = out();
    writeClassReports(dir, all);
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    for (const record of all.filter((r) => r !== hostile)) expect(html).toContain(`<a href="students/${record.dir}/feedback.html">${record.studentId}</a>`);
    expect(html).toContain(`<a href="students/${hostile.dir}/feedback.html">&lt;script&gt;alert(&quot;id&quot;)&lt;/script&gt; Zoë O&#x27;Brien, &quot;&#x3D;HYPERLINK(1)&quot;</a>`);
    expect(html).toMatch(/<svg id="score-histogram"[^>]*role="img"/);
    expect(html).toMatch(/<svg id="pass-rates"[^>]*role="img"/);
    expect((html.match(/<rect class="bar"/g) ?? []).length).toBe(10 + 16);
    expect(html).toContain('Softmax without subtracting the maximum');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\son\w+=/i);
    expect(referencedUrls(html).filter(isNetworkUrl)).toEqual([]);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('feedback pages link out only to the README base URL', () => {
    const { all } = reportClass();
    const dir = out();
    for (const record of all) writeStudentReports(dir, record, { readmeBaseUrl: BASE_URL });
    for (const record of all) {
      const urls = referencedUrls(studentFiles(dir, record).html).filter(isNetworkUrl);
      expect(urls.every((url) => url.startsWith(`${BASE_URL}exercises/`) && url.endsWith('/README.md')), urls.join(' ')).toBe(true);
    }
  });

  it('grades.csv has a header and one row per student, sorted by id, that read back exactly', () => {
    const { all, hostile } = reportClass();
    const rows = parseCsv(toCsv(all));
    const exercises = all[0]!.exercises.map((e) => e.exercise);
    expect(rows[0]).toEqual(['student_id', ...exercises, 'integration', 'total', 'max']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(all.map((r) => r.studentId).sort((a, b) => (a < b ? -1 : 1)));
    for (const row of rows.slice(1)) {
      const record = all.find((r) => r.studentId === row[0])!;
      expect(row.slice(1).map(Number)).toEqual([...record.exercises.map((e) => e.score), record.integration.score, record.score, record.maxScore]);
      expect(row.slice(1).every((cell) => /^\d+(\.\d+)?$/.test(cell))).toBe(true);
    }
    expect(rows.some((r) => r[0] === hostile.studentId)).toBe(true);
  });
});

describe('templates', () => {
  it('are compiled ahead by prepareTemplates, which knows every template of templates/', () => {
    const onDisk = readdirSync(kitPath('templates')).filter((file) => file.endsWith('.hbs')).map((file) => file.slice(0, -'.hbs'.length));
    expect([...TEMPLATE_NAMES].sort()).toEqual(onDisk.sort());
    prepareTemplates();
    // compiled ahead, a template renders as it did when compiled at first use: partials, helpers and escaping
    const page = render('index.html', { courseTitle: '<b>Course</b>', students: [], exercises: [] });
    expect(page).toContain('&lt;b&gt;Course&lt;/b&gt;');
  });
});

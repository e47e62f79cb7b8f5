/**
 * The Handlebars templates of templates/, loaded and compiled once, on first use or ahead
 * of it (prepareTemplates, while grading waits for its workers). Two
 * environments: HTML (Handlebars' own HTML escaping) and Markdown (the same escaping as
 * a safe default, plus helpers that escape for Markdown instead). Every helper and
 * partial is registered here and nowhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { kitPath } from '../paths';
import { markdownBlock, markdownCode, markdownText, tidyMarkdown } from './markdown';

export const TEMPLATE_NAMES = ['feedback.html', 'feedback.md', 'index.html', 'gradescope-summary.md', 'gradescope-test.md', 'gradescope-exercise.md'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

type Flavour = 'html' | 'md';

interface Environment {
  handlebars: typeof Handlebars;
  compiled: Map<string, HandlebarsTemplateDelegate>;
}

const TEMPLATES_DIR = 'templates';
const PARTIALS_DIR = path.join(TEMPLATES_DIR, 'partials');

let environments: Record<Flavour, Environment> | undefined;

/** Renders one template of templates/ with a view model (plain data; the charts as SafeString). */
export function render(name: TemplateName, view: object): string {
  const flavour: Flavour = name.endsWith('.md') ? 'md' : 'html';
  const output = compiledTemplate(name)(view);
  return flavour === 'md' ? tidyMarkdown(output) : output;
}

/** Compiles every template now rather than at its first use: grading calls it while its workers start. */
export function prepareTemplates(): void {
  for (const name of TEMPLATE_NAMES) compiledTemplate(name);
}

function compiledTemplate(name: TemplateName): HandlebarsTemplateDelegate {
  const environment = loadEnvironments()[name.endsWith('.md') ? 'md' : 'html'];
  let template = environment.compiled.get(name);
  if (!template) {
    template = compile(environment.handlebars, readFileSync(kitPath(TEMPLATES_DIR, `${name}.hbs`), 'utf8'));
    environment.compiled.set(name, template);
  }
  return template;
}

/**
 * A template compiled now (Handlebars' own compile() waits for the first render):
 * precompiled to JavaScript and loaded as precompiled templates are.
 * preventIndent: an indented partial call must not indent the partial's lines (Markdown code blocks).
 */
function compile(handlebars: typeof Handlebars, source: string): HandlebarsTemplateDelegate {
  const spec = handlebars.precompile(source, { preventIndent: true }) as string;
  return handlebars.template(new Function(`return ${spec};`)() as TemplateSpecification);
}

/** Markup the kit generated and escaped itself (the SVG charts), to be placed with {{…}} unchanged. */
export const trustedMarkup = (markup: string): Handlebars.SafeString => new Handlebars.SafeString(markup);
export type SafeString = Handlebars.SafeString;

function loadEnvironments(): Record<Flavour, Environment> {
  environments ??= { html: createEnvironment('html'), md: createEnvironment('md') };
  return environments;
}

function createEnvironment(flavour: Flavour): Environment {
  const handlebars = Handlebars.create();
  registerSharedHelpers(handlebars);
  if (flavour === 'md') registerMarkdownHelpers(handlebars);
  // partials/<name>.<flavour>.hbs is the partial <name> of that flavour
  const suffix = `.${flavour}.hbs`;
  for (const file of readdirSync(kitPath(PARTIALS_DIR)).sort()) {
    if (!file.endsWith(suffix)) continue;
    handlebars.registerPartial(file.slice(0, -suffix.length), compile(handlebars, readFileSync(kitPath(PARTIALS_DIR, file), 'utf8')));
  }
  return { handlebars, compiled: new Map() };
}

function registerSharedHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  handlebars.registerHelper('plural', (n: unknown, one: unknown, many: unknown) => {
    const count = Number(n);
    const manyWord = typeof many === 'string' ? many : `${String(one)}s`;
    return `${count} ${count === 1 ? String(one) : manyWord}`;
  });
}

function registerMarkdownHelpers(handlebars: typeof Handlebars): void {
  const safe = (text: string) => new handlebars.SafeString(text);
  handlebars.registerHelper('text', (value: unknown) => safe(markdownText(value)));
  handlebars.registerHelper('code', (value: unknown) => safe(markdownCode(value)));
  handlebars.registerHelper('cellCode', (value: unknown) => safe(markdownCode(value, { inTable: true })));
  handlebars.registerHelper('block', (value: unknown) => safe(markdownBlock(value)));
  // a link the kit built from readmeBaseUrl (checked to be http(s)); the label is escaped like any text
  handlebars.registerHelper('link', (label: unknown, url: unknown) => safe(`[${markdownText(label)}](<${String(url).replace(/[<>\s]/g, encodeURIComponent)}>)`));
}

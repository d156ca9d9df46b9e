import ts from 'typescript';

/**
 * Build-only Vite plugin: drops the indentation from the element's `html` template literals,
 * which the JavaScript minifier leaves as they are (it cannot know they are HTML).
 *
 * Only whitespace that follows a newline goes, and the newline stays: in HTML a newline renders
 * exactly as the indentation after it did (one collapsible space), so nothing on screen changes
 * (no template uses `white-space: pre`), and every line stays where it was, so source maps and
 * check-size's per-file shares stay right without a new map. The literal's static parts are
 * found with TypeScript's parser, so `${…}` expressions (and templates nested in them) are never
 * touched.
 */
export function trimHtml(text) {
  return text.replace(/\n[ \t]+/g, '\n');
}

/** The source with every `html` literal's static text trimmed; positions of lines unchanged. */
export function trimHtmlLiterals(code, fileName = 'module.ts') {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** [start, end, replacement] of each static part, in source order. */
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const part of parts) {
        const start = part.getStart(source);
        const raw = code.slice(start, part.end);
        const trimmed = trimHtml(raw);
        if (trimmed !== raw) edits.push([start, part.end, trimmed]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  edits.sort((a, b) => b[0] - a[0]);
  for (const [start, end, replacement] of edits) result = result.slice(0, start) + replacement + result.slice(end);
  return result;
}

export function trimHtmlLiteralsPlugin() {
  return {
    name: 'trim-html-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('html`')) return null;
      const trimmed = trimHtmlLiterals(code, id);
      return trimmed === code ? null : { code: trimmed, map: null };
    },
  };
}

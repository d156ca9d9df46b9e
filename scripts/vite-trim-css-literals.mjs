/**
 * Build-only Vite plugin: drops comments and indentation from the element's `css` template
 * literals, which the JavaScript minifier leaves as they are (it cannot know they are CSS).
 * It saves about 0.2 KB gzip of the bundle (measured with `npm run check:size`).
 *
 * It keeps every line where it was — a comment becomes as many empty lines — so the module's
 * positions do not move and source maps (and check-size's per-file shares) stay right without
 * a new map. Literals with `${…}` or a backslash are left alone: only plain CSS is touched.
 */
const CSS_LITERAL = /\bcss`([^`$\\]*)`/g;

/** Comments out, each line trimmed; newlines kept. */
export function trimCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => '\n'.repeat(comment.split('\n').length - 1))
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
}

export function trimCssLiterals() {
  return {
    name: 'trim-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const trimmed = code.replace(CSS_LITERAL, (_, text) => `css\`${trimCss(text)}\``);
      return trimmed === code ? null : { code: trimmed, map: null };
    },
  };
}

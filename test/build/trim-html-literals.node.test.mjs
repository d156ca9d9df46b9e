import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { trimHtmlLiterals } from '../../scripts/vite-trim-html-literals.mjs';

describe('the build trims html template literals', () => {
  it('drops indentation after each newline and keeps every line', () => {
    const source = 'const a = html`<div>\n    <p>text</p>\n  </div>`;\n';
    const trimmed = trimHtmlLiterals(source);
    assert.equal(trimmed, 'const a = html`<div>\n<p>text</p>\n</div>`;\n');
    assert.equal(trimmed.split('\n').length, source.split('\n').length, 'lines stay where they were');
  });

  it('never touches an expression, and trims a template nested in one', () => {
    const source = 'html`<p>\n  ${ok ? html`<b>\n    yes</b>` : `keep\n    me`}\n  </p>`';
    assert.equal(trimHtmlLiterals(source), 'html`<p>\n${ok ? html`<b>\nyes</b>` : `keep\n    me`}\n</p>`');
  });

  it('leaves other tags and plain templates alone', () => {
    const source = 'css`a {\n  color: red;\n}`; const s = `x\n   y`; svg`<g>\n  </g>`;';
    assert.equal(trimHtmlLiterals(source), source);
  });
});

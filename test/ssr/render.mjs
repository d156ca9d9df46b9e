/**
 * Server-renders `<autopilot-connect>` with @lit-labs/ssr, as a Lit SSR host does: the element's
 * first frame into declarative shadow DOM. The caller loads a definition first (the built
 * `dist/define.js`, or `src/define.ts` through Vite's SSR loader in ./wtr-ssr-plugin.mjs).
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing } from 'lit';

export function renderConnect({ apiBase, locale } = {}) {
  return collectResult(render(html`<autopilot-connect api-base=${apiBase ?? nothing} locale=${locale ?? nothing}></autopilot-connect>`));
}

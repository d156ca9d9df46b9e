/**
 * The simulated Exact Online pages' stylesheet, served as a file so the pages need neither
 * inline styles nor a <style> element and work under a strict Content-Security-Policy.
 */
export const exactCss = `
*, *::before, *::after { box-sizing: border-box; }
html { font: 16px/1.5 "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1d2433; background: #eef1f6; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
.bar { display: flex; align-items: center; gap: .75rem; padding: .75rem 1.5rem; background: #0a2d6e; color: #fff; }
.brand { font-weight: 700; font-size: 1.25rem; letter-spacing: .01em; }
.brand::before { content: ""; display: inline-block; width: .9rem; height: .9rem; margin-right: .5rem; border-radius: 2px; background: #e4002b; vertical-align: -1px; }
.tag { font-size: .75rem; padding: .1rem .5rem; border: 1px solid #8aa4d6; border-radius: 999px; color: #dbe5f7; }
main { flex: 1; display: flex; justify-content: center; align-items: flex-start; padding: 2rem 1rem; }
.card { width: 100%; max-width: 30rem; background: #fff; border-radius: 8px; box-shadow: 0 2px 12px rgb(10 45 110 / 12%); padding: 2rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; color: #0a2d6e; }
p { margin: 0 0 1rem; }
label.field { display: block; margin-bottom: 1rem; font-weight: 600; }
label.field input { display: block; width: 100%; margin-top: .25rem; padding: .6rem .75rem; font: inherit; border: 1px solid #8c95a6; border-radius: 4px; }
input:focus-visible, button:focus-visible { outline: 3px solid #e4002b; outline-offset: 2px; }
fieldset { border: 1px solid #c9cfdb; border-radius: 4px; margin: 0 0 1.25rem; padding: .5rem 1rem; max-height: 18rem; overflow: auto; }
legend { font-weight: 600; padding: 0 .25rem; }
.division { display: flex; gap: .5rem; align-items: baseline; padding: .3rem 0; }
.actions { display: flex; gap: .75rem; flex-wrap: wrap; }
button { font: inherit; font-weight: 600; padding: .6rem 1.4rem; border-radius: 4px; cursor: pointer; border: 2px solid #0a2d6e; }
button.primary { background: #0a2d6e; color: #fff; }
button.secondary { background: #fff; color: #0a2d6e; }
.error { padding: .75rem 1rem; border-left: 4px solid #b00020; background: #fdecee; color: #7a0016; }
.note { font-size: .875rem; color: #4a5365; }
footer { padding: 1rem; text-align: center; font-size: .8rem; color: #4a5365; }
`;

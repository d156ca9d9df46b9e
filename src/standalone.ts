/**
 * The self-contained build's entry (dist/standalone/autopilot-connect.js). In a browser it
 * registers the element; in Node (a server-rendered host importing every entry) there is no
 * DOM for the bundled Lit to extend, so it does nothing instead of throwing. The element's
 * chunk sits beside this file and is loaded relative to it.
 */
if (typeof HTMLElement === 'function' && typeof customElements === 'object') void import('./define.js');

import { LitElement, html } from 'lit';

/**
 * The host's own Lit element, beside the package's: both must run on one copy of Lit.
 * It shows what the host learnt from the element's typed events.
 */
export class HostStatus extends LitElement {
  static properties = { connection: { type: String }, lastError: { type: String } };
  declare connection: string | null;
  declare lastError: string | null;

  constructor() {
    super();
    this.connection = null;
    this.lastError = null;
  }

  render() {
    return html`<p role="status">${this.connection ? `Verbonden: ${this.connection}` : 'Nog niet verbonden'}</p>
      ${this.lastError ? html`<p role="alert">Fout: ${this.lastError}</p>` : null}`;
  }
}

customElements.define('host-status', HostStatus);

declare global {
  interface HTMLElementTagNameMap {
    'host-status': HostStatus;
  }
}

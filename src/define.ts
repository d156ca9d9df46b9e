import { AutopilotConnect } from './autopilot-connect.js';

if (!customElements.get('autopilot-connect')) customElements.define('autopilot-connect', AutopilotConnect);

declare global {
  interface HTMLElementTagNameMap {
    'autopilot-connect': AutopilotConnect;
  }
}

export { AutopilotConnect };

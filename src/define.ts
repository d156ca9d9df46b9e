import { AutopilotConnect } from './autopilot-connect.js';

export const TAG = 'autopilot-connect';

/**
 * Registers `<autopilot-connect>`; its pickers are registered by the later steps' chunk when it
 * loads (views/lazy-steps.ts). When the page already has another class under the tag (a second
 * copy of the package, or another element), it says so and does nothing else: the copy that
 * loaded first keeps working.
 */
const existing = customElements.get(TAG);
if (!existing) {
  customElements.define(TAG, AutopilotConnect);
} else if (existing !== AutopilotConnect) {
  const first = (existing as { version?: unknown }).version;
  console.error(
    `<${TAG}> is already defined by another class` +
      (typeof first === 'string' ? ` (autopilot-connect ${first} loaded first)` : ' (not autopilot-connect, or a version without a version number)') +
      `; autopilot-connect ${AutopilotConnect.version} did not register it. Load the package once per page.`,
  );
}

export { AutopilotConnect };

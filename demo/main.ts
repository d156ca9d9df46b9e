import { scenarioNames } from '../src/mocks/scenario-names.js';
import { simulatorPanel } from './simulator-panel.js';

/**
 * The demo page: the platform's Autopilot page with the element on the reference backend and the
 * Exact Online simulator (`npm start`), or on the mock backend's named situation `?scenario=NAME`
 * (the end-to-end tests' server has only those). With VITE_AUTOPILOT_API_BASE set, the element
 * talks to that backend.
 */
const params = new URLSearchParams(location.search);
const realBackend = import.meta.env.VITE_AUTOPILOT_API_BASE as string | undefined;
/** The reference backend, unless a scenario is asked for (or this server has none: mode e2e). */
const reference = !realBackend && !params.has('scenario') && import.meta.env.MODE !== 'e2e';
const REFERENCE = '';
const scenario = reference ? REFERENCE : (params.get('scenario') ?? 'default');
const element = document.getElementById('connect')!;

// The platform's session: on the reference backend, its dev endpoint signs in Lien de Vries
// before the element asks anything (the element is defined only then).
if (reference) {
  const session = await fetch('/_dev/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: 'usr_lien' }) });
  if (!session.ok) document.getElementById('backend-hint')!.textContent = `De referentie-backend antwoordt niet (${session.status}).`;
}
element.setAttribute('api-base', realBackend || (reference ? '/api' : `/mock/${encodeURIComponent(scenario)}/api`));
element.setAttribute('locale', params.get('locale') ?? 'nl');
if (params.get('login-timeout')) element.setAttribute('login-timeout', params.get('login-timeout')!);
// Defined only now: the element starts its flow with every attribute above in place.
await import('../src/define.js');

const scenarioSelect = document.getElementById('scenario') as HTMLSelectElement;
const localeSelect = document.getElementById('locale') as HTMLSelectElement;
if (import.meta.env.MODE !== 'e2e') scenarioSelect.add(new Option('referentie-backend', REFERENCE, false, reference));
for (const name of scenarioNames) scenarioSelect.add(new Option(`mock: ${name}`, name, false, name === scenario));
localeSelect.value = element.getAttribute('locale')!;
scenarioSelect.disabled = Boolean(realBackend);
scenarioSelect.addEventListener('change', () => {
  if (scenarioSelect.value === REFERENCE) params.delete('scenario');
  else params.set('scenario', scenarioSelect.value);
  location.search = params.toString();
});

// Starting afresh: the reference backend's database and the simulator's logins are emptied.
const reset = document.getElementById('reset') as HTMLButtonElement;
reset.hidden = !reference;
document.getElementById('backend-hint')!.hidden = !reference;
reset.addEventListener('click', async () => {
  if (!confirm('Alle koppelingen en logins van de demo wissen?')) return;
  reset.disabled = true;
  await fetch('/_demo/reset', { method: 'POST' });
  location.reload();
});
localeSelect.addEventListener('change', () => element.setAttribute('locale', localeSelect.value));

// Beside the element, a tester's controls of the simulator (not with a real backend: there is none to control).
if (!realBackend) {
  let base: Promise<string> | undefined;
  const simulatorBase = () =>
    (base ??= reference
      ? fetch('/_demo/info').then(async (answer) => ((await answer.json()) as { simulator: string }).simulator)
      : Promise.resolve(`${location.origin}/mock/${encodeURIComponent(scenario)}/exact`));
  document.querySelector('.layout')!.append(simulatorPanel(simulatorBase));
}

const log = document.getElementById('log')!;
const record = (text: string) => {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(item);
};
element.addEventListener('autopilot-connected', (event) =>
  record(`autopilot-connected: ${event.connection.organisation.name} → ${event.connection.division.name}`),
);
element.addEventListener('autopilot-disconnected', (event) =>
  record(`autopilot-disconnected: ${event.connection.organisation.name} → ${event.connection.division.name}`),
);
element.addEventListener('autopilot-reconnected', (event) =>
  record(`autopilot-reconnected: ${event.connections.map((connection) => `${connection.organisation.name} → ${connection.division.name}`).join(', ')}`),
);
element.addEventListener('autopilot-cancelled', () => record('autopilot-cancelled'));
element.addEventListener('autopilot-error', (event) => record(`autopilot-error: ${event.error.message}`));

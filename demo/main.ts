import '../src/define.js';
import { scenarioNames } from '../src/mocks/scenario-names.js';

/**
 * The demo page: the platform's Autopilot page with the element on the mock backend, scenario
 * from `?scenario=NAME`. With VITE_AUTOPILOT_API_BASE set, the element talks to that backend.
 */
const params = new URLSearchParams(location.search);
const realBackend = import.meta.env.VITE_AUTOPILOT_API_BASE as string | undefined;
const scenario = params.get('scenario') ?? 'default';
const element = document.getElementById('connect')!;
element.setAttribute('api-base', realBackend || `/mock/${encodeURIComponent(scenario)}/api`);
element.setAttribute('locale', params.get('locale') ?? 'nl');
if (params.get('login-timeout')) element.setAttribute('login-timeout', params.get('login-timeout')!);

const scenarioSelect = document.getElementById('scenario') as HTMLSelectElement;
const localeSelect = document.getElementById('locale') as HTMLSelectElement;
for (const name of scenarioNames) scenarioSelect.add(new Option(name, name, false, name === scenario));
localeSelect.value = element.getAttribute('locale')!;
scenarioSelect.disabled = Boolean(realBackend);
scenarioSelect.addEventListener('change', () => {
  params.set('scenario', scenarioSelect.value);
  location.search = params.toString();
});
localeSelect.addEventListener('change', () => element.setAttribute('locale', localeSelect.value));

const log = document.getElementById('log')!;
const record = (text: string) => {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(item);
};
element.addEventListener('autopilot-connected', (event) =>
  record(`autopilot-connected: ${event.connection.organisation.name} → ${event.connection.division.name}`),
);
element.addEventListener('autopilot-cancelled', () => record('autopilot-cancelled'));
element.addEventListener('autopilot-error', (event) => record(`autopilot-error: ${event.error.message}`));

import { html } from 'lit';
import type { Meta } from '@storybook/web-components-vite';
import type { Locale } from '../src/i18n/localization.js';
import { scenarioNames, type ScenarioName } from '../src/mocks/scenario-names.js';

/** What every story sets: which mock platform the element talks to, and the language. */
export interface ConnectArgs {
  scenario: ScenarioName;
  locale: Locale;
}

/** The shared part of every `<autopilot-connect>` story file: the element on a mock scenario. */
export const connectMeta = {
  component: 'autopilot-connect',
  render: ({ scenario, locale }) =>
    html`<autopilot-connect api-base=${`/mock/${scenario}/api`} locale=${locale}></autopilot-connect>`,
  args: { scenario: 'default', locale: 'nl' },
  argTypes: {
    scenario: { control: 'select', options: scenarioNames, description: 'The mock platform, at `/mock/<scenario>/api`.' },
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
  },
} satisfies Meta<ConnectArgs>;

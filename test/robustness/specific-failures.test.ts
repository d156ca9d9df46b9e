/**
 * 6. Specific failures, specific help (scenario trouble): each refusal at `Afronden` names its
 * cause in the words of nl.ts, the choices stay, and another administration can be finished.
 */
import { expect } from '@esm-bundle/chai';
import type { ProblemCode } from '../../src/api/types.js';
import { messages } from '../../src/i18n/messages.js';

const nl = messages();
import { troubleDivisionCodes, troubleDivisionNames } from '../../src/mocks/index.js';
import {
  alertText,
  backend,
  button,
  findButton,
  isDisabled,
  listbox,
  mount,
  option,
  pointerClick,
  press,
  toAdministration,
  useRobustBackend,
  visibleText,
  waitFor,
  waitForAlert,
  waitForHeading,
  type ConnectElement,
} from './support.js';

type ScenarioName = Parameters<typeof backend>[0];

async function choose(element: ConnectElement, name: string): Promise<void> {
  pointerClick(option(element, name));
  await waitFor(() => option(element, name).getAttribute('aria-selected') === 'true', { message: `${name} selected` });
}

async function finish(element: ConnectElement): Promise<void> {
  const afronden = button(element, 'Afronden');
  await waitFor(() => !isDisabled(afronden), { message: 'Afronden enabled' });
  pointerClick(afronden);
}

/** The `Opnieuw inloggen` buttons shown: one at most (one button per intent). */
const loginButtons = (element: ConnectElement) =>
  Array.from(element.shadowRoot!.querySelectorAll('button')).filter((candidate) => candidate.textContent?.trim() === nl.loginAgain).length;

/**
 * A refusal that stays is explained and offers what helps: another administration (the search
 * field takes focus), and a new login where one helps; never `Opnieuw proberen` or `Afronden`,
 * which could only be refused again.
 */
function expectRefused(element: ConnectElement, message: string, another = true): void {
  expect(alertText(element), 'the message in an alert').to.equal(message);
  expect(findButton(element, nl.retry), 'no pointless retry').to.equal(null);
  expect(findButton(element, nl.finish), 'no Afronden that would be refused again').to.equal(null);
  expect(findButton(element, nl.chooseOtherDivision) !== null, 'another administration, where that helps').to.equal(another);
  expect(visibleText(element).includes(nl.refusedFixed)).to.equal(another);
  expect(loginButtons(element), 'one Opnieuw inloggen').to.equal(1);
}

/** The refusal is explained, the step and the choices stay; then another administration finishes. */
async function expectRefusedThenOther(element: ConnectElement, scenario: ScenarioName, refused: string, message: string, other: string): Promise<void> {
  await waitForAlert(element, message);
  expectRefused(element, message);
  expect(option(element, refused).getAttribute('aria-selected'), 'the choice stays').to.equal('true');
  expect(listbox(element).querySelectorAll('[role="option"]').length, 'the list stays').to.be.greaterThan(1);
  await press(element, nl.chooseOtherDivision);
  await waitFor(() => listbox(element).activeElement === listbox(element).querySelector('input'), { message: 'focus in the search field' });
  expect((await backend(scenario).connections()).some((c) => c.division_name === refused), 'nothing connected').to.equal(false);
  await choose(element, other);
  expect(element.shadowRoot!.querySelector('[data-alert]'), 'the message goes with a new choice').to.equal(null);
  await finish(element);
  await waitForHeading(element, nl.doneHeading);
  expect((await backend(scenario).connections()).filter((c) => c.division_name === other)).to.have.length(1);
}

describe('robustness 6: specific failures, specific help (scenario trouble)', () => {
  useRobustBackend();

  const cases: Array<[code: number, name: string, message: string]> = [
    [troubleDivisionCodes.mailboxForbidden, troubleDivisionNames.mailboxForbidden, nl.error_mailbox_forbidden],
    [troubleDivisionCodes.mailboxLinkedElsewhere, troubleDivisionNames.mailboxLinkedElsewhere, nl.error_mailbox_linked_elsewhere],
    [troubleDivisionCodes.trialLicence, troubleDivisionNames.trialLicence, nl.error_trial_licence],
    [troubleDivisionCodes.noDivisionAccess, troubleDivisionNames.noDivisionAccess, nl.error_no_division_access],
  ];

  for (const [code, name, message] of cases) {
    it(`${code} (${name}): \`Afronden\` shows the specific message; the choices stay and another administration finishes`, async () => {
      const element = mount('trouble');
      await toAdministration(element);
      await choose(element, name);
      await finish(element);
      await expectRefusedThenOther(element, 'trouble', name, message, 'eLien test company');
    });
  }

  it('all four in a row on one element, then a good one: each message in turn, one connection in the end', async function () {
    this.timeout(15000);
    const element = mount('trouble');
    await toAdministration(element);
    for (const [, name, message] of cases) {
      await choose(element, name);
      await finish(element);
      await waitForAlert(element, message);
      expectRefused(element, message);
    }
    await choose(element, 'eLien test company');
    await finish(element);
    await waitForHeading(element, nl.doneHeading);
  });

  // The organisation's own refusal is not the administration's: another one would not help (the way on is `Terug`).
  const injected: Array<[code: ProblemCode, message: string, another: boolean]> = [
    ['organisation_already_connected', nl.error_organisation_already_connected, false],
    ['division_already_connected', nl.error_division_already_connected, true],
    ['division_blocked', nl.error_division_blocked, true],
  ];

  for (const [code, message, another] of injected) {
    it(`injected ${code} at \`Afronden\`: the specific message, the choices stay, and finishing works after`, async () => {
      const element = mount('trouble');
      await toAdministration(element);
      await choose(element, 'eLien test company');
      // The injection takes the statuses the mock allows; the code decides the message.
      backend('trouble').injectFailure({ operation: 'createConnection', kind: { status: 403, code } });
      await finish(element);
      await waitForAlert(element, message);
      expectRefused(element, message, another);
      expect(option(element, 'eLien test company').getAttribute('aria-selected'), 'the choice stays').to.equal('true');
      // Set right meanwhile (the injection was for one try): choosing it again, `Afronden` makes it.
      await choose(element, 'eLien test company');
      await finish(element);
      await waitForHeading(element, nl.doneHeading);
    });
  }

  it('injected division_already_connected, then another administration', async () => {
    const element = mount('trouble');
    await toAdministration(element);
    await choose(element, 'Architectenbureau De Vries B.V.');
    backend('trouble').injectFailure({ operation: 'createConnection', kind: { status: 403, code: 'division_already_connected' } });
    await finish(element);
    await expectRefusedThenOther(element, 'trouble', 'Architectenbureau De Vries B.V.', nl.error_division_already_connected, 'eLien test company');
  });
});

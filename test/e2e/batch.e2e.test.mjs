import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { consent, exactLogin } from './steps.mjs';

/**
 * `Meerdere administraties koppelen` as a person does it on the demo page (issue 14), on the
 * `batch` world (40 organisations, 60 administrations) over real HTTP, with a real popup on the
 * simulated Exact pages: one login, the table, `Alles koppelen` with progress, a reload mid-way
 * that resumes, a row refused by Exact (no mailbox rights) retried alone after the simulator
 * lifts the refusal, and exactly one connection per confirmed row at the end.
 */
const SCENARIO = 'batch';
/** eLien test company's administration (its KvK match): the row the simulator refuses. */
const REFUSED_DIVISION = 100002;

describe('many administrations at once, end to end', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => harness.reset(SCENARIO));

  const read = async (locator) => (await locator.innerText()).replace(/[\u2066-\u2069]/g, '');
  const simulator = (path, init) => fetch(`${harness.origin}/mock/${SCENARIO}/exact/_simulator/${path}`, init);
  const connections = async (page) => {
    const answer = await page.evaluate(async (scenario) => (await fetch(`/mock/${scenario}/api/connections`)).json(), SCENARIO);
    return answer.items;
  };

  it('one login, the table, Alles koppelen; a reload mid-way resumes; a refused row is retried alone after the fix; one connection per row', async () => {
    const page = await harness.browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    const refuse = await simulator('faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'mailboxRefused', division: REFUSED_DIVISION, failure: 'forbidden' }) });
    assert.equal(refuse.ok, true, await refuse.text());
    // Each connection takes a moment, so the reload lands mid-way.
    await harness.inject(SCENARIO, { operation: 'createConnection', times: 'always', kind: { delayMs: 150 } });

    await page.goto(`${harness.origin}/?scenario=${SCENARIO}`);
    const element = page.locator('autopilot-connect');
    await element.getByRole('button', { name: 'Meerdere administraties koppelen' }).click();
    await element.getByRole('heading', { name: 'Meerdere administraties koppelen' }).waitFor();
    const popupOpened = page.waitForEvent('popup');
    await element.getByRole('button', { name: 'Open', exact: true }).click();
    const popup = await popupOpened;
    await consent(popup, exactLogin);
    await popup.waitForEvent('close');

    await element.getByRole('table').waitFor();
    const body = element.locator('[part~="body"]');
    assert.match(await read(body), /37 organisaties te koppelen: 29 op KvK-nummer, 4 op btw-nummer, 2 alleen op naam, 2 zonder voorstel\./);
    await element.getByRole('checkbox', { name: 'Alle voorstellen aanvinken' }).check();
    await element.getByRole('button', { name: 'Alles koppelen (35)' }).click();
    await body.getByText(/^([5-9]|1\d) van 35$/).waitFor();

    await page.reload();
    await body.getByText(/van 35/).first().waitFor();
    await element.getByRole('heading', { name: 'Klaar met koppelen' }).waitFor({ timeout: 60_000 });
    assert.match(await read(body), /34 gekoppeld, 1 mislukt, 0 overgeslagen\./);
    assert.match(await read(body), /Mislukt: Je Exact Online-gebruiker mag geen Digitale Brievenbus aanmaken/);

    const lifted = await simulator(`faults?division=${REFUSED_DIVISION}`, { method: 'DELETE' });
    assert.equal(lifted.ok, true, await lifted.text());
    await element.getByRole('button', { name: 'Mislukte opnieuw proberen (1)' }).click();
    await body.getByText('35 gekoppeld, 0 mislukt, 0 overgeslagen.').waitFor({ timeout: 20_000 });

    const made = await connections(page);
    // The 35 rows and Bakkerij, connected from the start: each organisation and each administration once.
    assert.equal(made.length, 36);
    assert.equal(new Set(made.map((connection) => connection.organisation.id)).size, 36);
    assert.equal(new Set(made.map((connection) => connection.division.code)).size, 36);

    await element.getByRole('button', { name: 'Naar het overzicht' }).click();
    await body.getByText('35 nieuwe koppelingen gemaakt.').waitFor();
    assert.equal(await element.locator('[part~="connection"].made').count(), 35);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
});

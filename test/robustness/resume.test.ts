/**
 * 4. Resume after a reload: a new element on the same api-base continues at `Selecteer afdeling`
 * with the same organisation, without a second login; what is kept (sessionStorage) and what the
 * callback page reports hold ids, names and choices only — never an authorization code or token.
 */
import { expect } from '@esm-bundle/chai';
import { messages } from '../../src/i18n/messages.js';

const nl = messages();
import { LOGIN_CHANNEL } from '../../src/popup/login-message.js';
import { divisionCodes, organisationIds } from '../../src/mocks/index.js';
import {
  backend,
  button,
  isDisabled,
  listbox,
  mount,
  option,
  pause,
  pointerClick,
  recordFetches,
  recordIssuedCodes,
  stubWindowOpen,
  toAdministrationViaCallback,
  useRobustBackend,
  visibleText,
  waitFor,
  waitForHeading,
} from './support.js';

/** Every key at any depth of a JSON value, with its path. */
function keysOf(value: unknown, path = '$'): Array<{ path: string; key: string; value: unknown }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => keysOf(item, `${path}[${index}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [{ path: `${path}.${key}`, key, value: child }, ...keysOf(child, `${path}.${key}`)]);
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const tokenLike = /token|secret|password|bearer|^code$/i;
/**
 * What a code or token of Exact Online (the simulator) looks like: a host stamp (`stampnl01.`),
 * the `!IAAAA` / `gAAAA` of its codes and tokens, long base64-like runs. The backend's own ids
 * (`auth_` / `con_` and 32 hex digits) are not secrets and are allowed.
 */
const secretLike = /stamp[a-z]{2,5}\d\d\.|!IAAAA|gAAAA|[A-Za-z0-9]{64,}/;

function storageEntries(): Array<{ key: string; value: string }> {
  return Array.from({ length: sessionStorage.length }, (_, index) => {
    const key = sessionStorage.key(index)!;
    return { key, value: sessionStorage.getItem(key) ?? '' };
  });
}

function expectNoSecrets(what: string, text: string, issued: string[]): void {
  for (const secret of issued) expect(text, `${what} holds an issued code or token`).to.not.include(secret);
  expect(text, `${what} holds something code-like`).to.not.match(secretLike);
}

describe('robustness 4: resume after reload', () => {
  useRobustBackend();
  let issued: Awaited<ReturnType<typeof recordIssuedCodes>> | null = null;
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  let fetches: ReturnType<typeof recordFetches> | null = null;
  afterEach(() => {
    issued?.restore();
    popup?.restore();
    fetches?.restore();
    issued = popup = fetches = null;
  });

  it('a new element continues at `Selecteer afdeling` with the same organisation, without a second login; storage and login messages hold no code or token', async () => {
    issued = await recordIssuedCodes();
    const messages: unknown[] = [];
    const onMessage = (event: MessageEvent) => messages.push(event.data);
    window.addEventListener('message', onMessage);
    const channel = new BroadcastChannel(LOGIN_CHANNEL);
    channel.addEventListener('message', onMessage);
    let authorizationId: string;
    const first = mount();
    try {
      // The login ends on the package's real callback page, which reports to the element.
      authorizationId = await toAdministrationViaCallback(first);
    } finally {
      window.removeEventListener('message', onMessage);
      channel.close();
    }
    expect(issued.codes, 'the login went through an authorization code').to.have.length.greaterThan(0);

    // What the callback page said: only the id and the status.
    expect(messages, 'the callback page reported').to.have.length.greaterThan(0);
    for (const data of messages) {
      expect(data).to.deep.equal({ type: 'autopilot-connect:login', authorizationId, status: 'authorized' });
      expectNoSecrets('a login message', JSON.stringify(data), issued.secrets);
    }

    // What is kept for a reload: ids, names and choices.
    const entries = storageEntries();
    expect(entries, 'something is kept to resume from').to.have.length.greaterThan(0);
    for (const { key, value } of entries) {
      expect(key, 'storage key').to.not.match(tokenLike);
      expectNoSecrets(`sessionStorage[${key}]`, `${key} ${value}`, issued.secrets);
      const parsed = parse(value);
      for (const entry of keysOf(parsed)) expect(entry.key, `key ${entry.path} of sessionStorage[${key}]`).to.not.match(tokenLike);
    }
    const record = entries.map(({ value }) => parse(value)).find((value) => typeof value === 'object' && value !== null && 'authorizationId' in value) as
      | Record<string, unknown>
      | undefined;
    expect(record, 'the resume record').to.not.equal(undefined);
    expect(Object.keys(record!).sort(), 'only ids and choices').to.deep.equal(['administration', 'authorizationId', 'bookingFlow', 'idempotencyKey', 'organisation']);
    expect(record!.authorizationId).to.equal(authorizationId);
    expect((record!.organisation as { id: string }).id).to.equal(organisationIds.elien);

    // The reload: the element goes (for good: a task passes), a new one comes on the same api-base.
    first.remove();
    await pause(0);
    popup = stubWindowOpen();
    fetches = recordFetches();
    const second = mount();
    await waitForHeading(second, nl.administrationHeading);
    await waitFor(() => listbox(second).querySelector('[role="option"]'), { message: 'administrations listed' });
    expect(visibleText(second), 'the same organisation').to.include(nl.administrationIntro('eLien test company'));
    expect(popup.calls, 'no second login window').to.have.length(0);
    // At most the URL the administration step fetches ahead for `Opnieuw inloggen`: it opens nothing.
    expect(fetches.count('POST', /\/api\/authorizations$/), 'no second login started').to.be.at.most(1);
    expect(fetches.count('GET', new RegExp(`/api/authorizations/${authorizationId}/divisions$`)), 'on the same grant').to.be.greaterThan(0);

    // And it really goes on from there.
    pointerClick(option(second, 'eLien test company'));
    const finish = button(second, 'Afronden');
    await waitFor(() => !isDisabled(finish), { message: 'Afronden enabled' });
    pointerClick(finish);
    await waitForHeading(second, nl.doneHeading);
    const made = (await backend().connections()).filter((connection) => connection.organisation_id === organisationIds.elien);
    expect(made.map((connection) => connection.division_code)).to.deep.equal([divisionCodes.elien]);
  });

  it('a chosen administration survives the reload too (kept as its number and name, not a code)', async () => {
    issued = await recordIssuedCodes();
    const first = mount();
    await toAdministrationViaCallback(first);
    pointerClick(option(first, 'eLien test company'));
    await waitFor(() => option(first, 'eLien test company').getAttribute('aria-selected') === 'true', { message: 'selected' });
    await waitFor(() => storageEntries().some(({ value }) => value.includes('"administration":{')), { message: 'the choice kept' });
    for (const { key, value } of storageEntries()) {
      expectNoSecrets(`sessionStorage[${key}]`, value, issued.secrets);
      for (const entry of keysOf(parse(value))) {
        // The one `code` allowed is the administration's number, under `administration`.
        if (entry.path.endsWith('.administration.code')) expect(entry.value).to.equal(divisionCodes.elien);
        else expect(entry.key, entry.path).to.not.match(tokenLike);
      }
    }
    first.remove();
    await pause(0);
    popup = stubWindowOpen();
    const second = mount();
    await waitForHeading(second, nl.administrationHeading);
    await waitFor(() => option(second, 'eLien test company').getAttribute('aria-selected') === 'true', { message: 'the choice restored' });
    expect(isDisabled(button(second, 'Afronden')), 'Afronden ready').to.equal(false);
    expect(popup.calls).to.have.length(0);
  });
});

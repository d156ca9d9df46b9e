/**
 * The return address of a same-tab login: used once, for the login it was made for, before it
 * expires, never in a window with an opener, same origin only; the element clears its own.
 */
import { expect } from '@esm-bundle/chai';
import { RETURN_URL_KEY, type ReturnAddress } from '../../src/popup/login-message.js';
import { takeReturnAddress } from '../../src/popup/return-address.js';
import { clearOwnReturnAddress, saveReturnAddress } from '../../src/resume-storage.js';

const origin = window.location.origin;
const now = Date.parse('2026-12-01T12:00:00Z');
const store = () => sessionStorage;
const address = (changes: Partial<ReturnAddress> = {}): ReturnAddress => ({
  url: `${origin}/platform/autopilot?tab=1`,
  authorizationId: 'auth_1',
  expiresAt: now + 600_000,
  scope: '/api',
  ...changes,
});
const take = (changes: Partial<{ authorizationId: string; hasOpener: boolean; now: number }> = {}) =>
  takeReturnAddress(store, { authorizationId: 'auth_1', hasOpener: false, origin, now, ...changes });

describe('the return address of a same-tab login', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('sends the tab back to the page it left, for the login it was made for', () => {
    saveReturnAddress(address());
    expect(take()).to.equal(`${origin}/platform/autopilot?tab=1`);
  });

  it('is used once', () => {
    saveReturnAddress(address());
    take();
    expect(take()).to.equal(null);
  });

  it('is not used for the report of another login, and is gone after it', () => {
    saveReturnAddress(address());
    expect(take({ authorizationId: 'auth_2' })).to.equal(null);
    expect(take()).to.equal(null);
  });

  it('is not used once it expired', () => {
    saveReturnAddress(address());
    expect(take({ now: now + 600_000 })).to.equal(null);
  });

  it('never applies to a window that has an opener (a popup)', () => {
    saveReturnAddress(address());
    expect(take({ hasOpener: true })).to.equal(null);
  });

  it('never leads to another origin, and a malformed record leads nowhere', () => {
    saveReturnAddress(address({ url: 'https://evil.example/phish' }));
    expect(take()).to.equal(null);
    sessionStorage.setItem(RETURN_URL_KEY, `${origin}/old-format-plain-url`);
    expect(take()).to.equal(null);
    sessionStorage.setItem(RETURN_URL_KEY, JSON.stringify({ url: `${origin}/`, authorizationId: 'auth_1', expiresAt: 'later' }));
    expect(take()).to.equal(null);
  });

  it('is cleared by the element that made it when it starts again, and only by that one', () => {
    saveReturnAddress(address({ scope: '/api@1' }));
    clearOwnReturnAddress('/api');
    expect(sessionStorage.getItem(RETURN_URL_KEY), 'another element leaves it').to.not.equal(null);
    clearOwnReturnAddress('/api@1');
    expect(sessionStorage.getItem(RETURN_URL_KEY)).to.equal(null);
  });

  it('leads nowhere when storage is blocked (privacy settings), without an error', () => {
    const blocked = (): Storage => {
      throw new DOMException('blocked', 'SecurityError');
    };
    expect(takeReturnAddress(blocked, { authorizationId: 'auth_1', hasOpener: false, origin, now })).to.equal(null);
  });
});

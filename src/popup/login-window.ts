import { fromCallback, type AnyActorRef } from 'xstate';
import type { LoginWindowEvent } from '../machine/types.js';
import { LOGIN_CHANNEL, parseLoginReport } from './login-message.js';

export interface LoginWindowEnvironment {
  /** The window the element lives in. */
  window: Window;
  /** The only origin whose messages count: where the package's callback page is served. */
  expectedOrigin: string;
  /** How often to look whether the popup was closed. */
  closedPollMs?: number;
}

/**
 * One window per login, named after its authorization: `Open` again for the same login reuses
 * its window, while a second element on the page gets a window of its own instead of taking
 * over the first one's.
 */
const windowName = (authorizationId: string) => `autopilot-connect-login-${authorizationId}`;

function popupFeatures(host: Window): string {
  const width = 520;
  const height = 680;
  const left = Math.max(0, host.screenX + (host.outerWidth - width) / 2);
  const top = Math.max(0, host.screenY + (host.outerHeight - height) / 2);
  return `popup=yes,width=${width},height=${height},left=${Math.round(left)},top=${Math.round(top)}`;
}

/**
 * The login window as an actor, for the element whose flow it runs in (`environmentOf` finds it
 * from the flow's actor system: the machine is provided once per page). It opens the window as the very first thing it does, which
 * happens synchronously inside the `user.openLogin` event and so inside the user's click:
 * popup blockers let that through. It then reports every valid message for its own
 * authorization (postMessage from the expected origin, or the BroadcastChannel, which survives
 * a Cross-Origin-Opener-Policy that severs the opener), and when the window closes. A report is
 * only a hint to ask the backend, and anyone who can open the callback page can send one; so
 * none is final: a forged one must not use up the place of the genuine one that follows. The
 * machine bounds how often it asks.
 */
export const createLoginWindowActor = (environmentOf: (system: AnyActorRef['system']) => LoginWindowEnvironment) =>
  fromCallback<LoginWindowEvent, { url: string; authorizationId: string }>(({ input, sendBack, system }) => {
    const { window: host, expectedOrigin, closedPollMs = 500 } = environmentOf(system);
    const popup = host.open(input.url, windowName(input.authorizationId), popupFeatures(host));
    if (!popup) {
      sendBack({ type: 'popup.blocked' });
      return () => {};
    }
    const report = (data: unknown) => {
      const message = parseLoginReport(data);
      if (!message || message.authorizationId !== input.authorizationId) return;
      sendBack({ type: 'login.reported', authorizationId: message.authorizationId });
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin === expectedOrigin) report(event.data);
    };
    host.addEventListener('message', onMessage);
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(LOGIN_CHANNEL) : null;
    channel?.addEventListener('message', (event) => report(event.data));

    let closedSent = false;
    const poll = host.setInterval(() => {
      if (closedSent || !popup.closed) return;
      closedSent = true;
      sendBack({ type: 'popup.closed' });
    }, closedPollMs);

    return () => {
      host.removeEventListener('message', onMessage);
      channel?.close();
      host.clearInterval(poll);
    };
  });

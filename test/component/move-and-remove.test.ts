import { expect } from '@esm-bundle/chai';
import {
  button,
  completeExactLogin,
  isDisabled,
  mount,
  option,
  afterItsTurn,
  installFakeClock,
  pause,
  pointerClick,
  press,
  reportLogin,
  stubWindowOpen,
  toAdministration,
  toLoginReady,
  toOrganisation,
  useMockBackend,
  waitFor,
  waitForHeading,
  type ConnectElement,
} from './support.js';


/** A popup stand-in that counts how often the element looks whether it was closed. */
function countingPopup() {
  const popup = { reads: 0, isClosed: false };
  const proxy = {
    get closed() {
      popup.reads++;
      return popup.isClosed;
    },
    close() {},
  } as unknown as WindowProxy;
  return { popup, proxy };
}

/**
 * Everything the element could leave running in the page, from now on: timers (the statechart's
 * delays use setTimeout, the window poll setInterval), message listeners on the window,
 * BroadcastChannels, and requests.
 */
function watchPage() {
  const live = new Map<number, string>();
  const listeners = new Set<EventListenerOrEventListenerObject>();
  const channels: BroadcastChannel[] = [];
  const requests: string[] = [];
  const original = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    addEventListener: window.addEventListener,
    removeEventListener: window.removeEventListener,
    BroadcastChannel: window.BroadcastChannel,
    fetch: window.fetch,
  };
  window.setTimeout = ((handler: () => void, ms?: number, ...args: unknown[]) => {
    const id = original.setTimeout.call(window, () => {
      live.delete(id);
      handler(...(args as []));
    }, ms) as unknown as number;
    live.set(id, `timeout ${ms ?? 0} ms`);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) live.delete(id);
    original.clearTimeout.call(window, id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: () => void, ms?: number) => {
    const id = original.setInterval.call(window, handler, ms) as unknown as number;
    live.set(id, `interval ${ms ?? 0} ms`);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) live.delete(id);
    original.clearInterval.call(window, id);
  }) as typeof window.clearInterval;
  window.addEventListener = function (this: Window, type: string, listener: EventListenerOrEventListenerObject, options?: unknown) {
    if (type === 'message') listeners.add(listener);
    return original.addEventListener.call(this, type, listener, options as AddEventListenerOptions);
  } as typeof window.addEventListener;
  window.removeEventListener = function (this: Window, type: string, listener: EventListenerOrEventListenerObject, options?: unknown) {
    if (type === 'message') listeners.delete(listener);
    return original.removeEventListener.call(this, type, listener, options as EventListenerOptions);
  } as typeof window.removeEventListener;
  window.BroadcastChannel = class extends original.BroadcastChannel {
    closed = false;
    constructor(name: string) {
      super(name);
      channels.push(this);
    }
    override close() {
      this.closed = true;
      super.close();
    }
  };
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(String(input instanceof Request ? input.url : input));
    return original.fetch.call(window, input, init);
  }) as typeof window.fetch;
  const watchers = Object.fromEntries(Object.keys(original).map((name) => [name, window[name as keyof typeof original]])) as typeof original;
  return {
    requests,
    liveTimers: () => [...live.values()],
    messageListeners: () => listeners.size,
    openChannels: () => channels.filter((channel) => !(channel as BroadcastChannel & { closed: boolean }).closed).length,
    /** Puts back what is still this watcher's own (a fake clock uninstalled first already put back the timers). */
    restore: () => {
      for (const [name, value] of Object.entries(original)) {
        if (window[name as keyof typeof original] === watchers[name as keyof typeof original]) Object.assign(window, { [name]: value });
      }
    },
  };
}

describe('<autopilot-connect> moved or removed', () => {
  useMockBackend();
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const undo of cleanup.splice(0).reverse()) undo();
  });

  /** Another place on the page, as a framework re-parenting the element would use. */
  const otherParent = () => {
    const parent = document.createElement('div');
    document.body.append(parent);
    cleanup.push(() => parent.remove());
    return parent;
  };

  it('keeps the organisation step where it was when moved, and its buttons keep working', async () => {
    const element = mount();
    await toOrganisation(element);
    pointerClick(option(element, 'eLien test company'));
    otherParent().append(element);
    await pause(0); // a later task: a stop scheduled at the move would have run
    await pause(0);
    const confirm = button(element, 'Bevestigen');
    await waitFor(() => !isDisabled(confirm), { message: 'Bevestigen enabled: the choice survived the move' });
    pointerClick(confirm);
    await waitForHeading(element, 'Kies het boekhoudpakket');
  });

  it('keeps the open login window and its listeners when moved mid-login, and the login completes', async () => {
    const element = mount();
    await toLoginReady(element);
    const { popup, proxy } = countingPopup();
    const open = stubWindowOpen(() => proxy);
    cleanup.push(open.restore);
    await press(element, 'Open');
    const parent = otherParent();
    parent.append(element);
    await pause(0); // a later task: a stop scheduled at the move would have run
    document.body.append(element); // and back again, in a later task
    await pause(0); // a later task: a stop scheduled at the move would have run
    const readsAfterMove = popup.reads;
    await waitFor(() => popup.reads > readsAfterMove, { message: 'the window is still watched after the moves' });
    const authorizationId = await completeExactLogin(open.calls[0]!.url);
    reportLogin(authorizationId);
    await press(element, 'Ga door');
    await waitForHeading(element, 'Selecteer afdeling');
    expect(open.calls, 'one login window, never a second').to.have.length(1);
  });

  it('stops everything when removed for good: no timer, listener, channel or request is left', async () => {
    const element = mount();
    await toLoginReady(element);
    const { popup, proxy } = countingPopup();
    const open = stubWindowOpen(() => proxy);
    cleanup.push(open.restore);
    // The element's timers run on the simulated clock, watched by the page watcher on top of it.
    const clock = installFakeClock();
    const page = watchPage();
    cleanup.push(page.restore);
    await press(element, 'Open');
    expect(page.liveTimers(), 'the login runs timers while the window is open').to.not.be.empty;
    expect(page.messageListeners(), 'and listens for the window').to.be.above(0);
    expect(page.openChannels(), 'and on the channel').to.be.above(0);
    // The control for the end of this test: while it runs, the window is polled as the clock goes.
    const polled = popup.reads;
    await clock.tickAsync(1200);
    expect(popup.reads, 'the window is polled while the element is in the page').to.be.above(polled);

    element.remove();
    // Its stop waits a task, as a move would: on the clock, that is its next tick.
    await clock.tickAsync(0);
    await pause(0);
    expect(page.liveTimers(), 'timers left after removal').to.deep.equal([]);
    expect(page.messageListeners(), 'message listeners left after removal').to.equal(0);
    expect(page.openChannels(), 'channels left open after removal').to.equal(0);

    // Whatever the window does now reaches nothing: it is not even looked at any more.
    const reads = popup.reads;
    popup.isClosed = true;
    const authorizationId = await completeExactLogin(open.calls[0]!.url);
    const before = page.requests.length;
    reportLogin(authorizationId);
    await clock.tickAsync(1200);
    await afterItsTurn(element);
    expect(popup.reads, 'the window is not polled after removal').to.equal(reads);
    expect(page.requests.slice(before), 'requests by the removed element').to.deep.equal([]);
  });

  it('starts on the new backend when pointed at it while out of the page for a moment', async () => {
    const element = mount();
    await toOrganisation(element);
    element.remove();
    element.setAttribute('api-base', '/mock/not-installed/api');
    await Promise.resolve(); // the element updates (and restarts) while out of the page
    await Promise.resolve();
    otherParent().append(element);
    await waitForHeading(element, 'De Autopilot staat nog niet in je account');
  });

  it('starts afresh when put back after it was removed, resuming from the record as after a reload', async () => {
    const element = mount();
    await toAdministration(element);
    element.remove();
    await pause(0); // the stop (a timer of 0 ms) has run
    document.body.append(element);
    await waitForHeading(element, 'Selecteer afdeling');
    await waitFor(() => option(element, 'eLien test company'), { message: 'administrations listed again' });
  });

  it('starts at the overview with working buttons when put back later without a record', async () => {
    const element: ConnectElement = mount();
    await toOrganisation(element);
    element.remove();
    await pause(0); // the stop (a timer of 0 ms) has run
    otherParent().append(element);
    await waitForHeading(element, 'Actieve koppelingen');
    await press(element, 'New Connection');
    await waitForHeading(element, 'Kies de organisatie');
  });
});

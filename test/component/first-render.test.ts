import { expect } from '@esm-bundle/chai';
import { findButton, frames, heading, installFakeClock, mount, recordFetches, useMockBackend, visibleText, waitFor, waitForHeading } from './support.js';

/**
 * How the element starts: the status request goes out before anything else, and the first
 * render waits a moment for its answer, so a quick backend goes straight to the overview with no
 * flash of the checking step, while a slow one still gets the checking step soon.
 */
describe('<autopilot-connect> first render', () => {
  useMockBackend();

  it('sends the status request before its first render', async () => {
    const fetches = recordFetches();
    try {
      const element = mount();
      await Promise.resolve(); // Lit's first update is scheduled in a microtask
      await Promise.resolve();
      expect(fetches.count('GET', /\/status$/), 'the status asked').to.equal(1);
      expect(element.shadowRoot?.childElementCount ?? 0, 'nothing rendered yet').to.equal(0);
    } finally {
      fetches.restore();
    }
  });

  it('with its backend in the markup, sends the status request on connect, in the same task', () => {
    const fetches = recordFetches();
    try {
      mount();
      expect(fetches.count('GET', /^\/mock\/default\/api\/status$/), 'asked before any microtask').to.equal(1);
    } finally {
      fetches.restore();
    }
  });

  it('a backend given as a property after connect (as a framework wrapper does) is the only one asked', async () => {
    const fetches = recordFetches();
    const element = document.createElement('autopilot-connect');
    try {
      document.body.append(element);
      element.apiBase = '/mock/default/api';
      await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection' });
      expect(fetches.count('GET', /^\/api\/status$/), 'the default backend').to.equal(0);
      expect(fetches.count('GET', /^\/mock\/default\/api\/status$/), 'the given one').to.equal(1);
    } finally {
      element.remove();
      fetches.restore();
    }
  });

  it('a backend changed before the first render: the request sent on connect is dropped, the new one answers', async () => {
    const fetches = recordFetches();
    try {
      const element = mount();
      element.setAttribute('api-base', '/mock/not-installed/api');
      await waitForHeading(element, 'De Autopilot staat nog niet in je account');
      expect(fetches.count('GET', /^\/mock\/not-installed\/api\/status$/), 'the new backend asked').to.equal(1);
      expect(fetches.count('GET', /^\/mock\/default\/api\/status$/), 'the first asked once, not again').to.equal(1);
      expect(fetches.count('GET', /^\/mock\/default\/api\/connections$/), 'nothing more of the first').to.equal(0);
    } finally {
      fetches.restore();
    }
  });

  it('removed before its first render and not put back: the request sent on connect is aborted', async () => {
    const fetches = recordFetches();
    try {
      const element = mount('slow');
      element.remove();
      expect(fetches.count('GET', /\/status$/), 'the status asked on connect').to.equal(1);
      await waitFor(() => fetches.requests[0]!.signal?.aborted, { message: 'the request aborted once the element stayed out' });
    } finally {
      fetches.restore();
    }
  });

  it('a quick answer shows the overview as its first render: the checking step never flashes', async () => {
    // A first mount warms what a page has warm by then (the in-page backend, the modules).
    const warm = mount();
    await waitFor(() => findButton(warm, 'New Connection'), { message: 'New Connection, warming up' });
    warm.remove();
    const element = mount();
    const seen: string[] = [];
    let observer: MutationObserver | null = null;
    // Watch the shadow root from the moment it exists (it is created on connect, empty).
    await waitFor(() => element.shadowRoot, { message: 'the shadow root' });
    observer = new MutationObserver(() => {
      if (element.shadowRoot!.querySelector('[data-skeleton]')) seen.push('skeleton');
      if (findButton(element, 'New Connection')) seen.push('overview');
    });
    observer.observe(element.shadowRoot!, { childList: true, subtree: true });
    await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection' });
    observer.disconnect();
    expect(seen[0], 'what the first render showed').to.equal('overview');
    expect(seen, 'no skeleton on the way').to.not.include('skeleton');
    expect(heading(element)).to.equal('Actieve koppelingen');
  });

  it('a slow answer gets the checking step within a few frames, long before the answer', async () => {
    // The status takes 2.5 s on the simulated clock, which does not pass here: only frames do.
    const clock = installFakeClock();
    const element = mount('slow');
    // Counted in frames, as the element waits (100 ms is 6 or 7 at 60 Hz; 12 leaves room).
    let framesWaited = 0;
    while (!element.shadowRoot?.querySelector('[data-skeleton]') && framesWaited <= 12) {
      await frames(1);
      framesWaited++;
    }
    expect(framesWaited, 'frames until the checking step').to.be.within(1, 12);
    expect(visibleText(element)).to.include('Bezig met laden…');
    await frames(2);
    expect(findButton(element, 'New Connection'), 'no overview while the status is out').to.equal(null);
    await waitFor(() => clock.nextIn === 2500, { message: 'the backend holding the status for 2.5 s' });
    await clock.tickAsync(2500);
    await waitFor(() => findButton(element, 'New Connection'), { message: 'the overview once answered' });
  });
});

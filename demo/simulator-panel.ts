/**
 * The demo's test tool beside the element: changes what the Exact Online simulator answers, over
 * its control endpoints (`/_simulator/…`), so a tester can make one administration's mailbox fail,
 * lift that again, or use up Exact's calls for the minute. It is not part of the element.
 */
export function simulatorPanel(simulatorBase: () => Promise<string>): HTMLElement {
  const panel = document.createElement('aside');
  panel.className = 'simulator-panel';
  panel.setAttribute('aria-labelledby', 'simulator-title');
  // Built node by node: the demo runs under the strict CSP of the tests (Trusted Types), where innerHTML is refused.
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, text = ''): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.textContent = text;
    return node;
  };
  const input = make('input', { id: 'simulator-division', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': 'simulator-division-hint' });
  const status = make('p', { role: 'status', class: 'simulator-status' });
  panel.append(
    make('h2', { id: 'simulator-title' }, 'Exact Online-simulator'),
    make('p', { class: 'hint' }, 'Testhulpmiddel van de demo, geen onderdeel van het element: het verandert wat de simulator antwoordt.'),
    make('label', { for: 'simulator-division' }, 'Administratienummer'),
    input,
    make('p', { class: 'hint', id: 'simulator-division-hint' }, 'Het nummer zoals de lijst van administraties het toont, bijv. 100005.'),
    make('button', { type: 'button', 'data-action': 'refuse' }, 'Brievenbus weigeren (geen rechten)'),
    make('button', { type: 'button', 'data-action': 'lift' }, 'Weigering opheffen'),
    make('button', { type: 'button', 'data-action': 'rate-limit' }, 'Volgende Exact-aanroep: 429'),
    status,
  );

  async function control(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${await simulatorBase()}/_simulator/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const answer: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw new Error((answer as { error?: string } | undefined)?.error ?? `${response.status}`);
    return answer;
  }

  const division = (): number | null => {
    const value = input.value.trim();
    if (/^\d+$/.test(value)) return Number(value);
    status.textContent = 'Vul het nummer van een administratie in.';
    input.focus();
    return null;
  };

  const actions: Record<string, () => Promise<string | null>> = {
    async refuse() {
      const code = division();
      if (code === null) return null;
      await control('POST', 'faults', { kind: 'mailboxRefused', division: code, failure: 'forbidden' });
      return `Administratie ${code}: Exact weigert de Digitale Brievenbus (geen rechten) tot je dat opheft.`;
    },
    async lift() {
      const code = division();
      if (code === null) return null;
      const { lifted } = (await control('DELETE', `faults?division=${code}&kind=mailboxRefused`)) as { lifted: unknown[] };
      return lifted.length ? `Administratie ${code}: de weigering is opgeheven.` : `Administratie ${code} had geen weigering.`;
    },
    async 'rate-limit'() {
      await control('POST', 'faults', { kind: 'rateLimitExhausted' });
      return 'De volgende aanroep naar Exact krijgt 429: de aanroepen van deze minuut zijn dan op.';
    },
  };

  panel.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const action = button && actions[button.dataset.action ?? ''];
    if (!action) return;
    button.disabled = true;
    action()
      .then((text) => {
        if (text) status.textContent = text;
      })
      .catch((error: unknown) => {
        status.textContent = `De simulator weigerde: ${(error as Error).message}`;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return panel;
}

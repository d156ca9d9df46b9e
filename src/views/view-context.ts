import type { Messages } from '../i18n/messages.js';
import type { ConnectSnapshot, SignInSnapshot } from '../machine/steps.js';
import type { ConnectEvent } from '../machine/types.js';

/** Everything a step's view may use: what to show, the words, and a way to tell the machine. */
export interface ViewContext {
  snapshot: ConnectSnapshot;
  /** The Exact login's own snapshot while it runs (the login step), else null. */
  signIn: SignInSnapshot | null;
  send: (event: ConnectEvent) => void;
  t: Messages;
  formatDate: (isoDate: string) => string;
  /** Where eConnect is reached (the host's `contact-url`): the Geavanceerde flow, the migration note. */
  contactUrl: string;
  /** The language the element speaks (as `t`), for what Intl writes by locale: the date field. */
  locale: string;
}

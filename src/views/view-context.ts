import type { FirstMessages } from '../i18n/first-messages.js';
import type { Locale } from '../i18n/localization.js';
import type { Messages } from '../i18n/messages.js';
import type { ConnectSnapshot, SignInSnapshot } from '../machine/steps.js';
import type { ConnectEvent } from '../machine/types.js';

/** Everything a step's view may use: what to show, the words, and a way to tell the machine. */
export interface ViewContext<M extends FirstMessages = FirstMessages> {
  snapshot: ConnectSnapshot;
  /** The Exact login's own snapshot while it runs (the login step), else null. */
  signIn: SignInSnapshot | null;
  send: (event: ConnectEvent) => void;
  /** The words: the first load's for the overview's views, the whole set for a later step's. */
  t: M;
  formatDate: (isoDate: string) => string;
  /** Where eConnect is reached (the host's `contact-url`): the Geavanceerde flow, the migration note. */
  contactUrl: string;
  /** The language the element speaks (as `t`), for what Intl writes by locale: the date field. */
  locale: Locale;
}

/** What a later step's view gets: the whole set of messages (views/later-steps.ts adds the later ones). */
export type StepContext = ViewContext<Messages>;

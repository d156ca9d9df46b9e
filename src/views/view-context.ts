import type { SnapshotFrom } from 'xstate';
import type { Messages } from '../i18n/messages.js';
import type { ConnectMachine } from '../machine/connect-machine.js';
import type { ConnectEvent } from '../machine/types.js';

/** Everything a step's view may use: what to show, the words, and a way to tell the machine. */
export interface ViewContext {
  snapshot: SnapshotFrom<ConnectMachine>;
  send: (event: ConnectEvent) => void;
  t: Messages;
  formatDate: (isoDate: string) => string;
}

import type { Connection, Region } from '../api/types.js';
import type { FirstMessages } from '../i18n/first-messages.js';
import { isolate } from './parts.js';

// The names the overview and the later steps both say: in the first load, so the overview
// does not wait for the later steps' chunk to name a connection.

/** Exact Online's country hosts, as the user knows them (the contract's Region). */
export const exactHosts: Record<Region, string> = {
  nl: 'exactonline.nl',
  be: 'exactonline.be',
  de: 'exactonline.de',
  uk: 'exactonline.co.uk',
  com: 'exactonline.com',
  es: 'exactonline.es',
  fr: 'exactonline.fr',
};

/** A connection named in a sentence: organisation → administration (number and name). */
export const connectionName = (t: FirstMessages, connection: Connection) =>
  t.connectionSummary(isolate(connection.organisation.name), isolate(`${connection.division.code} ${connection.division.name}`));

/** Connections named in a sentence, one after another. */
export const connectionList = (t: FirstMessages, connections: Connection[]) => connections.map((connection) => connectionName(t, connection)).join('; ');

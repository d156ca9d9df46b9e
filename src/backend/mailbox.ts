import type { BackendDeps } from './deps.js';
import { exactCall, refusal, type Grant } from './exact-api.js';
import { ApiProblem } from './problem.js';

/** The Digitale Brievenbus eConnect uses for an organisation: its KvK number at facturen.econnect.eu. */
export const mailboxAddress = (kvk: string): string => `${kvk}@facturen.econnect.eu`;

interface ExactMailbox {
  ID: string;
  Mailbox: string;
  ForDivision: number;
}

/** The mailbox with this address, if the subscription has one (mailboxes belong to it, not to one division). */
async function findMailbox(deps: BackendDeps, grant: Grant, division: number, address: string): Promise<ExactMailbox | undefined> {
  const filter = encodeURIComponent(`Mailbox eq '${address.replaceAll("'", "''")}'`);
  const answer = await exactCall(deps, grant, `${division}/mailbox/Mailboxes?$filter=${filter}&$select=ID,Mailbox,ForDivision`);
  if (!answer.ok) throw refusal(answer);
  const results = (answer.body as { d?: { results?: ExactMailbox[] } } | undefined)?.d?.results ?? [];
  return results.find((mailbox) => mailbox.Mailbox.toLowerCase() === address.toLowerCase());
}

/**
 * Creates the division's Digitale Brievenbus, or adopts the one that already exists for the same
 * division; Exact's refusals become the contract's codes (no mailbox rights, trial licence, the
 * address linked to another division).
 */
export async function createMailbox(deps: BackendDeps, grant: Grant, division: number, kvk: string): Promise<{ id: string; address: string }> {
  const address = mailboxAddress(kvk);
  const answer = await exactCall(deps, grant, `${division}/mailbox/Mailboxes`, { method: 'POST', body: { Mailbox: address, ForDivision: division, Description: 'Digitale brievenbus eConnect Autopilot' } });
  if (answer.ok) {
    const id = (answer.body as { d?: { ID?: string } } | undefined)?.d?.ID;
    if (!id) throw new ApiProblem(503, 'exact_unavailable', 'Exact Online created the mailbox but did not say its ID.');
    return { id, address };
  }
  if (answer.status === 403 && !answer.reason) {
    if (/niet genoeg rechten|not enough rights/i.test(answer.message)) throw new ApiProblem(422, 'trial_licence', 'This Exact Online licence (a trial) cannot have a Digitale Brievenbus.');
    throw new ApiProblem(422, 'mailbox_forbidden', 'This Exact Online user may not create mailboxes: ask the administrator for mailbox rights.');
  }
  if (/bestaat reeds/i.test(answer.message)) {
    if (/divisie/i.test(answer.message)) throw new ApiProblem(422, 'mailbox_linked_elsewhere', `The mailbox ${address} is linked to another administration in Exact Online.`);
    const existing = await findMailbox(deps, grant, division, address);
    if (existing && Number(existing.ForDivision) === division) return { id: existing.ID, address };
    throw new ApiProblem(422, 'mailbox_linked_elsewhere', `The mailbox ${address} is linked to another administration in Exact Online.`);
  }
  throw refusal(answer);
}

/** Ends the mailbox (deletes it), so its address can serve another administration; one already gone is fine. */
export async function endMailbox(deps: BackendDeps, grant: Grant, division: number, mailboxId: string): Promise<void> {
  const answer = await exactCall(deps, grant, `${division}/mailbox/Mailboxes(guid'${mailboxId}')`, { method: 'DELETE' });
  if (answer.ok || answer.status === 404) return;
  throw refusal(answer);
}

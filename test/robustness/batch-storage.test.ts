import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import { clearBatch, loadBatch, saveBatch } from '../../src/batch-storage.js';
import type { BatchRecord } from '../../src/machine/batch-types.js';

/**
 * The batch run kept in sessionStorage for a reload (issue 14) is input like any other: a record
 * of another shape is dropped whole (nothing half-resumed), a failure comes back as the ApiError
 * the views read, and a row kept as connected without its connection is sent again (its key
 * answers the connection).
 */
const SCOPE = 'test-scope';
const KEY = `autopilot-connect:batch:${SCOPE}`;
const row = (id: string, status: BatchRecord['rows'][number]['status']) => ({
  organisation: { id, name: `Org ${id}` },
  division: { code: 100, name: 'Adm' },
  idempotencyKey: `key-${id}`,
  status,
  error: null,
  connection: null,
});

describe('batch storage', () => {
  afterEach(() => sessionStorage.clear());

  it('keeps and restores a run, a failure as an ApiError with its code and status', () => {
    const failed = { ...row('b', 'failed'), error: new ApiError('problem', 'createConnection', 422, 'mailbox_forbidden', null, 'no rights', 'Forbidden') };
    saveBatch(SCOPE, { authorizationId: 'auth-1', rows: [row('a', 'pending'), failed] });
    const loaded = loadBatch(SCOPE)!;
    expect(loaded.authorizationId).to.equal('auth-1');
    expect(loaded.rows[1]!.error).to.be.instanceOf(ApiError);
    expect([loaded.rows[1]!.error!.status, loaded.rows[1]!.error!.code, loaded.rows[1]!.error!.title]).to.deep.equal([422, 'mailbox_forbidden', 'Forbidden']);
    clearBatch(SCOPE);
    expect(loadBatch(SCOPE)).to.equal(null);
  });

  it('a row kept as connected without its connection is sent again', () => {
    saveBatch(SCOPE, { authorizationId: 'auth-1', rows: [row('a', 'connected')] });
    expect(loadBatch(SCOPE)!.rows[0]!.status).to.equal('pending');
  });

  for (const [what, text] of [
    ['not JSON', '{"authorizationId": '],
    ['no rows', JSON.stringify({ authorizationId: 'a', rows: [] })],
    ['no grant', JSON.stringify({ rows: [row('a', 'pending')] })],
    ['a row of another status', JSON.stringify({ authorizationId: 'a', rows: [{ ...row('a', 'pending'), status: 'done' }] })],
    ['a row without its key', JSON.stringify({ authorizationId: 'a', rows: [{ ...row('a', 'pending'), idempotencyKey: 7 }] })],
    ['one bad row among good ones', JSON.stringify({ authorizationId: 'a', rows: [row('a', 'pending'), { organisation: 'x' }] })],
  ] as const) {
    it(`drops a record with ${what}`, () => {
      sessionStorage.setItem(KEY, text);
      expect(loadBatch(SCOPE)).to.equal(null);
    });
  }
});

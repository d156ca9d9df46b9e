import { expect } from '@esm-bundle/chai';
import { emptyResponse, jsonResponse, problemResponse } from '../../src/mocks/responses.js';

/** The mock's own guard: an answer outside the contract is a bug in the mock, so it throws, naming the schema and the place. */
describe('mock backend: its answers are checked against the contract', () => {
  const organisation = { id: 'org_1', name: 'Bakkerij', kvk: null, connectionId: null, blockers: [] };

  it('sends a body that conforms', async () => {
    const response = jsonResponse('listOrganisations', 200, { items: [organisation], nextCursor: null, total: 1 });
    expect(await response.json()).to.deep.equal({ items: [organisation], nextCursor: null, total: 1 });
    expect(emptyResponse('deleteConnection', 204).status).to.equal(204);
  });

  it('throws for a success body that breaks the contract, saying which schema and where', () => {
    expect(() => jsonResponse('listOrganisations', 200, { items: [{ ...organisation, blockers: [{ code: 'nope' }] }], nextCursor: null, total: 1 })).to.throw(
      'Mock backend broke the contract: listOrganisations 200 OrganisationPage: $.items[0].blockers[0].code: not one of legacy_connection_active, no_access, not_postvak_in_only',
    );
    expect(() => jsonResponse('createRedelivery', 202, { id: 'r1', from: '2025-13-01', documentCount: 3 })).to.throw(
      'Mock backend broke the contract: createRedelivery 202 Redelivery: $.from: not a date',
    );
  });

  it('throws for a problem outside the contract and for the wrong success status', () => {
    expect(() => problemResponse({ status: 404, code: 'No Such Code' as never, detail: 'x' })).to.throw(
      'Mock backend broke the contract: route 404 Problem: $.code: matches none of the allowed shapes',
    );
    expect(() => jsonResponse('createConnection', 202, {})).to.throw(
      'Mock backend broke the contract: createConnection answered 202, expected one of 200, 201',
    );
  });
});

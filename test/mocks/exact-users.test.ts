/**
 * The simulated Exact Online logs in whoever types a user name: the seeded user, or another Exact
 * user who sees the same administrations. Two elements on one page can so log in two users whose
 * grants do not replace each other (the platform revokes only the same user's earlier grant).
 */
import { expect } from '@esm-bundle/chai';
import { ExactOnline, exactUser } from '../../src/mocks/index.js';

const redirect = 'https://platform.example/api/oauth/callback';
const exact = () =>
  new ExactOnline({ user: exactUser, region: 'nl', divisions: [{ code: 1, name: 'Eén', kvk: null, vatNumber: null, country: 'NL', blocked: false }] });

const grantFor = (online: ExactOnline, username?: string) => {
  const session = online.logIn(username);
  return online.exchangeCode(online.issueCode(redirect, [1], session), redirect);
};

describe('the simulated Exact Online users', () => {
  it('grants for the seeded user when that user (in any case) or nobody in particular logs in', () => {
    const online = exact();
    expect(grantFor(online)?.user).to.deep.equal(exactUser);
    expect(grantFor(online, exactUser.email!.toUpperCase())?.user).to.deep.equal(exactUser);
  });

  it('grants for another Exact user when another user name logs in', () => {
    const grant = grantFor(exact(), 'boekhouder@fietsenmakerij.nl');
    expect(grant?.user).to.deep.include({ name: 'boekhouder@fietsenmakerij.nl', email: 'boekhouder@fietsenmakerij.nl' });
    // Exact's UserID: a GUID of its own, the same at every login of that user, not Lien's.
    expect(grant?.user.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(grant?.user.id).not.to.equal(exactUser.id);
    expect(grantFor(exact(), 'Boekhouder@Fietsenmakerij.nl')?.user.id).to.equal(grant?.user.id);
    expect(grant?.divisionCodes).to.deep.equal([1]);
  });
});

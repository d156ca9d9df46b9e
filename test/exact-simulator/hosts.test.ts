/** The country hosts: by the URL's host, or by a region path segment when one origin serves all. */
import { expect } from '@esm-bundle/chai';
import { exactHosts, regionBase, regions, routeRequest } from '../../src/exact-simulator/index.js';
import { connect, api, newSimulator } from './simulator-driver.js';

describe('the simulated Exact Online hosts', () => {
  it('knows the seven country hosts, the UK one on co.uk', () => {
    expect(regions.map((region) => exactHosts[region])).to.deep.equal([
      'start.exactonline.nl',
      'start.exactonline.be',
      'start.exactonline.de',
      'start.exactonline.co.uk',
      'start.exactonline.com',
      'start.exactonline.es',
      'start.exactonline.fr',
    ]);
  });

  it('routes by host, or by the region as the first path segment on a shared origin', () => {
    expect(routeRequest(new URL('https://start.exactonline.co.uk/api/v1/current/Me'))).to.deep.equal({ region: 'uk', path: '/api/v1/current/Me', base: 'https://start.exactonline.co.uk' });
    expect(routeRequest(new URL('http://127.0.0.1:5174/de/api/oauth2/token'))).to.deep.equal({ region: 'de', path: '/api/oauth2/token', base: 'http://127.0.0.1:5174/de' });
    expect(routeRequest(new URL('http://127.0.0.1:5174/xx/api/oauth2/token'))).to.equal(null);
    expect(regionBase('http://127.0.0.1:5174/', 'fr')).to.equal('http://127.0.0.1:5174/fr');
  });

  it('serves a login made on the shared origin under the region prefix, its links and cookie scoped to it', async () => {
    const simulator = newSimulator({ apps: [{ clientId: 'autopilot-test', clientSecret: 'top-secret', redirectUris: ['https://platform.example/oauth/callback'] }] });
    const origin = 'http://127.0.0.1:5174';
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan', { host: `${origin}/nl` });
    const page = (await (await api(simulator, tokens.access_token, `${origin}/nl/api/v1/101001/system/Divisions?$select=Code`)).json()) as { d: { results: { __metadata: { uri: string } }[] } };
    expect(page.d.results[0]?.__metadata.uri).to.equal(`${origin}/nl/api/v1/101001/system/Divisions(101001)`);
    const login = await simulator.handle(
      new Request(`${origin}/nl/api/oauth2/auth?client_id=autopilot-test&redirect_uri=${encodeURIComponent('https://platform.example/oauth/callback')}&response_type=code`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'step=login&username=jan%40jansen-boekhouding.nl&password=jan',
      }),
    );
    expect(login.headers.get('X-Simulator-Set-Cookie')).to.match(/^ExactOnlineSession=[^;]+; Path=\/nl\/api\/oauth2; HttpOnly; SameSite=Lax$/);
    expect((await simulator.handle(new Request(`${origin}/api/oauth2/auth`))).status).to.equal(404);
  });
});

import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { exactLogin } from './steps.mjs';

/**
 * A person completes the whole flow in each of Exact Online's languages: the element, the
 * simulated Exact Online pages and the callback page all follow the chosen locale.
 */
const languages = {
  en: { newConnection: 'New Connection', confirm: 'Confirm', open: 'Open', login: 'Log in', allow: 'Allow', continue: 'Continue', heading: 'Select administration', finish: 'Finish', done: 'Connection made' },
  fr: { newConnection: 'Nouvelle connexion', confirm: 'Confirmer', open: 'Ouvrir', login: 'Se connecter', allow: 'Autoriser', continue: 'Continuer', heading: "Sélectionnez l'administration", finish: 'Terminer', done: 'Connexion établie' },
  de: { newConnection: 'Neue Verbindung', confirm: 'Bestätigen', open: 'Öffnen', login: 'Anmelden', allow: 'Erlauben', continue: 'Weiter', heading: 'Administration auswählen', finish: 'Abschließen', done: 'Verbindung hergestellt' },
  es: { newConnection: 'Nueva conexión', confirm: 'Confirmar', open: 'Abrir', login: 'Iniciar sesión', allow: 'Permitir', continue: 'Continuar', heading: 'Seleccione la administración', finish: 'Finalizar', done: 'Conexión establecida' },
};

describe('the whole flow in every language', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => harness.reset('default'));

  for (const [locale, words] of Object.entries(languages)) {
    it(`in ${locale}: element, Exact Online pages and callback page`, async () => {
      // A person who speaks the language: Exact Online's pages follow the browser's (Accept-Language).
      const page = await harness.browser.newPage({ locale });
      await page.goto(`${harness.origin}/?scenario=default&locale=${locale}`);
      const element = page.locator('autopilot-connect');
      await element.getByRole('button', { name: words.newConnection }).click();
      await element.getByRole('option', { name: /eLien test company/ }).click();
      await element.getByRole('button', { name: words.confirm }).click();
      await element.getByRole('button', { name: 'Exact Online' }).click();
      const popupOpened = page.waitForEvent('popup');
      await element.getByRole('button', { name: words.open, exact: true }).click();
      const popup = await popupOpened;
      assert.equal(await popup.locator('html').getAttribute('lang'), locale);
      const requested = [];
      popup.on('request', (request) => requested.push(request.url()));
      await popup.locator('#username').fill(exactLogin.username);
      await popup.locator('#password').fill(exactLogin.password);
      await popup.getByRole('button', { name: words.login }).click();
      await popup.getByRole('button', { name: words.allow }).click();
      await element.getByRole('button', { name: words.continue }).click();
      // The callback page was asked for in the same language (it may have closed itself since).
      const callback = requested.find((url) => url.includes('/callback.html'));
      assert.ok(callback, 'the login ended on the callback page');
      await element.getByRole('heading', { name: words.heading }).waitFor();
      await element.getByRole('option', { name: /^eLien test company/ }).click();
      await element.getByRole('button', { name: words.finish }).click();
      await element.getByRole('heading', { name: words.done }).waitFor();
      // README (Embedding, the callback page): the backend redirects to callback.html?…&lang=LANG.
      // The reference backend leaves lang out (it ignores POST authorizations' locale): fails, reported.
      assert.equal(new URL(callback).searchParams.get('lang'), locale, 'the callback page speaks the language');
      await page.close();
    });
  }
});

describe('user preferences', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());

  it('does not shimmer with prefers-reduced-motion (and does without it)', async () => {
    const animationOf = async (reducedMotion) => {
      await harness.reset('slow');
      const page = await harness.browser.newPage({ reducedMotion });
      await page.goto(`${harness.origin}/?scenario=slow`);
      // The first wait: the shape of the overview's cards.
      const bone = page.locator('autopilot-connect [data-skeleton="cards"] .bone').first();
      await bone.waitFor();
      const name = await bone.evaluate((element) => getComputedStyle(element).animationName);
      await page.close();
      return name;
    };
    assert.equal(await animationOf('reduce'), 'none');
    assert.equal(await animationOf('no-preference'), 'shimmer');
  });

  /** The step's background and text colour, as luminance (0 black … 1 white). */
  const colours = (page) =>
    page.locator('autopilot-connect').evaluate((element) => {
      const body = element.shadowRoot.querySelector('[part="body"]');
      const luminance = (colour) => {
        const [r, g, b] = colour.match(/[\d.]+/g).slice(0, 3).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      return { background: luminance(getComputedStyle(body).backgroundColor), text: luminance(getComputedStyle(body).color) };
    });

  it('follows prefers-color-scheme, unless the host sets color-scheme on the element', async () => {
    await harness.reset('default');
    const page = await harness.browser.newPage({ colorScheme: 'dark' });
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = page.locator('autopilot-connect');
    await element.getByRole('button', { name: 'New Connection' }).waitFor();
    const dark = await colours(page);
    assert.ok(dark.background < 0.2 && dark.text > 0.8, `dark: ${JSON.stringify(dark)}`);
    // The host's choice beats the user's preference.
    await element.evaluate((node) => node.style.setProperty('color-scheme', 'light'));
    const light = await colours(page);
    assert.ok(light.background > 0.9 && light.text < 0.2, `the host's light: ${JSON.stringify(light)}`);
    await page.emulateMedia({ colorScheme: 'light' });
    await element.evaluate((node) => node.style.setProperty('color-scheme', 'dark'));
    const hostDark = await colours(page);
    assert.ok(hostDark.background < 0.2, `the host's dark on a light preference: ${JSON.stringify(hostDark)}`);
    await page.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`keeps buttons and focus visible in forced colours (${colorScheme})`, async () => {
      await harness.reset('default');
      const page = await harness.browser.newPage({ forcedColors: 'active', colorScheme });
      await page.goto(`${harness.origin}/?scenario=default`);
      const button = page.locator('autopilot-connect').getByRole('button', { name: 'New Connection' });
      await button.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const style = await button.evaluate((element) => {
        const computed = getComputedStyle(element);
        return { border: computed.borderTopStyle, borderWidth: computed.borderTopWidth, outline: computed.outlineStyle };
      });
      assert.notEqual(style.border, 'none');
      assert.notEqual(style.borderWidth, '0px');
      assert.notEqual(style.outline, 'none');
      await page.close();
    });
  }
});

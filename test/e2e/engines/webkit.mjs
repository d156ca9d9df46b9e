import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Builder, Capabilities, Key } from 'selenium-webdriver';
import remote from 'selenium-webdriver/remote/index.js';
import { ensureDisplay } from './xvfb.mjs';

/** WebKitGTK's MiniBrowser, from the library package (`dpkg -L libwebkit2gtk-4.1-0`). */
export function findMiniBrowser() {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  const known = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
  if (existsSync(known)) return known;
  try {
    const listed = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('\n').find((path) => path.endsWith('/MiniBrowser'));
    if (listed) return listed;
  } catch {
    // Not a Debian machine, or the package is missing: the message below says what to install.
  }
  throw new Error("No MiniBrowser found: install Debian's webkit2gtk-driver (it brings libwebkit2gtk-4.1-0) or set MINIBROWSER_PATH.");
}

/**
 * WebKit (WebKitGTK, Safari's engine) through selenium-webdriver and WebKitWebDriver, driving the
 * MiniBrowser. It needs an X display: $DISPLAY, else its own Xvfb. WebKit keeps its popup blocker:
 * a window not opened by a user's click is refused. One WebDriver session per page, so each test
 * starts with a fresh browser (about a second).
 */
export async function launchWebKit() {
  const x = await ensureDisplay();
  const service = new remote.DriverService.Builder('WebKitWebDriver')
    .setLoopback(true)
    // Dutch, as Lien's browser (WebKitGTK's Accept-Language follows the locale): the simulated Exact pages follow it.
    .setEnvironment({ ...process.env, DISPLAY: x.display, LANGUAGE: 'nl_NL:nl', LANG: 'nl_NL.UTF-8' })
    .build();
  const server = await service.start().catch(async (error) => {
    await x.stop();
    throw new Error(`WebKitWebDriver did not start (install Debian's webkit2gtk-driver): ${error.message}`);
  });
  const capabilities = new Capabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: findMiniBrowser(), args: ['--automation'] },
  });
  const sessions = new Set();
  return {
    async newPage() {
      const driver = await new Builder().usingServer(server).withCapabilities(capabilities).build();
      sessions.add(driver);
      const session = { driver, current: await driver.getWindowHandle() };
      return wrap(session, session.current, async () => {
        sessions.delete(driver);
        await driver.quit();
      });
    },
    async close() {
      await Promise.all([...sessions].map((driver) => driver.quit().catch(() => {})));
      await service.kill();
      await x.stop();
    },
  };
}

const keys = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, Shift: Key.SHIFT, Escape: Key.ESCAPE };

/**
 * A WebDriver session talks to one window at a time: each page switches to its own window
 * before it acts (`session.current` remembers where the session is).
 */
function wrap(session, windowHandle, close) {
  const { driver } = session;
  async function here() {
    if (session.current === windowHandle) return;
    await driver.switchTo().window(windowHandle);
    session.current = windowHandle;
  }
  return {
    goto: async (url) => (await here(), driver.get(url)),
    url: async () => (await here(), driver.getCurrentUrl()),
    run: async (expression) => (await here(), driver.executeScript(`return ${expression}`)),
    handle: async (expression) => (await here(), driver.executeScript(`return ${expression}`)),
    // WebKitWebDriver's Element Click answers "element not interactable" for the picker's
    // options (a shadow root inside the element's shadow root), so the pointer is moved to the
    // element's middle and clicked there, as Playwright and Puppeteer do: a real click all the same.
    async click(element) {
      await here();
      const { x, y } = await driver.executeScript(
        `const element = arguments[0];
        element.scrollIntoView({ block: 'center', inline: 'center' });
        const box = element.getBoundingClientRect();
        return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };`,
        element,
      );
      await driver.actions().move({ x, y, origin: 'viewport' }).click().perform();
    },
    async press(key) {
      await here();
      const parts = key.split('+').map((part) => keys[part] ?? part);
      const last = parts.pop();
      let actions = driver.actions();
      for (const modifier of parts) actions = actions.keyDown(modifier);
      actions = actions.keyDown(last).keyUp(last);
      for (const modifier of parts.reverse()) actions = actions.keyUp(modifier);
      await actions.perform();
    },
    type: async (text) => (await here(), driver.actions().sendKeys(text).perform()),
    async waitForPopup(action) {
      await here();
      const before = new Set(await driver.getAllWindowHandles());
      await action();
      const popup = await driver.wait(async () => (await driver.getAllWindowHandles()).find((handle) => !before.has(handle)), 15_000, 'no popup opened within 15 s');
      return wrap(session, popup, async () => (await here(), driver.close()));
    },
    isClosed: async () => !(await driver.getAllWindowHandles()).includes(windowHandle),
    close,
  };
}

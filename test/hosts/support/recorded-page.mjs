/**
 * A page in a fresh browser context that records what a host team would look for in the
 * devtools: console messages, uncaught errors, every response and every failed request, for
 * the page and for the windows it opens (the login popup).
 */
export async function openRecordedPage(browser) {
  // Lien's browser speaks Dutch: the simulated Exact Online pages follow Accept-Language.
  const context = await browser.newContext({ locale: 'nl-NL' });
  const seen = { console: [], errors: [], responses: [], failed: [] };
  context.on('console', (message) => seen.console.push({ type: message.type(), text: message.text(), url: message.location().url, page: message.page()?.url() }));
  context.on('weberror', (error) => seen.errors.push(String(error.error())));
  context.on('response', (response) => seen.responses.push({ url: new URL(response.url()), status: response.status() }));
  context.on('requestfailed', (request) => seen.failed.push(`${request.url()} ${request.failure()?.errorText}`));
  const page = await context.newPage();
  const notOk = () => seen.responses.filter(({ status }) => status >= 400).map(({ url, status }) => `${status} ${url.pathname}`);
  const consoleText = (type) => seen.console.filter((message) => !type || message.type === type).map((message) => message.text);
  return {
    page,
    seen,
    /** Responses that are not OK, as `status path` lines (an empty list is what a test wants). */
    notOk,
    consoleText,
    /** Waits for the locator; when it never shows, says what went wrong on the page instead of a bare timeout. */
    async shows(locator) {
      try {
        await locator.waitFor();
      } catch (error) {
        const found = { errors: seen.errors, consoleErrors: consoleText('error'), notOk: notOk(), failed: seen.failed };
        throw new Error(`${error.message.split('\n')[0]}\n${JSON.stringify(found, null, 2)}`);
      }
    },
    close: () => context.close(),
  };
}

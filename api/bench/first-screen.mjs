// What the first screen of a page costs to fetch: Debian's chromium opens the page on the
// running product with an empty cache, and the bench adds up the bytes of the HTML, JavaScript
// and CSS as they came over the wire (compressed as the server sent them), until the network is
// quiet. Nothing is downloaded: without chromium the row is skipped.
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';

export const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const KINDS = { document: 'html', script: 'js', stylesheet: 'css' };

export function chromiumMissing() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    return `no chromium at ${CHROMIUM} (apt-get install chromium)`;
  }
  try {
    createRequire(import.meta.url).resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm ci installs it with the portal)';
  }
  return null;
}

/**
 * `pages`: `{ name, path, sessionToken? }`. Each page gets a fresh browser context (no cache),
 * with the session cookie where the page is a signed-in one.
 */
export async function measureFirstScreens(baseUrl, pages) {
  const { chromium } = createRequire(import.meta.url)('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const results = [];
    for (const page of pages) {
      const context = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': 'br, gzip' } });
      if (page.sessionToken) {
        await context.addCookies([{ name: 'lmr_session', value: page.sessionToken, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
      }
      const tab = await context.newPage();
      const document = await context.request.get(`${baseUrl}${page.path}`);
      if (!(document.headers()['content-type'] ?? '').startsWith('text/html')) {
        throw new Error(`${page.path} is not the portal's HTML (${document.status()}): is web/dist built?`);
      }
      const responses = [];
      tab.on('response', (response) => responses.push(response));
      await tab.goto(`${baseUrl}${page.path}`, { waitUntil: 'networkidle' });
      const bytes = { html: 0, js: 0, css: 0 };
      const files = { html: 0, js: 0, css: 0 };
      const encodings = new Set();
      for (const response of responses) {
        const kind = KINDS[response.request().resourceType()];
        if (!kind) continue;
        const sizes = await response.request().sizes();
        // The body as it came over the wire: compressed where the server compressed it.
        bytes[kind] += sizes.responseBodySize;
        files[kind] += 1;
        encodings.add((await response.headerValue('content-encoding')) ?? 'identity');
      }
      results.push({
        page: page.name,
        path: page.path,
        url: tab.url().replace(baseUrl, ''),
        htmlBytes: bytes.html,
        jsBytes: bytes.js,
        cssBytes: bytes.css,
        totalBytes: bytes.html + bytes.js + bytes.css,
        files: files.html + files.js + files.css,
        encodings: [...encodings].sort(),
      });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}

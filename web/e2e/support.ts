import { deflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

import { demoPassword } from './demo-sign-in';

export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Fails on serious and critical violations; the full report is attached either way. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(blocking, `accessibility violations on the ${name} page`).toEqual([]);
}

export async function expectNoSidewaysScrolling(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page is wider than the screen').toBeLessThanOrEqual(0);
}

/**
 * Words in Latin letters on a page shown in Chinese: each is untranslated text unless it is
 * marked as another language (`lang="en"`), or is a name a Chinese page keeps as it is
 * (an email address, a web address, a time zone, an upper-case code such as WB4B26 or PDF).
 */
export async function untranslatedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const kept = [/\S+@\S+\.\S+/g, /https?:\/\/\S+/g, /\b[A-Z][a-z]+\/[A-Za-z_]+\b/g, /\b[A-Z0-9][A-Z0-9-]*[A-Z0-9]\b/g];
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript, code, [hidden], [aria-hidden="true"]')) continue;
      const lang = parent.closest('[lang]')?.getAttribute('lang') ?? '';
      if (!lang.startsWith('zh')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      let text = node.textContent ?? '';
      for (const pattern of kept) text = text.replace(pattern, ' ');
      const words = text.match(/[A-Za-z]{3,}/g);
      if (words) found.add(`${words.join(' ')} ← “${(node.textContent ?? '').trim().slice(0, 80)}”`);
    }
    for (const element of document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder], input[type="submit"], img[alt]')) {
      const lang = element.closest('[lang]')?.getAttribute('lang') ?? '';
      if (!lang.startsWith('zh')) continue;
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'value']) {
        if (attribute === 'value' && element.tagName !== 'INPUT') continue;
        let text = element.getAttribute(attribute) ?? '';
        for (const pattern of kept) text = text.replace(pattern, ' ');
        const words = text.match(/[A-Za-z]{3,}/g);
        if (words) found.add(`${words.join(' ')} ← ${attribute}=“${element.getAttribute(attribute)?.slice(0, 80)}”`);
      }
    }
    return [...found];
  });
}

/**
 * The personal code of the index-th pupil of a demo class (四年级二班, WB4B26, unless given), read
 * from the printed sign-in cards as its teacher. Each test and screen size uses its own pupil, so one
 * run's submissions do not meet.
 */
export async function pupilCode(page: Page, index: number, from = { teacher: 'wang.fang@wenbo.example', className: '四年级二班' }): Promise<string> {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(from.teacher);
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/classes$/);
  await page.getByRole('link', { name: from.className, exact: true }).click();
  await page.getByRole('link', { name: '打印登录卡' }).click();
  const card = page.getByRole('list', { name: '登录卡' }).getByRole('listitem').nth(index);
  const code = (await card.getByTestId('card-pupil-code').textContent())?.trim() ?? '';
  await page.getByRole('group', { name: '我的账户' }).getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  return code;
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A small real PNG (a red square), made here so the test needs no fixture file. */
export function redSquarePng(size = 16): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [200, 30, 30]).flat())])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// ─── Content-Security-Policy (issue 17) ─────────────────────────────────────────────────────
// Every journey runs under the API's CSP and fails on any violation: specs import from here
// what they would import from @playwright/test (everything is passed on; `test` is ours). An
// automatic fixture watches the test's own context and every context the test opens with
// browser.newContext (journeys with several people).
import { test as playwrightTest, type Browser as CspBrowser, type BrowserContext as CspContext } from '@playwright/test';

export * from '@playwright/test';

/** Reports each securitypolicyviolation event of every page and frame of the context, and Chromium's console "Refused to …". */
async function watchForCspViolations(context: CspContext, found: string[]): Promise<void> {
  await context.exposeBinding('__lmrCspViolation', (_source, text: string) => {
    found.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __lmrCspViolation?: (text: string) => void }).__lmrCspViolation;
      report?.(`${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} on ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  context.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|create|evaluate)/i.test(text)) found.push(`console: ${text}`);
  });
}

export const test = playwrightTest.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const found: string[] = [];
      await watchForCspViolations(context, found);
      const patched = browser as CspBrowser & { newContext: CspBrowser['newContext'] };
      const newContext = patched.newContext;
      patched.newContext = async (...args: Parameters<CspBrowser['newContext']>) => {
        const opened = await newContext.apply(browser, args);
        await watchForCspViolations(opened, found);
        return opened;
      };
      try {
        await use(found);
      } finally {
        patched.newContext = newContext;
      }
      expect([...new Set(found)], 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

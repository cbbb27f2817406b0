import { expect, test } from './support';

test('the portal is sent with its Content-Security-Policy, and a violation is caught', async ({ page, cspViolations }) => {
  const answer = await page.goto('/');
  const headers = answer?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(cspViolations).toEqual([]);

  // What an injected script would try: refused by the browser, and seen by the watcher that
  // fails every other journey.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);
  });
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(cspViolations.join('\n')).toMatch(/script-src/);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  // Emptied so that this test, which caused the violation on purpose, passes.
  cspViolations.length = 0;
});

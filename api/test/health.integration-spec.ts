import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './test-app';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('is live and ready while the database answers', async () => {
    const live = await t.http().get('/health/live');
    expect(live.status).toBe(200);
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: t.kind });
  });

  it('answers 503 on /health/ready when the database is gone, and stays live', async () => {
    await t.dataSource.destroy();
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('unavailable');
    expect((await t.http().get('/health/live')).status).toBe(200);
  });
});

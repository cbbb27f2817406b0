import WebSocket from 'ws';
import type { TestApp } from './test-app';

/** What one subscription received: `next` payloads, or the `error` it ended with. */
export interface WsMessage {
  type: string;
  id?: string;
  payload?: any;
}

export interface WsSubscription {
  /** Waits for the next `next` (or `error`) message of the subscription. */
  nextMessage(timeoutMs?: number): Promise<WsMessage>;
  /** Every message received so far for the subscription. */
  received: WsMessage[];
  /** Settles when the socket closes, whichever side closed it, with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

/** The test app's server listening on a port, so a WebSocket can reach it (supertest reuses it). */
export async function listeningUrl(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return `ws://127.0.0.1:${port}/graphql`;
}

/**
 * A graphql-ws (graphql-transport-ws) client written out by hand: connects, sends
 * connection_init (with `Bearer token` in its payload, or a cookie on the upgrade), waits
 * for the ack and subscribes. Resolves once the server acknowledged the connection.
 */
export async function subscribe(
  url: string,
  query: string,
  opts: { token?: string; cookie?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<WsSubscription> {
  const socket = new WebSocket(url, 'graphql-transport-ws', { headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers } });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const received: WsMessage[] = [];
  const waiters: ((m: WsMessage) => void)[] = [];
  let unread = 0;
  const ack = new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('close', (code, reason) => reject(new Error(`socket closed before ack: ${code} ${reason.toString()}`)));
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: opts.token ? { authorization: `Bearer ${opts.token}` } : {} })),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as WsMessage;
      if (message.type === 'connection_ack') return resolve();
      if (message.type === 'ping') return socket.send(JSON.stringify({ type: 'pong' }));
      if (message.id !== '1' || message.type === 'complete') return;
      received.push(message);
      const waiter = waiters.shift();
      if (waiter) waiter(message);
      else unread += 1;
    });
  });
  await ack;
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: opts.variables ?? {} } }));
  return {
    received,
    closed,
    nextMessage(timeoutMs = 5000) {
      if (unread > 0) {
        unread -= 1;
        return Promise.resolve(received[received.length - 1 - unread]!);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no message within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((m) => {
          clearTimeout(timer);
          resolve(m);
        });
      });
    },
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.close();
      await closed;
    },
  };
}

/** The errors a message carries: an `error` message is nothing but errors; a `next` may have some. */
export function errorsOf(message: WsMessage): { message: string; extensions?: { code?: string } }[] | undefined {
  return message.type === 'error' ? message.payload : message.payload?.errors;
}

/** Waits until `check` holds, polling; for "the server has the subscription live". */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { EventBus } from './event-bus';

/** Every channel this product uses in a shared Redis starts with this. */
const PREFIX = 'lmr:';

/**
 * Events through Redis pub/sub, so a notification raised in one API process reaches a pupil
 * subscribed on another. One connection publishes; one (in subscriber mode, which allows no
 * other commands) listens, subscribed to a channel exactly while this process has
 * subscribers on it. ioredis reconnects and resubscribes by itself after an outage.
 */
export class RedisEventBus extends EventBus {
  private readonly logger = new Logger('RedisEventBus');
  private readonly subscribed = new Set<string>();
  /** Subscribe/unsubscribe per channel run one after another, so they cannot overtake each other. */
  private readonly queues = new Map<string, Promise<void>>();
  private closed = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly listener: Redis,
  ) {
    super();
    listener.on('message', (channel: string, text: string) => {
      if (!channel.startsWith(PREFIX)) return;
      try {
        this.deliver(channel.slice(PREFIX.length), text);
      } catch (err) {
        this.logger.warn(`dropped a message that is not JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  }

  /** Connects both connections; throws (and leaves nothing running) when Redis cannot be reached in time. */
  static async connect(url: string, connectTimeoutMs: number): Promise<RedisEventBus> {
    const logger = new Logger('RedisEventBus');
    let starting = true;
    let lastError: string | null = null;
    const open = (name: string) => {
      const redis = new Redis(url, { lazyConnect: true, connectTimeout: connectTimeoutMs, maxRetriesPerRequest: 3, connectionName: `lmr-${name}` });
      // Without a listener ioredis prints every connection error itself; once running, an outage is logged and retried.
      redis.on('error', (err: Error) => {
        if (starting) lastError = err.message;
        else logger.warn(`Redis ${name} connection: ${err.message}`);
      });
      return redis;
    };
    const publisher = open('publisher');
    const listener = open('listener');
    try {
      await Promise.all([publisher.connect(), listener.connect()]);
    } catch (err) {
      publisher.disconnect();
      listener.disconnect();
      const where = new URL(url);
      const reason = lastError ?? (err instanceof Error ? err.message : String(err));
      throw new Error(`cannot connect to Redis at ${where.hostname}:${where.port || 6379}: ${reason}`);
    } finally {
      starting = false;
    }
    return new RedisEventBus(publisher, listener);
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.publisher.publish(PREFIX + channel, JSON.stringify(message));
  }

  protected sync(channel: string): Promise<void> {
    const run = async () => {
      const wanted = this.hasListeners(channel) && !this.closed;
      if (wanted && !this.subscribed.has(channel)) {
        await this.listener.subscribe(PREFIX + channel);
        this.subscribed.add(channel);
      } else if (!wanted && this.subscribed.has(channel)) {
        this.subscribed.delete(channel);
        // A failed unsubscribe only leaves messages arriving that no one here takes.
        await this.listener.unsubscribe(PREFIX + channel).catch((err: unknown) => {
          this.logger.warn(`unsubscribe failed: ${err instanceof Error ? err.message : String(err)}`);
        });
      }
    };
    const next = (this.queues.get(channel) ?? Promise.resolve()).catch(() => undefined).then(run);
    this.queues.set(channel, next);
    const forget = () => {
      if (this.queues.get(channel) === next) this.queues.delete(channel);
    };
    next.then(forget, forget);
    return next;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.endAll();
    await Promise.allSettled([...this.queues.values()]);
    await Promise.allSettled([this.listener.quit(), this.publisher.quit()]);
  }
}

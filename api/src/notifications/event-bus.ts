import type { OnApplicationShutdown } from '@nestjs/common';

/**
 * Events between the place something happened and the people subscribed to hear of it.
 * Messages are JSON on every transport, so a subscriber sees the same plain values whether
 * the event came from this process or, through Redis, from another one.
 */
export abstract class EventBus implements OnApplicationShutdown {
  private readonly local = new Map<string, Set<ChannelSubscription>>();

  /** Sends a message to every subscriber of the channel, in any process that shares the bus. */
  abstract publish(channel: string, message: unknown): Promise<void>;

  abstract close(): Promise<void>;

  /** After the server stopped taking requests: the connections close and the subscriptions end. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Brings the transport in line with whether this process has subscribers on the channel. */
  protected abstract sync(channel: string): Promise<void>;

  /**
   * An iterator of the channel's messages. It resolves once the subscription is live, so
   * anything published afterwards reaches it; leaving (return()) unsubscribes.
   */
  async subscribe<T>(channel: string): Promise<AsyncIterableIterator<T>> {
    const subscription: ChannelSubscription<T> = new ChannelSubscription<T>(() => this.leave(channel, subscription as ChannelSubscription));
    let set = this.local.get(channel);
    if (!set) this.local.set(channel, (set = new Set()));
    set.add(subscription as ChannelSubscription);
    try {
      await this.sync(channel);
    } catch (err) {
      await subscription.return();
      throw err;
    }
    return subscription;
  }

  /** How many subscribers this process has on the channel. */
  listenerCount(channel: string): number {
    return this.local.get(channel)?.size ?? 0;
  }

  protected hasListeners(channel: string): boolean {
    return this.listenerCount(channel) > 0;
  }

  /** Hands a message (as JSON text) to this process's subscribers of the channel. */
  protected deliver(channel: string, json: string): void {
    const set = this.local.get(channel);
    if (!set) return;
    for (const subscription of set) subscription.push(JSON.parse(json));
  }

  /** Ends every subscription, e.g. on shutdown: the clients see their subscriptions complete. */
  protected async endAll(): Promise<void> {
    const all = [...this.local.values()].flatMap((set) => [...set]);
    await Promise.all(all.map((s) => s.return()));
  }

  private async leave(channel: string, subscription: ChannelSubscription): Promise<void> {
    const set = this.local.get(channel);
    if (!set?.delete(subscription)) return;
    if (set.size === 0) this.local.delete(channel);
    await this.sync(channel);
  }
}

/** A subscriber that is slower than this many waiting messages loses the oldest ones. */
const MAX_WAITING = 100;

/** One subscriber's queue: pushed by the bus, pulled by graphql-ws. */
class ChannelSubscription<T = unknown> implements AsyncIterableIterator<T> {
  private readonly waiting: T[] = [];
  private readonly pulls: ((result: IteratorResult<T>) => void)[] = [];
  private done = false;

  constructor(private readonly onLeave: () => Promise<void>) {}

  push(value: T): void {
    if (this.done) return;
    const pull = this.pulls.shift();
    if (pull) return pull({ value, done: false });
    this.waiting.push(value);
    if (this.waiting.length > MAX_WAITING) this.waiting.shift();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.waiting.length > 0) return Promise.resolve({ value: this.waiting.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.pulls.push(resolve));
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.waiting.length = 0;
      for (const pull of this.pulls.splice(0)) pull({ value: undefined, done: true });
      await this.onLeave();
    }
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw err;
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/** One process: publishing hands the message straight to this process's subscribers. */
export class InProcessEventBus extends EventBus {
  async publish(channel: string, message: unknown): Promise<void> {
    this.deliver(channel, JSON.stringify(message));
  }

  protected async sync(): Promise<void> {
    // Nothing to keep in step: the subscribers live in this process only.
  }

  async close(): Promise<void> {
    await this.endAll();
  }
}

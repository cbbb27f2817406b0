import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../common/app-config.module';
import type { GraphQLContext } from '../common/request-context';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { liveSessionIds } from '../identity/live-sessions';
import { EventBus } from './event-bus';

/** The part of a `ws` WebSocket (graphql-ws's `extra.socket`) this service uses. */
export interface SubscriptionSocket {
  readonly readyState: number;
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** The context of an operation that came over graphql-ws: app.module.ts adds the socket it came on. */
export type SubscriptionContext = GraphQLContext & { socket?: SubscriptionSocket };

/** The bus channel on which every API process hears which sessions have ended. */
export const SESSIONS_ENDED_CHANNEL = 'sessions:ended';

interface SessionsEnded {
  sessionIds: string[];
}

/**
 * 4401 "Unauthorized", graphql-ws's own code for a socket without valid credentials: the
 * session that authenticated the socket no longer does. graphql-ws clients treat it as final
 * and do not reconnect by themselves with the same dead session (they do after 4403).
 */
export const SESSION_ENDED_CLOSE_CODE = 4401;
const SESSION_ENDED_REASON = 'Unauthorized: the session ended';

/** ws's readyState once close() has been called or the socket is gone. */
const CLOSING = 2;

/**
 * Keeps each open subscription socket with the session that authenticated it, and closes
 * the socket when that session ends, so that a device that signed out (or whose password
 * was changed, account disabled, or pupil deleted) stops receiving children's data at once
 * rather than when it next reconnects.
 *
 * Sessions end in one process and sockets live in any: the ending is published on the event
 * bus (through Redis between processes) and every process closes its own sockets. Sessions
 * that end without an announcement (they expire, an announcement was lost in a Redis outage,
 * a change elsewhere deleted them) are caught by a check every SUBSCRIPTION_SESSION_CHECK_MS:
 * one SQL statement per interval for all of this process's sockets, none per event.
 */
@Injectable()
export class SubscriptionSessionsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SubscriptionSessionsService');
  private readonly socketsBySession = new Map<string, Set<SubscriptionSocket>>();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;
  private readonly endedListeners: ((sessionIds: string[]) => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Listening before the server takes connections, so no announcement can pass unheard. */
  async onModuleInit(): Promise<void> {
    const announcements = await this.bus.subscribe<SessionsEnded>(SESSIONS_ENDED_CHANNEL);
    void this.listen(announcements);
    this.timer = setInterval(() => void this.closeEndedSessions(), this.config.subscriptionSessionCheckMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Also tells `listener` of every announced ending: this process's own at once, other
   * processes' as they arrive on the bus (SessionService forgets the viewers it remembers).
   */
  onSessionsEnded(listener: (sessionIds: string[]) => void): void {
    this.endedListeners.push(listener);
  }

  /** Remembers that this socket's subscriptions run on the viewer's session, until the socket closes. */
  track(viewer: Viewer, socket: SubscriptionSocket): void {
    if (socket.readyState >= CLOSING) return;
    let sockets = this.socketsBySession.get(viewer.sessionId);
    if (!sockets) this.socketsBySession.set(viewer.sessionId, (sockets = new Set()));
    if (sockets.has(socket)) return;
    sockets.add(socket);
    socket.once('close', () => this.forget(viewer.sessionId, socket));
  }

  /**
   * Closes the subscriptions of sessions that have ended, here and in every other process.
   * Call it once the change that ended them has committed. Never throws: the sessions are
   * over whatever the bus does, and the periodic check closes what an announcement missed.
   */
  async sessionsEnded(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    // This process's own sockets at once, even if Redis is down; the echo through the bus finds them gone.
    this.close(sessionIds);
    await this.bus.publish(SESSIONS_ENDED_CHANNEL, { sessionIds } satisfies SessionsEnded).catch((err: unknown) => {
      this.logger.warn(`could not announce ended sessions: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  /** How many open sockets this process holds for the session (tests, diagnostics). */
  socketCount(sessionId: string): number {
    return this.socketsBySession.get(sessionId)?.size ?? 0;
  }

  /** The periodic check: closes the sockets of every session that can no longer be used. */
  private async closeEndedSessions(): Promise<void> {
    // A check slower than the interval (a struggling database) is not stacked up behind itself.
    if (this.checking || this.socketsBySession.size === 0) return;
    this.checking = true;
    try {
      const ids = [...this.socketsBySession.keys()];
      const live = await liveSessionIds(this.dataSource, ids);
      this.close(ids.filter((id) => !live.has(id)));
    } catch (err) {
      // Without the database nobody can be told apart, and nothing new reaches the sockets
      // either (every event starts as a row): keep them, and check again next time.
      this.logger.warn(`could not check the sessions of open subscriptions: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.checking = false;
    }
  }

  private async listen(announcements: AsyncIterableIterator<SessionsEnded>): Promise<void> {
    // Ends when the bus closes at shutdown.
    for await (const message of announcements) {
      const ids = Array.isArray(message?.sessionIds) ? message.sessionIds.filter((id): id is string => typeof id === 'string') : [];
      this.close(ids);
    }
  }

  private close(sessionIds: string[]): void {
    for (const listener of this.endedListeners) listener(sessionIds);
    for (const id of sessionIds) {
      const sockets = this.socketsBySession.get(id);
      if (!sockets) continue;
      this.socketsBySession.delete(id);
      // From here ws sends nothing more on the socket; graphql-ws ends its subscriptions once it has closed.
      for (const socket of sockets) socket.close(SESSION_ENDED_CLOSE_CODE, SESSION_ENDED_REASON);
    }
  }

  private forget(sessionId: string, socket: SubscriptionSocket): void {
    const sockets = this.socketsBySession.get(sessionId);
    if (!sockets?.delete(socket)) return;
    if (sockets.size === 0) this.socketsBySession.delete(sessionId);
  }
}

import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../common/app-config.module';
import type { AppConfig } from '../config/config';
import { EventBus, InProcessEventBus } from './event-bus';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { RedisEventBus } from './redis-event-bus';
import { SubscriptionSessionsService } from './subscription-sessions.service';

/** How long start-up waits for Redis before it gives up with one line. */
const REDIS_CONNECT_TIMEOUT_MS = 5000;

/**
 * Notifications for everyone signed in. Other features write them with
 * NotificationsService.record inside their transaction and publish them after it commits.
 * Features that end sessions tell SubscriptionSessionsService, which closes their sockets;
 * global because those features (identity, privacy, a pupil's code reset) have no other need of this module.
 */
@Global()
@Module({
  providers: [
    {
      provide: EventBus,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<EventBus> | EventBus =>
        config.redisUrl ? RedisEventBus.connect(config.redisUrl, REDIS_CONNECT_TIMEOUT_MS) : new InProcessEventBus(),
    },
    SubscriptionSessionsService,
    NotificationsService,
    NotificationsResolver,
  ],
  exports: [NotificationsService, SubscriptionSessionsService, EventBus],
})
export class NotificationsModule {}

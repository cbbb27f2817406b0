import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../common/app-config.module';
import type { AppConfig } from '../config/config';
import { EventBus, InProcessEventBus } from './event-bus';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { RedisEventBus } from './redis-event-bus';

/** How long start-up waits for Redis before it gives up with one line. */
const REDIS_CONNECT_TIMEOUT_MS = 5000;

/**
 * Notifications for everyone signed in. Other features write them with
 * NotificationsService.record inside their transaction and publish them after it commits.
 */
@Module({
  providers: [
    {
      provide: EventBus,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<EventBus> | EventBus =>
        config.redisUrl ? RedisEventBus.connect(config.redisUrl, REDIS_CONNECT_TIMEOUT_MS) : new InProcessEventBus(),
    },
    NotificationsService,
    NotificationsResolver,
  ],
  exports: [NotificationsService, EventBus],
})
export class NotificationsModule {}

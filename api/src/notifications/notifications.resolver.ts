import { Args, Context, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import type { GraphQLContext } from '../common/request-context';
import type { Viewer } from '../common/viewer';
import { MarkNotificationsReadInput } from './notifications.input';
import { NotificationsService } from './notifications.service';
import type { SubscriptionContext } from './subscription-sessions.service';
import {
  fromEvent,
  MarkNotificationsReadPayload,
  Notification,
  NotificationConnection,
  NotificationsArgs,
  type NotificationEvent,
} from './notification.model';

/** Everyone signed in has notifications of their own (the guard refuses anyone else). */
@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnection, { description: "The viewer's own notifications, newest first" })
  notifications(@CurrentUser() viewer: Viewer, @Args() args: NotificationsArgs) {
    return this.service.list(viewer, args);
  }

  @Mutation(() => MarkNotificationsReadPayload)
  markNotificationsRead(@CurrentUser() viewer: Viewer, @Args('input') input: MarkNotificationsReadInput) {
    return this.service.markRead(viewer, input.ids);
  }

  // The channel is the viewer's own; the filter is a second lock on the same door.
  @Subscription(() => Notification, {
    description: "The viewer's new notifications as they happen (graphql-ws on /graphql)",
    filter: (event: NotificationEvent, _variables: unknown, context: GraphQLContext) => event.userId === context.req?.auth?.viewer?.id,
    resolve: (event: NotificationEvent) => fromEvent(event),
  })
  notificationAdded(@CurrentUser() viewer: Viewer, @Context() context: SubscriptionContext) {
    return this.service.subscribe(viewer, context.socket);
  }
}

import { ApiGate } from '@app/kakao-sandbox/auth/api-gate';
import { AuthService } from '@app/kakao-sandbox/auth/auth.service';
import { CalendarsService } from '@app/kakao-sandbox/calendar/calendars.service';
import { EventsService } from '@app/kakao-sandbox/calendar/events.service';
import { FollowsService } from '@app/kakao-sandbox/calendar/follows.service';
import { PublicEventsService } from '@app/kakao-sandbox/calendar/public-events.service';
import { SubscriptionsService } from '@app/kakao-sandbox/calendar/subscriptions.service';
import { TasksService } from '@app/kakao-sandbox/calendar/tasks.service';
import { ChannelsService } from '@app/kakao-sandbox/channels/channels.service';
import { AppsAdminService } from '@app/kakao-sandbox/control/apps-admin.service';
import { UsersAdminService } from '@app/kakao-sandbox/control/users-admin.service';
import { FriendsService } from '@app/kakao-sandbox/messaging/friends.service';
import { InboxService } from '@app/kakao-sandbox/messaging/inbox.service';
import { MessagesService } from '@app/kakao-sandbox/messaging/messages.service';
import { OAuthService } from '@app/kakao-sandbox/oauth/oauth.service';
import { OidcService } from '@app/kakao-sandbox/oauth/oidc.service';
import { QuotaService } from '@app/kakao-sandbox/quota/quota.service';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import { StatsRecorder } from '@app/kakao-sandbox/stats/stats-recorder';
import { UsersService } from '@app/kakao-sandbox/users/users.service';

/** Every service, wired once per server; routes only call into these. */
export interface SandboxServices {
  context: SandboxContext;
  auth: AuthService;
  gate: ApiGate;
  calendars: CalendarsService;
  events: EventsService;
  publicEvents: PublicEventsService;
  subscriptions: SubscriptionsService;
  tasks: TasksService;
  messages: MessagesService;
  friends: FriendsService;
  channels: ChannelsService;
  users: UsersService;
  oauth: OAuthService;
  oidc: OidcService;
  inbox: InboxService;
  appsAdmin: AppsAdminService;
  usersAdmin: UsersAdminService;
}

export function createServices(context: SandboxContext): SandboxServices {
  const auth = new AuthService(context);
  const quota = new QuotaService(context);
  const stats = new StatsRecorder(context);
  const follows = new FollowsService(context, stats);
  const subscriptions = new SubscriptionsService(context, stats);
  const users = new UsersService(context);
  const oidc = new OidcService(context);
  return {
    context,
    auth,
    gate: new ApiGate(auth, quota),
    calendars: new CalendarsService(context),
    events: new EventsService(context),
    publicEvents: new PublicEventsService(context, follows),
    subscriptions,
    tasks: new TasksService(context),
    messages: new MessagesService(context, quota, stats),
    friends: new FriendsService(context),
    channels: new ChannelsService(context),
    users,
    oauth: new OAuthService(context, users, oidc),
    oidc,
    inbox: new InboxService(context, follows, subscriptions, stats),
    appsAdmin: new AppsAdminService(context),
    usersAdmin: new UsersAdminService(context, users),
  };
}

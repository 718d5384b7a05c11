import { useMemo, useSyncExternalStore } from 'react';
import { useGetOne } from 'react-admin';

import { type ChannelSettings, DEFAULT_TIME_ZONE } from '@admin/channels/types';
import { type ChannelMembership, sessionStore } from '@admin/session';

const subscribe = (listener: () => void): (() => void) => sessionStore.subscribe(listener);
const currentChannelId = (): string | null => sessionStore.currentChannel()?.id ?? null;
const sessionUserJson = (): string => JSON.stringify(sessionStore.get()?.user.channels ?? []);

export interface CurrentChannel {
  membership: ChannelMembership | null;
  memberships: ChannelMembership[];
  settings: ChannelSettings | undefined;
  /** The channel's time zone; every date on screen is shown in it. */
  timeZone: string;
}

/** The channel the user works in, its settings (time zone, approval) and their other channels. */
export function useCurrentChannel(): CurrentChannel {
  const channelId = useSyncExternalStore(subscribe, currentChannelId);
  const channelsJson = useSyncExternalStore(subscribe, sessionUserJson);
  const memberships = useMemo(
    () => JSON.parse(channelsJson) as ChannelMembership[],
    [channelsJson],
  );
  const membership = memberships.find((channel) => channel.id === channelId) ?? null;
  const { data: settings } = useGetOne<ChannelSettings>(
    'channels',
    { id: channelId ?? '' },
    { enabled: channelId !== null, staleTime: 5 * 60_000 },
  );
  return {
    membership,
    memberships,
    settings,
    timeZone: settings?.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

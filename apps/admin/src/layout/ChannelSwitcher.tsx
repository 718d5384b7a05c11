import { MenuItem, Select, type SelectChangeEvent, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useRedirect, useTranslate } from 'react-admin';

import { useCurrentChannel } from '@admin/channels/useCurrentChannel';
import { sessionStore } from '@admin/session';

/**
 * The channel the user works in, for users in several channels. Switching stores the choice
 * (sent as X-Channel-Id from then on), drops every cached answer of the old channel and
 * reloads the campaign list.
 */
export function ChannelSwitcher() {
  const { membership, memberships } = useCurrentChannel();
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const redirect = useRedirect();
  const notify = useNotify();

  if (!membership) {
    return null;
  }
  const roleLabel = (role: string): string => translate(`app.enums.role.${role}`);
  if (memberships.length < 2) {
    return (
      <Typography
        variant="body2"
        noWrap
        // On a phone the screen's title needs the room; the channel shows from tablet width up.
        sx={{ mx: 1, opacity: 0.85, minWidth: 0, display: { xs: 'none', sm: 'block' } }}
        title={translate('app.channel.role_in_channel', {
          name: membership.name,
          role: roleLabel(membership.role),
        })}
        data-testid="current-channel"
      >
        {translate('app.channel.role_in_channel', {
          name: membership.name,
          role: roleLabel(membership.role),
        })}
      </Typography>
    );
  }

  const onChange = (event: SelectChangeEvent): void => {
    const next = memberships.find((channel) => channel.id === event.target.value);
    if (!next || next.id === membership.id) {
      return;
    }
    sessionStore.selectChannel(next.id);
    queryClient.removeQueries();
    redirect('/');
    notify('app.channel.switched', { type: 'info', messageArgs: { name: next.name } });
  };

  return (
    <Select
      size="small"
      value={membership.id}
      onChange={onChange}
      aria-label={translate('app.channel.label')}
      data-testid="channel-switcher"
      sx={{
        mx: 1,
        minWidth: { xs: 120, sm: 200 },
        maxWidth: { xs: 160, sm: 'none' },
        color: 'inherit',
        '.MuiSelect-icon': { color: 'inherit' },
      }}
      variant="standard"
      disableUnderline
    >
      {memberships.map((channel) => (
        <MenuItem key={channel.id} value={channel.id}>
          {translate('app.channel.role_in_channel', {
            name: channel.name,
            role: roleLabel(channel.role),
          })}
        </MenuItem>
      ))}
    </Select>
  );
}

import { AppBar, LoadingIndicator, LocalesMenuButton, TitlePortal } from 'react-admin';

import { ChannelSwitcher } from '@admin/layout/ChannelSwitcher';

export function ConsoleAppBar() {
  return (
    <AppBar
      toolbar={
        <>
          <ChannelSwitcher />
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    >
      <TitlePortal />
    </AppBar>
  );
}

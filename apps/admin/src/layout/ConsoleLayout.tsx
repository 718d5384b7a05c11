import { type ReactNode, useEffect } from 'react';
import { Layout, useLocaleState } from 'react-admin';

import { ConsoleAppBar } from '@admin/layout/ConsoleAppBar';
import { ConsoleMenu } from '@admin/layout/ConsoleMenu';
import { SignedInOnly } from '@admin/layout/SignedInOnly';

export function ConsoleLayout({ children }: { children: ReactNode }) {
  const [locale] = useLocaleState();
  // Screen readers and fonts follow the page's language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <SignedInOnly>
      <Layout appBar={ConsoleAppBar} menu={ConsoleMenu}>
        {children}
      </Layout>
    </SignedInOnly>
  );
}

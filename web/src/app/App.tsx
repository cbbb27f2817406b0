import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { RouterProvider } from 'react-router';
import type { createRouter } from './router';
import { I18nProvider } from './i18n';

interface AppProps {
  client: ApolloClient;
  router: ReturnType<typeof createRouter>;
}

export function App({ client, router }: AppProps) {
  return (
    <I18nProvider>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </I18nProvider>
  );
}

import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createCache } from '../app/apollo';
import { I18nProvider } from '../app/i18n';
import { routes } from '../app/router';

/** Renders the real routes, layout and cache policies at `path`, answering GraphQL from `mocks`. */
export function renderApp(path: string, mocks: readonly MockLink.MockedResponse[]) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <I18nProvider>
      <MockedProvider mocks={mocks} cache={createCache()}>
        <RouterProvider router={router} />
      </MockedProvider>
    </I18nProvider>,
  );
  return { ...view, router };
}

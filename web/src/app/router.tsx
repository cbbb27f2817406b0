import { createBrowserRouter, type RouteObject } from 'react-router';
import { CollectionPage } from '../features/collection/CollectionPage';
import { Layout } from '../ui/Layout';
import { Loading } from '../ui/Loading';
import { RouteError } from '../ui/RouteError';

// Only the collection list, the first screen, is in the entry bundle; other pages load on demand.
export const routes: RouteObject[] = [
  {
    Component: Layout,
    HydrateFallback: Loading,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { index: true, Component: CollectionPage },
          {
            path: 'collection/:id',
            lazy: async () => ({ Component: (await import('../features/collection/ObjectPage')).ObjectPage }),
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('../ui/NotFoundPage')).NotFoundPage }),
          },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}

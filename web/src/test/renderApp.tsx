import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createCache } from '../app/apollo';
import { I18nProvider, type Language } from '../app/i18n';
import { routes } from '../app/router';
import { ViewerDocument, type Role } from '../gql/graphql';
import { notificationHeaderMocks } from '../features/notifications/testMocks';

export interface TestViewer {
  id: string;
  displayName: string;
  role: Role;
}

export const teacherWang: TestViewer = { id: 'teacher-wang', displayName: '王芳', role: 'TEACHER' };
export const adminLiu: TestViewer = { id: 'admin-liu', displayName: '刘静', role: 'ADMIN' };
export const pupilXiaoming: TestViewer = { id: 'pupil-1', displayName: '王小明', role: 'PUPIL' };
export const educatorZhao: TestViewer = { id: 'educator-zhao', displayName: '赵敏', role: 'MUSEUM_EDUCATOR' };

/** The shell's `me` query: someone signed in, or nobody; as many times as asked unless `times`. */
export function viewerMock(viewer: TestViewer | null, times = Number.POSITIVE_INFINITY): MockLink.MockedResponse {
  return {
    request: { query: ViewerDocument },
    maxUsageCount: times,
    result: viewer
      ? { data: { me: { __typename: 'Me', ...viewer } } }
      : { data: null, errors: [{ message: 'sign in first', path: ['me'], extensions: { code: 'UNAUTHENTICATED' } }] },
  };
}

function viewerMocks(viewer: TestViewer | null, signsInAs: TestViewer | undefined) {
  return signsInAs ? [viewerMock(viewer, 1), viewerMock(signsInAs)] : [viewerMock(viewer)];
}

interface RenderAppOptions {
  /** Who is signed in; nobody unless given. */
  viewer?: TestViewer | null;
  /** Who `me` answers after the first time (a sign-in during the test). */
  signsInAs?: TestViewer;
  language?: Language;
}

/** Renders the real routes, layout and cache policies at `path`, answering GraphQL from `mocks`. */
export function renderApp(path: string, mocks: readonly MockLink.MockedResponse[], { viewer = null, signsInAs, language }: RenderAppOptions = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <I18nProvider {...(language ? { initialLanguage: language } : {})}>
      <MockedProvider mocks={[...mocks, ...viewerMocks(viewer, signsInAs), ...notificationHeaderMocks()]} cache={createCache()}>
        <RouterProvider router={router} />
      </MockedProvider>
    </I18nProvider>,
  );
  return { ...view, router };
}

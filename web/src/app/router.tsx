import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from '../ui/Layout';
import { Loading } from '../ui/Loading';
import { RouteError } from '../ui/RouteError';
import { RequireRole } from './viewer';

// Only the shell and the small route guard are in the entry bundle; every page (and its words)
// loads on demand, the collection list too: most first visits are a sign-in page or a pupil's
// home, which then need not carry it.
export const routes: RouteObject[] = [
  {
    Component: Layout,
    HydrateFallback: Loading,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('../features/collection/CollectionPage')).CollectionPage }),
          },
          {
            path: 'collection/:id',
            lazy: async () => ({ Component: (await import('../features/collection/ObjectPage')).ObjectPage }),
          },
          {
            element: <RequireRole roles={['MUSEUM_EDUCATOR']} />,
            children: [
              {
                path: 'collection/new',
                lazy: async () => ({ Component: (await import('../features/collectionEditing/ObjectEditorPage')).ObjectEditorPage }),
              },
              {
                path: 'collection/import',
                lazy: async () => ({ Component: (await import('../features/collectionEditing/ImportObjectsPage')).ImportObjectsPage }),
              },
              {
                path: 'collection/:id/edit',
                lazy: async () => ({ Component: (await import('../features/collectionEditing/ObjectEditorPage')).ObjectEditorPage }),
              },
            ],
          },
          {
            path: 'sign-in',
            lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }),
          },
          {
            path: 'pupil-sign-in',
            lazy: async () => ({ Component: (await import('../features/auth/PupilSignInPage')).PupilSignInPage }),
          },
          {
            path: 'accept-invitation',
            lazy: async () => ({ Component: (await import('../features/auth/AcceptInvitationPage')).AcceptInvitationPage }),
          },
          {
            path: 'reset-password',
            lazy: async () => ({ Component: (await import('../features/auth/ResetPasswordPage')).ResetPasswordPage }),
          },
          {
            element: <RequireRole roles={['PUPIL']} signInPath="/pupil-sign-in" />,
            children: [
              {
                path: 'my',
                lazy: async () => ({ Component: (await import('../features/pupil/PupilHomePage')).PupilHomePage }),
              },
              {
                path: 'my/assignments/:assignmentId',
                lazy: async () => ({ Component: (await import('../features/work/WorkspacePage')).WorkspacePage }),
              },
            ],
          },
          {
            element: <RequireRole roles={['TEACHER', 'ADMIN']} />,
            children: [
              {
                path: 'classes',
                lazy: async () => ({ Component: (await import('../features/classes/ClassesPage')).ClassesPage }),
              },
              {
                path: 'classes/:id',
                lazy: async () => ({ Component: (await import('../features/classes/ClassPage')).ClassPage }),
              },
              {
                path: 'classes/:classId/assignments/:assignmentId/teams',
                lazy: async () => ({ Component: (await import('../features/teams/TeamsPage')).TeamsPage }),
              },
              {
                path: 'classes/:id/cards',
                lazy: async () => ({ Component: (await import('../features/classes/SignInCardsPage')).SignInCardsPage }),
              },
              {
                path: 'classes/:id/gradebook',
                lazy: async () => ({ Component: (await import('../features/progress/GradebookPage')).GradebookPage }),
              },
              {
                path: 'classes/:id/nominations',
                lazy: async () => ({ Component: (await import('../features/progress/NominationsPage')).NominationsPage }),
              },
              {
                path: 'assignments/:assignmentId/progress',
                lazy: async () => ({ Component: (await import('../features/progress/ProgressPage')).ProgressPage }),
              },
              {
                path: 'assignments/:assignmentId/grading/:versionId',
                lazy: async () => ({ Component: (await import('../features/feedback/GradingPage')).GradingPage }),
              },
              {
                path: 'privacy',
                lazy: async () => ({ Component: (await import('../features/privacy/SchoolPrivacyPage')).SchoolPrivacyPage }),
              },
              {
                path: 'privacy/:schoolId',
                lazy: async () => ({ Component: (await import('../features/privacy/SchoolPrivacyPage')).SchoolPrivacyPage }),
              },
              {
                path: 'pupils/:pupilId/privacy',
                lazy: async () => ({ Component: (await import('../features/privacy/PupilPrivacyPage')).PupilPrivacyPage }),
              },
            ],
          },
          {
            element: <RequireRole roles={['TEACHER', 'MUSEUM_EDUCATOR', 'ADMIN']} />,
            children: [
              {
                path: 'briefs',
                lazy: async () => ({ Component: (await import('../features/briefs/BriefLibraryPage')).BriefLibraryPage }),
              },
              {
                path: 'briefs/:id',
                lazy: async () => ({ Component: (await import('../features/briefs/BriefPage')).BriefPage }),
              },
              {
                path: 'account/password',
                lazy: async () => ({ Component: (await import('../features/auth/ChangePasswordPage')).ChangePasswordPage }),
              },
            ],
          },
          {
            element: <RequireRole roles={['TEACHER', 'MUSEUM_EDUCATOR']} />,
            children: [
              {
                path: 'briefs/new',
                lazy: async () => ({ Component: (await import('../features/briefs/BriefEditorPage')).BriefEditorPage }),
              },
              {
                path: 'briefs/:id/edit',
                lazy: async () => ({ Component: (await import('../features/briefs/BriefEditorPage')).BriefEditorPage }),
              },
            ],
          },
          {
            element: <RequireRole roles={['TEACHER']} />,
            children: [
              {
                path: 'briefs/:id/assign',
                lazy: async () => ({ Component: (await import('../features/briefs/AssignBriefPage')).AssignBriefPage }),
              },
            ],
          },
          {
            element: <RequireRole roles={['ADMIN']} />,
            children: [
              {
                path: 'admin',
                lazy: async () => ({ Component: (await import('../features/admin/AdminLayout')).AdminLayout }),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('../features/admin/SchoolsSection')).SchoolsSection }),
                  },
                  {
                    path: 'staff',
                    lazy: async () => ({ Component: (await import('../features/admin/StaffSection')).StaffSection }),
                  },
                  {
                    path: 'invitations',
                    lazy: async () => ({ Component: (await import('../features/admin/InvitationsSection')).InvitationsSection }),
                  },
                  {
                    path: 'audit',
                    lazy: async () => ({ Component: (await import('../features/admin/AuditLogSection')).AuditLogSection }),
                  },
                  {
                    path: 'privacy',
                    lazy: async () => ({ Component: (await import('../features/privacy/AdminPrivacySection')).AdminPrivacySection }),
                  },
                ],
              },
            ],
          },
          {
            element: <RequireRole roles={['PUPIL', 'TEACHER', 'MUSEUM_EDUCATOR', 'ADMIN']} />,
            children: [
              {
                path: 'notifications',
                lazy: async () => ({ Component: (await import('../features/notifications/NotificationsPage')).NotificationsPage }),
              },
            ],
          },
          {
            path: 'exhibition',
            lazy: async () => ({ Component: (await import('../features/exhibition/ExhibitionSeasonsPage')).ExhibitionSeasonsPage }),
          },
          {
            path: 'exhibition/:season',
            lazy: async () => ({ Component: (await import('../features/exhibition/ExhibitionSeasonPage')).ExhibitionSeasonPage }),
          },
          {
            path: 'exhibition/works/:slug',
            lazy: async () => ({ Component: (await import('../features/exhibition/ExhibitedWorkPage')).ExhibitedWorkPage }),
          },
          {
            element: <RequireRole roles={['MUSEUM_EDUCATOR']} />,
            children: [
              {
                path: 'review',
                lazy: async () => ({ Component: (await import('../features/review/ReviewQueuePage')).ReviewQueuePage }),
              },
              {
                path: 'review/:id',
                lazy: async () => ({ Component: (await import('../features/review/NominationReviewPage')).NominationReviewPage }),
              },
            ],
          },
          {
            element: <RequireRole roles={['MUSEUM_EDUCATOR', 'ADMIN']} />,
            children: [
              {
                path: 'programme',
                lazy: async () => ({ Component: (await import('../features/programme/ProgrammePage')).ProgrammePage }),
              },
            ],
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

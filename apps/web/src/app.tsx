import { CSSVariablesResolver, MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Provider as GraphQLProvider } from 'urql';
import { accountRoutes } from './account/routes';
import { adminRoutes } from './admin/routes';
import { badgeRoutes } from './badges/routes';
import { conferenceRoutes } from './conferences/routes';
import { delegationRoutes } from './delegations/routes';
import { evaluationRoutes } from './evaluations/routes';
import { knowledgeRoutes } from './knowledge/routes';
import { client } from './core/graphql';
import { Layout } from './core/layout';
import { NotFoundPage } from './core/not-found-page';
import { SessionProvider } from './core/session';
import { mailingRoutes } from './mailings/routes';
import { participantRoutes } from './participant/routes';
import { publicRoutes } from './public/routes';
import { registrationRoutes } from './registrations/routes';
import { trainingRoutes } from './trainings/routes';

// Mantine's default blue fails WCAG contrast for small text on white; one shade darker passes.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, defaultRadius: 'sm' });
// Its "dimmed" grey is too light for small text (WCAG AA asks 4.5:1): one shade darker.
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  // Its error red (under a field, in an invalid input) is just short of 4.5:1 as well.
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

// Each area declares its own pages, loaded when first opened (the staff areas never
// reach the public pages' bundle).
const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      ...publicRoutes,
      ...accountRoutes,
      ...participantRoutes,
      ...delegationRoutes,
      ...trainingRoutes,
      ...knowledgeRoutes,
      ...conferenceRoutes,
      ...registrationRoutes,
      ...badgeRoutes,
      ...mailingRoutes,
      ...evaluationRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <Notifications />
      <GraphQLProvider value={client}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </GraphQLProvider>
    </MantineProvider>
  );
}

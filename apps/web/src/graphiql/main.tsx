import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

const defaultQuery = `# Published editions and their agenda; no login needed.
# Logged in to the web app in this browser, your session is used here too.
{
  editions(first: 5) {
    totalCount
    nodes { id year title theme city hostCountryName startDate endDate
      agenda(day: 1) { startTime title speakers { titleOnAgenda person { fullName } } } }
  }
}
`;

// Served from this server, bundled: works offline, no CDN.
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />,
);

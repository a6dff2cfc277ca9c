import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { dirname, join } from 'node:path';
import type { Response } from 'express';

// The packages' export maps hide these bundles, so locate them from package.json.
const fileOf = (pkg: string, file: string) =>
  join(dirname(require.resolve(`${pkg}/package.json`)), file);

// Served from node_modules so the IDE works without any CDN.
const assets: Record<string, string> = {
  'react.js': fileOf('react', 'umd/react.production.min.js'),
  'react-dom.js': fileOf('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': fileOf('graphiql', 'graphiql.min.js'),
  'graphiql.css': fileOf('graphiql', 'graphiql.min.css'),
};

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>GraphiQL · conferences and trainings</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    const defaultQuery = [
      '# Published editions and their agenda; no login needed.',
      '# Log in with the login mutation and put {"Authorization": "Bearer <token>"} in Headers to do more.',
      '{',
      '  editions(first: 5) {',
      '    totalCount',
      '    nodes { id year title theme city hostCountryName startDate endDate',
      '      agenda(day: 1) { startTime title speakers { titleOnAgenda person { fullName } } } }',
      '  }',
      '}',
      '',
    ].join('\n');
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true, shouldPersistHeaders: true }),
    );
  </script>
</body>
</html>`;

/** The offline GraphQL IDE; registered only when GRAPHQL_IDE is on. */
@Controller('graphiql')
export class GraphiqlController {
  @Get()
  page(@Res() res: Response) {
    res.type('html').send(page);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response) {
    const path = assets[file];
    if (!path) throw new NotFoundException();
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(path);
  }
}

import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types every GraphQL operation of the web app from the committed schema. An operation
 * that no longer fits the schema fails here, so `npm run build` (and CI) fails with it.
 */
const config: CodegenConfig = {
  // Paths are read from the repository root, where npm runs it.
  schema: 'prisma-free-schema/schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  ignoreNoDocuments: false,
  errorsOnly: false,
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;

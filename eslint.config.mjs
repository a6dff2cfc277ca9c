// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

// A lib's public surface is its index.ts, and plain.ts for the helpers a render thread loads
// without the framework: any other `@platform/x/...` is a deep import.
const deepImport = {
  regex: '^@platform/[^/]+/(?!plain$)',
  message: 'Import the lib by its name: its index.ts is its public surface.',
};
// A file N folders below libs/x/src/ leaves its lib with N `../`.
const leavingLib = (depth) => ({
  regex: `^(\\.\\./){${depth}}`,
  message: 'A lib imports other libs by @platform/name, never by a relative path out of its src/.',
});
const boundaries = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns: [deepImport, ...patterns], paths }],
});

// What each lib may import: the arrows of ARCHITECTURE.md. Nothing imports upwards; a lower
// lib that needs something from an upper one declares a port the upper one implements.
const LIB_IMPORTS = {
  core: [],
  directory: ['core'],
  mail: ['core'],
  accounts: ['core', 'directory', 'mail'],
  documents: ['core', 'directory', 'accounts', 'mail'],
  conferences: ['core', 'directory', 'accounts', 'mail', 'documents'],
  trainings: ['core', 'directory', 'accounts', 'mail', 'documents', 'conferences'],
  mailings: [
    'core',
    'directory',
    'accounts',
    'mail',
    'documents',
    'conferences',
    'trainings',
    'evaluations',
  ],
  evaluations: ['core', 'directory', 'accounts', 'mail', 'documents', 'conferences', 'trainings'],
};
// A domain's tables are its own: other libs reach its data through the services and ports it
// exports. Only Person, Organization (directory) and User (accounts) are shared, as the
// entities others reference.
const OWN_ENTITIES = {
  accounts: ['AuthSession', 'LoginLink', 'EmailChange', 'TrustedDevice'],
  conferences: [
    'ConferenceSeries',
    'RotationSlot',
    'Edition',
    'EditionPartner',
    'EditionOrganizer',
    'AgendaSession',
    'SessionSpeaker',
    'WorkingGroup',
    'WorkingGroupFacilitator',
    'WorkingGroupMember',
    'Registration',
    'CheckIn',
    'Recommendation',
    'RecommendationFollowUp',
  ],
  trainings: [
    'TrainingProgramme',
    'ProgrammeFunder',
    'ProgrammeOrganizer',
    'TrainingEvent',
    'EventTrainer',
    'Enrollment',
    'AttendanceMark',
    'AttendanceChange',
    'ImplementedRecommendation',
  ],
  documents: ['Certificate', 'CertificateSerial', 'CertificateSettings', 'DocumentJob'],
  mailings: ['TemplateOverride'],
  evaluations: ['EvaluationForm', 'EvaluationInvitation', 'EvaluationAnswerSet'],
};
/** The imports lib `name` may not make: libs it must not know, other domains' entities. */
const libPaths = (name) => [
  ...[`@platform/${name}`, `@platform/${name}/plain`].map((self) => ({
    name: self,
    message: 'Inside a lib, import its files by relative path.',
  })),
  ...Object.keys(LIB_IMPORTS)
    .filter((other) => other !== name)
    .flatMap((other) => {
      if (!LIB_IMPORTS[name].includes(other)) {
        return [`@platform/${other}`, `@platform/${other}/plain`].map((lib) => ({
          name: lib,
          message: `${name} may not import ${other} (see LIB_IMPORTS).`,
        }));
      }
      const entities = OWN_ENTITIES[other];
      return entities
        ? [
            {
              name: `@platform/${other}`,
              importNames: entities,
              message: `${other}'s entities are its own: use what it exports as a service or port.`,
            },
          ]
        : [];
    }),
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'prisma-free-schema/',
      'coverage/',
      'apps/web/src/gql/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    // Type-aware rules: each file is checked by its nearest tsconfig.json (root, test/, bench/, apps/web/).
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only' },
        { object: 'it', property: 'only' },
      ],
      // Nest modules are empty classes carrying a @Module() decorator.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // Numbers in messages and keys (`${count} people`) read naturally; objects and nullish values still fail.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // GraphQL code-first object types and inputs are plain data shapes: resolvers return object literals for them.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // `return next()` in Express middleware and `() => setState(x)` in React are the idioms here; the void is never used.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // `!` is kept for values proven a line above (Map.get after has, an index checked by length); tsc cannot follow those.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Inputs and object types are plain-data classes spread into em.create() on purpose; [...text] counts code points on purpose.
      '@typescript-eslint/no-misused-spread': 'off',
      // `async` marks methods of promise-returning interfaces (Apollo plugins, DataLoader factories) that need no await.
      '@typescript-eslint/require-await': 'off',
      // Fires on MikroORM's QueryOrderMap<T> for a generic T, which is only {} until T is known.
      '@typescript-eslint/no-generated-empty-object-type': 'off',
    },
  },
  { rules: boundaries([]) },
  ...Object.keys(LIB_IMPORTS).flatMap((name) =>
    [1, 2, 3, 4, 5].map((depth) => ({
      files: [`libs/${name}/src/${'*/'.repeat(depth - 1)}*.ts`],
      rules: boundaries([leavingLib(depth)], libPaths(name)),
    })),
  ),
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    rules: {
      // React event props take async handlers; the promise rules still apply everywhere else.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    // Tests and benchmarks read loosely typed JSON answers; the promise rules stay on.
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off', // sums of those `any` JSON fields
      // `answer.data?.x` keeps a wrong answer a failed expectation rather than a TypeError.
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
);

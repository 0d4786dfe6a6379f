require('@rushstack/eslint-config/patch/modern-module-resolution');
const { builtinModules } = require('module');

/** Node's own modules: bare names matched exactly (a project file may be called `path`), and their subpaths and `node:` names. */
const NODE_MESSAGE = 'Node-only: this layer also runs in the browser.';
const NODE_PATHS = builtinModules.map((name) => ({ name, message: NODE_MESSAGE }));
const NODE = { group: [...builtinModules.map((m) => `${m}/*`), 'node:*'], message: NODE_MESSAGE };
/** The Node-only modules of the data and import layers (and @pnp/nodejs, which they wrap). */
const NODE_DATA = { group: ['@pnp/nodejs', '@pnp/nodejs/*', '**/data/node', '**/import/demo'], message: 'Node-only: browser code builds its PnPjs instance from its host.' };
/** The command-line tools are programs, not a library. */
const CLI = { group: ['**/cli', '**/cli/*'], message: 'cli/ is not a library: move what is shared to a Node-only module of data/ or import/.' };
/** The reminder service and the stand-in run on a server (or stand in for one), never in a page. */
const SERVER = { group: ['**/service', '**/service/*', '**/standin', '**/standin/*'], message: 'Server-only: the service and the stand-in never run in the browser.' };
/** The data layer is below the committee paper and the screens: a host passes in what it needs of them (as the round source). */
const ABOVE_DATA = { group: ['**/paper', '**/paper/*', '**/components', '**/components/*'], message: 'data/ sits below paper/ and components/: have the host pass it what it needs (createDataSource takes the round source).' };

/** ESLint: the SPFx React profile, type-aware, with floating promises as errors. */
module.exports = {
  extends: ['@microsoft/eslint-config-spfx/lib/profiles/react'],
  parser: '@typescript-eslint/parser',
  parserOptions: {
    tsconfigRootDir: __dirname,
    project: ['./tsconfig.node.json', './tsconfig.json']
  },
  settings: { react: { version: '17.0' } },
  ignorePatterns: ['lib/**', 'lib-commonjs/**', 'temp/**', 'dist/**', 'release/**', 'node_modules/**', '*.d.ts', '*.js'],
  rules: {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    '@typescript-eslint/explicit-function-return-type': 'off',
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    'promise/param-names': 'error',
    '@microsoft/spfx/no-async-await': 'off'
  },
  // The layers (ARCHITECTURE.md): core is pure; data is below the paper and the screens; browser code never imports Node; cli/ is no library.
  overrides: [
    {
      files: ['src/core/**'],
      rules: {
        'no-restricted-imports': ['error', { paths: NODE_PATHS, patterns: [
          NODE,
          NODE_DATA,
          CLI,
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*', '@microsoft/sp-*'], message: 'core is pure TypeScript: no React, Fluent UI or SPFx.' },
          { group: ['@pnp/*'], message: 'core does no I/O: PnPjs belongs in data/.' }
        ] }]
      }
    },
    {
      // What ships: the paper's renderers and the round page's source load in the browser too (the export, the round page's chunk).
      files: ['src/schema/**', 'src/paper/**', 'src/components/**', 'src/webparts/**'],
      rules: { 'no-restricted-imports': ['error', { paths: NODE_PATHS, patterns: [NODE, NODE_DATA, CLI, SERVER] }] }
    },
    {
      // The local workbench's page: browser code that is the stand-in's own host (its inbox reads the stand-in's types).
      files: ['src/workbench/browser/**'],
      rules: { 'no-restricted-imports': ['error', { paths: NODE_PATHS, patterns: [NODE, NODE_DATA, CLI] }] }
    },
    {
      files: ['src/data/**'],
      excludedFiles: ['src/data/node.ts'],
      rules: {
        'no-restricted-imports': ['error', { paths: NODE_PATHS, patterns: [NODE, NODE_DATA, CLI, SERVER, ABOVE_DATA] }],
        // no-restricted-imports does not see import(): the chunks loaded on demand are held here.
        'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/(^|\\W)(paper|components)(\\W|$)/]', message: ABOVE_DATA.message }]
      }
    },
    {
      files: ['src/data/node.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [CLI, ABOVE_DATA] }] }
    },
    {
      files: ['src/import/**', 'src/service/**', 'src/standin/**', 'src/workbench/*.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [CLI] }] }
    }
  ]
};

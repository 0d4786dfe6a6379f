require('@rushstack/eslint-config/patch/modern-module-resolution');

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
  }
};

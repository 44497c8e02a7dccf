// Lint: TypeScript rules, React hooks, and the house's import directions (ARCHITECTURE.md, rules 1 and 10).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const platformPackages = ['@tarojs/*', '@nutui/*', '@cloudbase/*', 'wx-server-sdk', '@seald-io/*', 'busboy', 'react', 'react-dom'];
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'http', 'https', 'crypto', 'os', 'child_process', 'net', 'stream', 'util', 'url'];

// src/core is pure: it may import zod, dayjs and other core files, nothing else. Relative paths that climb
// out of src/core are caught per folder depth, since a pattern cannot know where the importing file sits.
const coreRestriction = (climbOut) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['@/*', '!@/core', '!@/core/**'], message: 'src/core imports nothing outside src/core.' },
        { group: [climbOut], message: 'src/core imports nothing outside src/core.' },
        { group: [...platformPackages, ...nodeBuiltins], message: 'src/core is pure: no Taro, no SDK, no I/O.' },
      ],
    },
  ],
});

// The app's pages and shared components (a flat config's later rule replaces an earlier one's patterns, so each
// block below states the whole list).
const screenFiles = [
  'src/pages/**/*.{ts,tsx}',
  'src/apply/**/*.{ts,tsx}',
  'src/admin/**/*.{ts,tsx}',
  'src/review/**/*.{ts,tsx}',
  'src/components/**/*.{ts,tsx}',
];
const appRestriction = (more) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['@cloudbase/*', 'wx-server-sdk', '@seald-io/*', 'node:*'],
          message: 'The app reaches the server only through src/lib/api.',
        },
        ...more,
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-h5/**',
      '.build/**',
      '.data/**',
      'cloudfunctions/*/index.js',
      'test-results/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/core/*.ts'], rules: coreRestriction('../*') },
  { files: ['src/core/*/*.ts'], rules: coreRestriction('../../*') },
  { files: ['src/core/*/*/*.ts'], rules: coreRestriction('../../../*') },
  { files: ['src/core/*/*/*/**/*.ts'], rules: coreRestriction('../../../../*') },
  // Only src/lib talks to the platform; pages and features go through it (components may use Taro's UI).
  { files: ['src/features/**/*.{ts,tsx}', ...screenFiles], rules: appRestriction([]) },
  // Screens and hooks reach the server through their feature's api/ module (one typed function per action), never
  // the api client itself; only the api/ modules call it.
  {
    files: ['src/features/**/*.{ts,tsx}', ...screenFiles],
    ignores: ['src/features/*/api/**'],
    rules: appRestriction([
      { group: ['@/lib/api', '**/lib/api'], message: "Screens and hooks call their feature's api/ module, never the api client." },
    ]),
  },
  {
    files: ['cloudfunctions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tarojs/*', '@nutui/*', 'react', '@/lib/*', '@/features/*', '@/components/*'],
              message: 'Functions share only src/core with the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

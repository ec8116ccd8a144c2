// Lint: type-aware rules that catch real bugs, plus the dependency direction of STYLE.md, enforced.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

const MECHANISMS = ['petitions', 'councils', 'budgeting', 'feedback', 'surveys', 'contests', 'tracking'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['apps/**/*', 'libs/**/*', 'migrations/**/*', 'test/**/*', 'bench/**/*'],
      'boundaries/elements': [
        { type: 'app', pattern: 'apps/*', capture: ['app'] },
        { type: 'platform', pattern: 'libs/platform' },
        { type: 'identity', pattern: 'libs/identity' },
        { type: 'testing', pattern: 'libs/testing' },
        { type: 'mechanism', pattern: `libs/(${MECHANISMS.join('|')})`, capture: ['lib'] },
        { type: 'migrations', pattern: 'migrations' },
        { type: 'tests', pattern: 'test' },
        { type: 'bench', pattern: 'bench' },
      ],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          rules: [
            { from: 'app', allow: ['platform', 'identity', 'mechanism', 'migrations'] },
            { from: 'platform', allow: ['platform'] },
            { from: 'identity', allow: ['platform', 'identity'] },
            // A mechanism uses platform and identity, and its own files; never another mechanism.
            { from: 'mechanism', allow: ['platform', 'identity', ['mechanism', { lib: '${from.lib}' }]] },
            { from: 'testing', allow: ['platform', 'identity', 'app', 'testing', 'migrations'] },
            { from: 'tests', allow: ['platform', 'identity', 'mechanism', 'testing', 'app', 'tests', 'migrations'] },
            { from: 'bench', allow: ['platform', 'identity', 'mechanism', 'testing', 'app', 'bench', 'migrations'] },
            { from: 'migrations', allow: ['migrations'] },
          ],
        },
      ],
    },
  },
);

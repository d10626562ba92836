// @ts-check
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      '**/generated/**',
      '**/custom-elements.json',
      '.changeset/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['packages/components/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/components/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Chai's property assertions (`expect(x).to.exist`) read as expressions.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['packages/catalog-sdk/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'] }],
    },
  },
  {
    files: ['packages/components/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.stories.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='unsafeHTML']",
          message: 'Render user data through Lit bindings, never unsafeHTML.',
        },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never assign innerHTML.' },
        {
          selector: "MemberExpression[object.name='localStorage']",
          message: 'No localStorage: tokens and health data must not persist there.',
        },
      ],
    },
  },
  {
    files: ['packages/demo-host/server/**/*.ts', 'scripts/**', '**/*.mjs', 'packages/demo-host/scripts/**'],
    rules: { 'no-console': 'off' },
  },
);

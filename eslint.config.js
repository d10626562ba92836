// @ts-check
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

/** Security rules of every component source file. */
const COMPONENT_RESTRICTIONS = [
  {
    selector: "ImportSpecifier[imported.name='unsafeHTML']",
    message: 'Render user data through Lit bindings, never unsafeHTML.',
  },
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never assign innerHTML.' },
  {
    selector: "MemberExpression[object.name='localStorage']",
    message: 'No localStorage: tokens and health data must not persist there.',
  },
];

/** Colours come from tokens: no hex colour outside the token sheet and the theme files. */
const HEX_COLOURS = [
  {
    selector: 'TemplateElement[value.raw=/#[0-9a-fA-F]{3,8}\\b/]',
    message: 'Use a --carnet-sys-* token, not a hex colour (tokens live in shared/tokens.styles.ts).',
  },
  {
    selector: 'Literal[value=/^#[0-9a-fA-F]{3,8}$/]',
    message: 'Use a --carnet-sys-* token, not a hex colour (tokens live in shared/tokens.styles.ts).',
  },
];

/**
 * Dates and times are typed in the page's language, never in a native date or time input, whose
 * order and clock are the browser's (an en-US browser shows « 03/04/2027 » as 4 March on a French
 * page): CONTRIBUTING.md, « a date or a time the person types ».
 */
const NATIVE_DATE_INPUT_MESSAGE =
  "No native date/time input (its order is the browser's, not the page's): use a text field read with " +
  'parseDateField/parseTimeField, its dateShape hint and dateTimeFieldStyles (shared/date-time-fields.ts).';
const NATIVE_DATE_TYPES = '(date|time|datetime-local|month|week)';
/**
 * A dialog's `close` and `cancel` events are followed by its DialogController only: the `close` event
 * is queued, so it can arrive after the person reopened the dialog (input runs first), and a template
 * listener would close the reopened dialog (CONTRIBUTING.md, « dialogs »).
 */
const DIALOG_EVENT_BINDINGS = [
  {
    selector: 'TemplateElement[value.raw=/@(close|cancel)=/]',
    message:
      "No @close/@cancel binding in a template: the dialog's DialogController follows those events (its onDismiss closes what the dialog shows).",
  },
];

const NATIVE_DATE_INPUTS = [
  {
    // `<input type="date">` in a template.
    selector: `TemplateElement[value.raw=/\\btype\\s*=\\s*["']?${NATIVE_DATE_TYPES}(["'\\s>]|$)/]`,
    message: NATIVE_DATE_INPUT_MESSAGE,
  },
  {
    // `field(view, 'start', label, { type: 'date' })`: a field helper told to render a native input.
    selector: `Property[key.name='type'][value.value=/^${NATIVE_DATE_TYPES}$/]`,
    message: NATIVE_DATE_INPUT_MESSAGE,
  },
  {
    selector: `AssignmentExpression[left.property.name='type'][right.value=/^${NATIVE_DATE_TYPES}$/]`,
    message: NATIVE_DATE_INPUT_MESSAGE,
  },
  {
    selector: `CallExpression[callee.property.name='setAttribute'][arguments.0.value='type'][arguments.1.value=/^${NATIVE_DATE_TYPES}$/]`,
    message: NATIVE_DATE_INPUT_MESSAGE,
  },
];

/** What every component file obeys (a later `no-restricted-syntax` block replaces an earlier one: repeat it). */
const COMPONENT_SYNTAX = [...COMPONENT_RESTRICTIONS, ...HEX_COLOURS, ...NATIVE_DATE_INPUTS, ...DIALOG_EVENT_BINDINGS];

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
      'no-restricted-syntax': ['error', ...COMPONENT_SYNTAX],
    },
  },
  {
    // The token sheet and its registered defaults are where colour values live.
    files: ['packages/components/src/shared/tokens.styles.ts', 'packages/components/src/shared/token-defaults.ts'],
    rules: { 'no-restricted-syntax': ['error', ...COMPONENT_RESTRICTIONS] },
  },
  {
    // Templates only read: state changes go through controller methods.
    files: ['packages/components/src/**/*.template.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...COMPONENT_SYNTAX,
        {
          selector:
            "MethodDefinition[kind!='constructor'] AssignmentExpression[left.type='MemberExpression'], :function:not(MethodDefinition > FunctionExpression) AssignmentExpression[left.type='MemberExpression']",
          message: 'Templates only read state: call a controller method (an intent) instead of assigning.',
        },
        {
          selector: "UpdateExpression[argument.type='MemberExpression']",
          message: 'Templates only read state: call a controller method (an intent) instead of assigning.',
        },
      ],
    },
  },
  {
    files: ['packages/demo-host/server/**/*.ts', 'scripts/**', '**/*.mjs', 'packages/demo-host/scripts/**'],
    rules: { 'no-console': 'off' },
  },
);

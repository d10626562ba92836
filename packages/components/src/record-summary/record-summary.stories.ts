import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { StorageError, createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource, Pathology } from '@carnet/catalog-sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import '../provider/provider.js';
import './record-summary.js';

/** How the story's data source misbehaves. */
type Fault = 'never-answers' | 'fails';

/**
 * A real local record whose document list misbehaves, to show the loading and
 * error states. Every other call reaches the real record.
 */
function faultySource(dbName: string, fault: Fault): DataSource {
  const real = createLocalDataSource({ dbName });
  const list = (): Promise<never> =>
    fault === 'fails'
      ? Promise.reject(new StorageError('story: simulated failure'))
      : new Promise<never>(() => undefined);
  const bind = (target: object, property: string | symbol): unknown => {
    const value: unknown = Reflect.get(target, property, target);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  };
  const documents = new Proxy(real.documents, {
    get: (target, property) => (property === 'list' ? list : bind(target, property)),
  });
  return new Proxy(real, {
    get: (target, property) => (property === 'documents' ? documents : bind(target, property)),
  });
}

/** Controls of the record summary stories. */
interface SummaryStoryArgs {
  locale: CarnetLocale;
  dbName: string;
  demoPersona?: Pathology;
  /** Inject a misbehaving data source instead of the local record. */
  fault?: Fault;
  themeClass?: string;
}

const THEME_SHEETS: Readonly<Record<string, string>> = {
  'carnet-theme-dark': new URL('../../themes/dark.css', import.meta.url).href,
  'carnet-theme-high-contrast': new URL('../../themes/high-contrast.css', import.meta.url).href,
};

function renderSummary(args: SummaryStoryArgs): TemplateResult {
  const sheet = args.themeClass ? THEME_SHEETS[args.themeClass] : undefined;
  const injected = args.fault ? faultySource(args.dbName, args.fault) : undefined;
  return html`
    ${sheet ? html`<link rel="stylesheet" href=${sheet} />` : nothing}
    <carnet-provider
      class=${ifDefined(args.themeClass)}
      locale=${args.locale}
      db-name=${args.dbName}
      demo-persona=${ifDefined(args.demoPersona)}
      .dataSource=${injected}
      style="padding: 1rem; max-inline-size: 48rem"
    >
      <carnet-record-summary></carnet-record-summary>
    </carnet-provider>
  `;
}

const meta: Meta<SummaryStoryArgs> = {
  title: 'Foundation/Record summary',
  component: 'carnet-record-summary',
  render: renderSummary,
  args: { locale: 'fr', dbName: 'storybook-summary' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    fault: { control: 'select', options: [undefined, 'never-answers', 'fails'] },
  },
};
export default meta;

type Story = StoryObj<SummaryStoryArgs>;

/** Counts and latest documents of the diabetes persona. */
export const Diabetes: Story = { args: { dbName: 'storybook-summary-diabetes', demoPersona: 'diabetes' } };

/** Parkinson's persona. */
export const Parkinson: Story = { args: { dbName: 'storybook-summary-parkinson', demoPersona: 'parkinson' } };

/** Kidney disease persona. */
export const Kidney: Story = { args: { dbName: 'storybook-summary-kidney', demoPersona: 'kidney' } };

/** English strings, kind labels and dates. */
export const English: Story = {
  args: { dbName: 'storybook-summary-english', demoPersona: 'diabetes', locale: 'en' },
};

/** The record never answers: the busy skeleton. */
export const Loading: Story = { args: { dbName: 'storybook-summary-loading', fault: 'never-answers' } };

/** A record with nothing in it yet. */
export const Empty: Story = { args: { dbName: 'storybook-summary-empty' } };

/** Loading fails: a localized message and Retry. */
export const LoadError: Story = { args: { dbName: 'storybook-summary-error', fault: 'fails' } };

/** Dark theme. */
export const DarkTheme: Story = {
  args: { dbName: 'storybook-summary-dark', demoPersona: 'parkinson', themeClass: 'carnet-theme-dark' },
};

/** High-contrast theme. */
export const HighContrastTheme: Story = {
  args: { dbName: 'storybook-summary-high-contrast', demoPersona: 'kidney', themeClass: 'carnet-theme-high-contrast' },
};

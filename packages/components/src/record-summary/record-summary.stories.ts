import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Pathology } from '@carnet/catalog-sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import '../provider/provider.js';
import './record-summary.js';
import { localSourceWithFault, type StoryFault } from '../test-helpers/story-faults.js';
import { themeSheetLink } from '../test-helpers/story-themes.js';

/** How the story's data source misbehaves. */
type Fault = StoryFault;

/** Controls of the record summary stories. */
interface SummaryStoryArgs {
  locale: CarnetLocale;
  dbName: string;
  demoPersona?: Pathology;
  /** Inject a misbehaving data source instead of the local record. */
  fault?: Fault;
  /** Which reads misbehave: the documents (counts), or the measurements (an overview item). */
  faultyRepository?: 'documents' | 'trackers';
  /** Kidney failure: the weight gain the nephrologist allows, in kg. */
  weightGainLimit?: number;
  themeClass?: string;
}

function renderSummary(args: SummaryStoryArgs): TemplateResult {
  const injected = args.fault
    ? localSourceWithFault(args.dbName, args.faultyRepository ?? 'documents', 'list', args.fault)
    : undefined;
  return html`
    ${themeSheetLink(args.themeClass)}
    <carnet-provider
      class=${ifDefined(args.themeClass)}
      locale=${args.locale}
      db-name=${args.dbName}
      demo-persona=${ifDefined(args.demoPersona)}
      .dataSource=${injected}
      style="padding: 1rem; max-inline-size: 48rem"
    >
      <carnet-record-summary weight-gain-limit=${ifDefined(args.weightGainLimit)}></carnet-record-summary>
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
    faultyRepository: { control: 'inline-radio', options: ['documents', 'trackers'] },
    weightGainLimit: { control: 'number' },
  },
};
export default meta;

type Story = StoryObj<SummaryStoryArgs>;

/** Diabetes: the latest glucose values and the seven days' time in range first, then counts and latest documents. */
export const Diabetes: Story = { args: { dbName: 'storybook-summary-diabetes', demoPersona: 'diabetes' } };

/** Parkinson's disease: today's doses first, each with its state. */
export const Parkinson: Story = { args: { dbName: 'storybook-summary-parkinson', demoPersona: 'parkinson' } };

/**
 * Kidney failure: the next dialysis session first, then the latest weight gain against the
 * nephrologist's 2 kg limit (the demo persona has no weights yet: the item says how to get one).
 */
export const Kidney: Story = {
  args: { dbName: 'storybook-summary-kidney', demoPersona: 'kidney', weightGainLimit: 2 },
};

/** An overview item whose read fails (the measurements): its own error and Retry; the others stay shown. */
export const OverviewItemError: Story = {
  args: {
    dbName: 'storybook-summary-kidney',
    demoPersona: 'kidney',
    weightGainLimit: 2,
    fault: 'fails',
    faultyRepository: 'trackers',
  },
};

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

/** At phone width (390 px, set in the Viewport toolbar): nothing cut, no sideways scroll. */
export const Phone390: Story = {
  args: { dbName: 'storybook-summary-diabetes', demoPersona: 'diabetes' },
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const Phone320: Story = {
  args: { dbName: 'storybook-summary-diabetes', demoPersona: 'diabetes' },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};

/** Kidney failure at 320 px: the dialysis and weight items stacked. */
export const Phone320Kidney: Story = {
  args: { dbName: 'storybook-summary-kidney', demoPersona: 'kidney', weightGainLimit: 2 },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};

/** Parkinson's disease at 320 px: today's doses, long medicine names wrapped. */
export const Phone320Parkinson: Story = {
  args: { dbName: 'storybook-summary-parkinson', demoPersona: 'parkinson' },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};

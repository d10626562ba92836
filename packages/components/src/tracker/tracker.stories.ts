import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import '../provider/provider.js';
import './tracker.js';
import { localSourceWithFault, type StoryFault } from '../test-helpers/story-faults.js';
import { themeSheetLink } from '../test-helpers/story-themes.js';
import { seedGlucose } from './test-helpers/glucose-samples.js';

/** Controls of the tracker stories. */
interface TrackerStoryArgs {
  locale: CarnetLocale;
  dbName: string;
  pathology: 'diabetes' | 'parkinson' | 'kidney';
  unit: 'mg/dL' | 'mmol/L';
  /** Fill the record with the diabetes persona's last weeks of values first. */
  filled: boolean;
  fault?: StoryFault;
  themeClass?: string;
}

function renderTracker(args: TrackerStoryArgs): TemplateResult {
  const injected = args.fault ? localSourceWithFault(args.dbName, 'trackers', 'list', args.fault) : undefined;
  return html`${themeSheetLink(args.themeClass)}
    <carnet-provider
      class=${ifDefined(args.themeClass)}
      locale=${args.locale}
      db-name=${args.dbName}
      pathology=${args.pathology}
      .dataSource=${injected}
      style="padding: 1rem; max-inline-size: 48rem"
    >
      <carnet-tracker unit=${args.unit}></carnet-tracker>
    </carnet-provider>`;
}

const meta: Meta<TrackerStoryArgs> = {
  title: 'Record/Tracker',
  component: 'carnet-tracker',
  render: renderTracker,
  args: { locale: 'fr', dbName: 'storybook-tracker', pathology: 'diabetes', unit: 'mg/dL', filled: true },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    pathology: { control: 'inline-radio', options: ['diabetes', 'parkinson', 'kidney'] },
    unit: { control: 'inline-radio', options: ['mg/dL', 'mmol/L'] },
    fault: { control: 'select', options: [undefined, 'never-answers', 'fails'] },
  },
  loaders: [
    async ({ args }) => {
      const { filled, dbName } = args as TrackerStoryArgs;
      if (filled) await seedGlucose(dbName);
      return {};
    },
  ],
};
export default meta;

type Story = StoryObj<TrackerStoryArgs>;

/** Four weeks of glucose values: latest value, time in range, chart (the table behind its button). */
export const Glucose: Story = { args: { dbName: 'storybook-tracker-glucose' } };

/** The same values in mmol/L. */
export const MillimolesPerLitre: Story = { args: { dbName: 'storybook-tracker-mmol', unit: 'mmol/L' } };

/** English strings, dates and digits. */
export const English: Story = { args: { dbName: 'storybook-tracker-english', locale: 'en' } };

/** Nothing recorded yet: the entry is offered. */
export const Empty: Story = { args: { dbName: 'storybook-tracker-empty', filled: false } };

/** Kidney failure: weights around the dialysis sessions of the agenda (none recorded yet), limit 2 kg. */
export const Kidney: Story = {
  args: { dbName: 'storybook-tracker-kidney', pathology: 'kidney', filled: false },
  render: (args) =>
    html`<carnet-provider
      locale=${args.locale}
      db-name=${args.dbName}
      pathology="kidney"
      demo-persona="kidney"
      style="padding: 1rem; max-inline-size: 48rem"
      ><carnet-tracker weight-gain-limit="2"></carnet-tracker
    ></carnet-provider>`,
};

function renderParkinson(args: TrackerStoryArgs): TemplateResult {
  return html`<carnet-provider
    locale=${args.locale}
    db-name=${args.dbName}
    pathology="parkinson"
    demo-persona="parkinson"
    style="padding: 1rem; max-inline-size: 48rem"
    ><carnet-tracker></carnet-tracker
  ></carnet-provider>`;
}

/**
 * Parkinson's disease: the day diary in half-hours (pick a state, one tap per slot, Undo), the
 * levodopa doses of the pill organiser on their slots, the week's off time; the persona's last
 * three days are filled (« Jour précédent »).
 */
export const Parkinson: Story = {
  args: { dbName: 'storybook-tracker-parkinson', pathology: 'parkinson', filled: false },
  render: renderParkinson,
};

/** The Parkinson diary in English. */
export const ParkinsonEnglish: Story = {
  args: { dbName: 'storybook-tracker-parkinson-en', pathology: 'parkinson', filled: false, locale: 'en' },
  render: renderParkinson,
};

/** The Parkinson diary on a phone (390 px): two half-hours a row, 48 px targets. */
export const ParkinsonPhone390: Story = {
  args: { dbName: 'storybook-tracker-parkinson', pathology: 'parkinson', filled: false },
  render: renderParkinson,
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const ParkinsonPhone320: Story = {
  args: { dbName: 'storybook-tracker-parkinson', pathology: 'parkinson', filled: false },
  render: renderParkinson,
  globals: { viewport: { value: 'phone320', isRotated: false } },
};

/** The record never answers: the busy skeleton. */
export const Loading: Story = { args: { dbName: 'storybook-tracker-loading', fault: 'never-answers', filled: false } };

/** Loading fails: a localized message and Retry. */
export const LoadError: Story = { args: { dbName: 'storybook-tracker-error', fault: 'fails', filled: false } };

/** Dark theme. */
export const DarkTheme: Story = { args: { dbName: 'storybook-tracker-dark', themeClass: 'carnet-theme-dark' } };

/** High-contrast theme. */
export const HighContrastTheme: Story = {
  args: { dbName: 'storybook-tracker-high-contrast', themeClass: 'carnet-theme-high-contrast' },
};

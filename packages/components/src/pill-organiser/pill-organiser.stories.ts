import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource, Pathology } from '@carnet/catalog-sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { seedDemoPersona } from '../provider/demo-seeding.js';
import type { CarnetLocale } from '../shared/localization.js';
import { PRINT_PREVIEW_CLASS } from './print.styles.js';
import '../provider/provider.js';
import './pill-organiser.js';
import { localSourceWithFault, type StoryFault } from '../test-helpers/story-faults.js';

/** How the story's data source misbehaves. */
type Fault = StoryFault;

/** Controls of the pill organiser stories. */
interface OrganiserStoryArgs {
  locale: CarnetLocale;
  dbName: string;
  demoPersona?: Pathology;
  /** Preset; defaults to the persona's condition. */
  pathology?: Pathology;
  fault?: Fault;
  /** Shows the print view on screen. */
  printView?: boolean;
  /** Width of the page area, to see the narrow (today first) layout. */
  width?: string;
  mealTimes?: string;
}

function renderOrganiser(args: OrganiserStoryArgs): TemplateResult {
  const injected = args.fault ? localSourceWithFault(args.dbName, 'medications', 'listPlans', args.fault) : undefined;
  return html`
    <carnet-provider
      locale=${args.locale}
      db-name=${args.dbName}
      demo-persona=${ifDefined(args.demoPersona)}
      pathology=${ifDefined(args.pathology)}
      .dataSource=${injected}
      style="display: block; padding: 1rem; max-inline-size: ${args.width ?? '72rem'}"
    >
      <carnet-pill-organiser
        class=${args.printView ? PRINT_PREVIEW_CLASS : ''}
        meal-times=${ifDefined(args.mealTimes)}
      ></carnet-pill-organiser>
    </carnet-provider>
    ${
      args.printView
        ? html`<p style="font: 0.875rem system-ui; margin: 0 1rem">
            The print view as it appears on paper (A4 landscape): controls, warnings and adherence hidden.
          </p>`
        : nothing
    }
  `;
}

const meta: Meta<OrganiserStoryArgs> = {
  title: 'Widgets/Pill organiser',
  component: 'carnet-pill-organiser',
  render: renderOrganiser,
  args: { locale: 'fr', dbName: 'storybook-pills' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    pathology: { control: 'select', options: [undefined, 'parkinson', 'kidney', 'diabetes'] },
    fault: { control: 'select', options: [undefined, 'never-answers', 'fails'] },
    printView: { control: 'boolean' },
  },
};
export default meta;

type Story = StoryObj<OrganiserStoryArgs>;

/** Parkinson's: levodopa at exact times, a 15-minute late window and the « prise en retard » badge. */
export const Parkinson: Story = { args: { dbName: 'storybook-pills-parkinson', demoPersona: 'parkinson' } };

/** Kidney disease: dialysis days highlighted, weekly vitamin D, EPO on dialysis days. */
export const Kidney: Story = { args: { dbName: 'storybook-pills-kidney', demoPersona: 'kidney' } };

/** Diabetes: doses grouped by meal, bedtime insulin. */
export const Diabetes: Story = { args: { dbName: 'storybook-pills-diabetes', demoPersona: 'diabetes' } };

/** The Parkinson's record without a preset: the four moments of the day, no badge. */
export const NoPreset: Story = {
  args: { dbName: 'storybook-pills-no-preset' },
  loaders: [
    async ({ args }) => {
      const source = createLocalDataSource({ dbName: (args as OrganiserStoryArgs).dbName });
      await seedDemoPersona(source, 'parkinson', (args as OrganiserStoryArgs).dbName);
      return { source };
    },
  ],
  render: (args, { loaded }) =>
    html`<carnet-provider
      locale=${args.locale}
      .dataSource=${(loaded as { source: DataSource }).source}
      style="display: block; padding: 1rem; max-inline-size: 72rem"
    >
      <carnet-pill-organiser></carnet-pill-organiser>
    </carnet-provider>`,
};

/** English strings, times and dates. */
export const English: Story = { args: { dbName: 'storybook-pills-english', demoPersona: 'parkinson', locale: 'en' } };

/** English, kidney persona. */
export const EnglishKidney: Story = {
  args: { dbName: 'storybook-pills-english-kidney', demoPersona: 'kidney', locale: 'en' },
};

/** A patient's own meal times (JSON attribute) move the « morning », « noon »… doses. */
export const OwnMealTimes: Story = {
  args: {
    dbName: 'storybook-pills-meals',
    demoPersona: 'diabetes',
    mealTimes: '{"breakfast":"07:00","lunch":"12:00","dinner":"19:00","bedtime":"21:30"}',
  },
};

/** A narrow container: one list of days, today first. */
export const SmallScreen: Story = {
  args: { dbName: 'storybook-pills-small', demoPersona: 'parkinson', width: '24rem' },
};

/** The print view, applied on screen through its class. */
export const PrintView: Story = { args: { dbName: 'storybook-pills-print', demoPersona: 'diabetes', printView: true } };

/** Print view in English. */
export const PrintViewEnglish: Story = {
  args: { dbName: 'storybook-pills-print-en', demoPersona: 'kidney', printView: true, locale: 'en' },
};

/** The record never answers: the busy skeleton. */
export const Loading: Story = { args: { dbName: 'storybook-pills-loading', fault: 'never-answers' } };

/** No treatment recorded yet. */
export const Empty: Story = { args: { dbName: 'storybook-pills-empty' } };

/** No treatment, in English. */
export const EmptyEnglish: Story = { args: { dbName: 'storybook-pills-empty', locale: 'en' } };

/** Loading fails: a localized message and Retry. */
export const LoadError: Story = { args: { dbName: 'storybook-pills-error', fault: 'fails' } };

/** Loading fails, in English. */
export const LoadErrorEnglish: Story = { args: { dbName: 'storybook-pills-error', fault: 'fails', locale: 'en' } };

/** Opens « Ajouter un traitement » once the organiser has loaded. */
async function openTreatmentEditor(canvasElement: HTMLElement): Promise<void> {
  const organiser = canvasElement.querySelector('carnet-pill-organiser');
  for (let tries = 0; tries < 100; tries += 1) {
    const button = organiser?.shadowRoot?.querySelector<HTMLButtonElement>('[part="add-plan"]');
    if (button) {
      button.click();
      return;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The treatment editor on an empty record: plain words, a preview of what will be saved. */
export const AddTreatment: Story = {
  args: { dbName: 'storybook-pills-add' },
  play: ({ canvasElement }) => openTreatmentEditor(canvasElement),
};

/** The treatment editor, in English, over a kidney patient's week. */
export const AddTreatmentEnglish: Story = {
  args: { dbName: 'storybook-pills-add-english', demoPersona: 'kidney', locale: 'en' },
  play: ({ canvasElement }) => openTreatmentEditor(canvasElement),
};

/** At phone width (390 px, set in the Viewport toolbar): nothing cut, no sideways scroll. */
export const Phone390: Story = {
  args: { dbName: 'storybook-pills-parkinson', demoPersona: 'parkinson' },
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const Phone320: Story = {
  args: { dbName: 'storybook-pills-parkinson', demoPersona: 'parkinson' },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};

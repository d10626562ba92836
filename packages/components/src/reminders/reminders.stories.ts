import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource } from '@carnet/catalog-sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import { localSourceWithFault, type StoryFault } from '../test-helpers/story-faults.js';
import '../provider/provider.js';
import '../pill-organiser/pill-organiser.js';
import './reminders.js';

/** Controls of the reminders stories. */
interface RemindersStoryArgs {
  locale: CarnetLocale;
  dbName: string;
  /** « Now » for the story (ISO instant); the device's clock when absent. */
  now?: string;
  /** What the story's record holds. */
  record: 'dose' | 'everything' | 'nothing';
  snoozeMinutes?: number;
  fault?: StoryFault;
  /** Shows the pill organiser beside the reminders. */
  withOrganiser?: boolean;
}

/** Wednesday 11 March 2026, 08:10 in Paris. */
const MORNING = '2026-03-11T07:10:00.000Z';

/** A fresh record: a levodopa plan at 08:00 and 20:00, and with `everything` an appointment and a renewal due. */
async function seed(args: RemindersStoryArgs): Promise<DataSource> {
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(args.dbName);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  const source = createLocalDataSource({ dbName: args.dbName });
  if (args.record === 'nothing') return source;
  await source.medications.createPlan({
    medication: { display: 'Lévodopa/Carbidopa 100 mg/25 mg, comprimé' },
    dose: 1,
    doseUnit: 'comprimé',
    slots: [{ time: '08:00' }, { time: '20:00' }],
    start: '2026-03-01',
    ...(args.record === 'everything' ? { renewalDate: '2026-03-18' } : {}),
  });
  if (args.record === 'everything')
    await source.agenda.create({
      title: 'Consultation neurologie',
      kind: 'appointment',
      start: '2026-03-11T09:00:00',
      end: '2026-03-11T09:30:00',
      location: 'CHU de Nantes',
      reminders: [{ minutesBefore: 60 }],
    });
  return source;
}

function renderReminders(args: RemindersStoryArgs, source: DataSource | undefined): TemplateResult {
  const at = args.now === undefined ? undefined : Date.parse(args.now);
  const clock = at === undefined ? undefined : () => new Date(at);
  return html`<carnet-provider
    locale=${args.locale}
    .dataSource=${source}
    style="display: grid; gap: 1rem; padding: 1rem; max-inline-size: 72rem"
  >
    <carnet-reminders
      .clock=${clock ?? (() => new Date())}
      snooze-minutes=${ifDefined(args.snoozeMinutes)}
    ></carnet-reminders>
    ${args.withOrganiser ? html`<carnet-pill-organiser .now=${at === undefined ? undefined : new Date(at)}></carnet-pill-organiser>` : ''}
  </carnet-provider>`;
}

const meta: Meta<RemindersStoryArgs> = {
  title: 'Widgets/Reminders',
  component: 'carnet-reminders',
  args: { locale: 'fr', dbName: 'storybook-reminders', now: MORNING, record: 'dose' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    record: { control: 'inline-radio', options: ['dose', 'everything', 'nothing'] },
    fault: { control: 'select', options: [undefined, 'never-answers', 'fails'] },
    snoozeMinutes: { control: 'number' },
  },
  loaders: [
    async ({ args }) => {
      const story = args as RemindersStoryArgs;
      if (story.fault) return { source: localSourceWithFault(story.dbName, 'medications', 'listPlans', story.fault) };
      return { source: await seed(story) };
    },
  ],
  render: (args, { loaded }) => renderReminders(args, (loaded as { source?: DataSource }).source),
};
export default meta;

type Story = StoryObj<RemindersStoryArgs>;

/** The 08:00 dose, ten minutes later: « Pris » and « Plus tard (dans 10 min) ». */
export const DoseDue: Story = {};

/** A dose, the reminder an hour before an appointment, and a prescription to renew. */
export const Everything: Story = { args: { dbName: 'storybook-reminders-all', record: 'everything' } };

/** The same in English. */
export const English: Story = { args: { dbName: 'storybook-reminders-en', record: 'everything', locale: 'en' } };

/** « Pris » here shows in the pill organiser beside it. */
export const WithOrganiser: Story = { args: { dbName: 'storybook-reminders-organiser', withOrganiser: true } };

/** « Plus tard » puts a dose off 30 minutes (`snooze-minutes`), and its button says so. */
export const LongerSnooze: Story = { args: { dbName: 'storybook-reminders-snooze', snoozeMinutes: 30 } };

/** Nothing rings now. */
export const Empty: Story = { args: { dbName: 'storybook-reminders-empty', record: 'nothing' } };

/** The record never answers: the busy skeleton. */
export const Loading: Story = { args: { dbName: 'storybook-reminders-loading', fault: 'never-answers' } };

/** Loading fails: a plain sentence and Retry. */
export const LoadError: Story = { args: { dbName: 'storybook-reminders-error', fault: 'fails' } };

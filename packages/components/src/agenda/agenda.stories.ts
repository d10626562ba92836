import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { StorageError, createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource, Pathology } from '@carnet/catalog-sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CarnetLocale } from '../shared/localization.js';
import type { CarnetAgenda } from './agenda.js';
import type { AgendaView } from './agenda-range.controller.js';
import { withFailingAgenda } from './test-helpers/faulty-agenda-source.js';
import '../provider/provider.js';
import './agenda.js';
import { themeSheetLink } from '../test-helpers/story-themes.js';

/** What the story opens once the agenda is shown. */
type Opened = 'editor' | 'recurrence' | 'import-preview';

/** Controls of the agenda stories. */
interface AgendaStoryArgs {
  locale: CarnetLocale;
  dbName: string;
  demoPersona?: Pathology;
  view: AgendaView;
  /** Fixed today, so every story shows the same days. */
  today: string;
  showMedication: boolean;
  /** Inject a misbehaving data source instead of the local record. */
  fault?: 'never-answers' | 'fails';
  opened?: Opened;
  themeClass?: string;
  /** Root font size (e.g. `2rem` = 200 %), to check the agenda with enlarged text. */
  fontSize?: string;
}

// A small calendar in the shape Google Calendar exports, for the import preview.
const SAMPLE_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'BEGIN:VEVENT',
  'UID:kine@example.com',
  'DTSTAMP:20261120T100000Z',
  'DTSTART;TZID=Europe/Paris:20261125T090000',
  'DTEND;TZID=Europe/Paris:20261125T093000',
  'RRULE:FREQ=WEEKLY;BYDAY=WE',
  'SUMMARY:Kinésithérapie respiratoire',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER:-PT30M',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:pharmacie@example.com',
  'DTSTAMP:20261120T100000Z',
  'DTSTART:20261127T130000Z',
  'DTEND:20261127T140000Z',
  'RDATE:20261204T130000Z',
  'SUMMARY:Passer à la pharmacie',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

function faultySource(dbName: string, fault: 'never-answers' | 'fails'): DataSource {
  const real = createLocalDataSource({ dbName });
  return withFailingAgenda(real, fault === 'fails' ? new StorageError('story: simulated failure') : 'never').source;
}

/** Opens the editor, the recurrence editor or the import preview once the agenda is shown. */
async function open(agenda: CarnetAgenda, opened: Opened): Promise<void> {
  const root = (): ShadowRoot | null => agenda.shadowRoot;
  for (let tries = 0; tries < 200 && !root()?.querySelector('[part="toolbar"]'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (opened === 'import-preview') {
    const input = root()?.querySelector<HTMLInputElement>('.file-input');
    if (!input) return;
    const transfer = new DataTransfer();
    transfer.items.add(new File([SAMPLE_ICS], 'agenda.ics', { type: 'text/calendar' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  root()?.querySelector<HTMLButtonElement>('[part="create"]')?.click();
  // The editor's code loads on the first click: wait for its dialog.
  for (let tries = 0; tries < 200 && !root()?.querySelector('dialog[part="editor"][open]'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (opened !== 'recurrence') return;
  const set = async (name: string, value: string): Promise<void> => {
    const field = root()?.querySelector<HTMLInputElement | HTMLSelectElement>(`dialog [name="${name}"]`);
    if (!field) return;
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await agenda.updateComplete;
  };
  await set('title', 'Séance de dialyse');
  await set('frequency', 'weekly');
  for (const day of ['WE', 'FR'])
    root()?.querySelector<HTMLInputElement>(`dialog [name="weekday"][value="${day}"]`)?.click();
  await agenda.updateComplete;
  root()?.querySelector<HTMLInputElement>('dialog [name="endType"][value="count"]')?.click();
}

function renderAgenda(args: AgendaStoryArgs): TemplateResult {
  const injected = args.fault ? faultySource(args.dbName, args.fault) : undefined;
  // Carnet sizes text in rem: enlarged text is the root's font size, as a browser setting would make it.
  document.documentElement.style.fontSize = args.fontSize ?? '';
  return html`
    ${themeSheetLink(args.themeClass)}
    <carnet-provider
      class=${ifDefined(args.themeClass)}
      locale=${args.locale}
      db-name=${args.dbName}
      demo-persona=${ifDefined(args.demoPersona)}
      .dataSource=${injected}
      style="display: block; padding: 1rem; max-inline-size: 72rem"
    >
      <carnet-agenda view=${args.view} today=${args.today} ?show-medication=${args.showMedication}></carnet-agenda>
    </carnet-provider>
  `;
}

const meta: Meta<AgendaStoryArgs> = {
  title: 'Widgets/Agenda',
  component: 'carnet-agenda',
  render: renderAgenda,
  args: { locale: 'fr', dbName: 'storybook-agenda', view: 'month', today: '2026-11-23', showMedication: false },
  argTypes: {
    locale: { control: 'inline-radio', options: ['fr', 'en'] },
    view: { control: 'inline-radio', options: ['month', 'week', 'list'] },
    demoPersona: { control: 'select', options: [undefined, 'diabetes', 'parkinson', 'kidney'] },
    fault: { control: 'select', options: [undefined, 'never-answers', 'fails'] },
    opened: { control: 'select', options: [undefined, 'editor', 'recurrence', 'import-preview'] },
  },
  play: async ({ canvasElement, args }) => {
    if (!args.opened) return;
    const agenda = canvasElement.querySelector('carnet-agenda');
    if (agenda) await open(agenda, args.opened);
  },
};
export default meta;

type Story = StoryObj<AgendaStoryArgs>;

/** The dense case: dialysis Monday, Wednesday and Friday, monthly exams, renewals. */
export const KidneyMonth: Story = { args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney' } };

/** The kidney persona's week, as a list-like time grid. */
export const KidneyWeek: Story = { args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney', view: 'week' } };

/** What is coming in the next 30 days. */
export const KidneyUpcoming: Story = {
  args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney', view: 'list' },
};

/** With the pill organiser's doses and what was recorded for them. */
export const KidneyWithMedication: Story = {
  args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney', view: 'week', showMedication: true },
};

/** Diabetes persona: quarterly endocrinology, yearly eye exam, renewals. */
export const DiabetesMonth: Story = { args: { dbName: 'storybook-agenda-diabetes', demoPersona: 'diabetes' } };

/** Parkinson's persona: physiotherapy twice a week, speech therapy, neurologist every 6 months. */
export const ParkinsonMonth: Story = { args: { dbName: 'storybook-agenda-parkinson', demoPersona: 'parkinson' } };

/** English strings and Intl dates. */
export const EnglishMonth: Story = { args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney', locale: 'en' } };

/** English week. */
export const EnglishWeek: Story = {
  args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney', locale: 'en', view: 'week' },
};

/** English « Upcoming » list. */
export const EnglishUpcoming: Story = {
  args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney', locale: 'en', view: 'list' },
};

/** The record never answers: the busy skeleton. */
export const Loading: Story = { args: { dbName: 'storybook-agenda-loading', fault: 'never-answers' } };

/** No event and no plan yet: the calendar stays usable to add one. */
export const Empty: Story = { args: { dbName: 'storybook-agenda-empty' } };

/** Loading fails: a localized message and Retry. */
export const LoadError: Story = { args: { dbName: 'storybook-agenda-error', fault: 'fails' } };

/** The editor open on a new event. */
export const EditorOpen: Story = {
  args: { dbName: 'storybook-agenda-editor', demoPersona: 'kidney', opened: 'editor' },
};

/** The recurrence editor in plain words, with its live sentence. */
export const RecurrenceEditor: Story = {
  args: { dbName: 'storybook-agenda-editor', demoPersona: 'kidney', opened: 'recurrence' },
};

/** The recurrence editor in English. */
export const RecurrenceEditorEnglish: Story = {
  args: { dbName: 'storybook-agenda-editor', demoPersona: 'kidney', opened: 'recurrence', locale: 'en' },
};

/** The preview of an imported Google-style calendar, with what could not be taken over. */
export const ImportPreview: Story = { args: { dbName: 'storybook-agenda-import', opened: 'import-preview' } };

/** Text at 200 %: columns wrap, nothing is cut. */
export const LargeText: Story = {
  args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney', view: 'week', fontSize: '2rem' },
};

/** Dark theme. */
export const DarkTheme: Story = {
  args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney', themeClass: 'carnet-theme-dark' },
};

/** High-contrast theme. */
export const HighContrastTheme: Story = {
  args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney', themeClass: 'carnet-theme-high-contrast' },
};

/** At phone width (390 px, set in the Viewport toolbar): nothing cut, no sideways scroll. */
export const Phone390: Story = {
  args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney' },
  globals: { viewport: { value: 'phone390', isRotated: false } },
};

/** At the narrowest phone width (320 px, or 200 % zoom on 640 px): nothing cut, no sideways scroll. */
export const Phone320: Story = {
  args: { dbName: 'storybook-agenda-kidney', demoPersona: 'kidney' },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};

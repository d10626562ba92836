import '@carnet/components';
import { followSummaryLinks, setUpLanguageButtons, siteLocale } from './site-shell.js';

type Persona = 'parkinson' | 'diabetes' | 'kidney';

/** The widgets of the page, each in its own section: tag, heading in French and English. */
const SECTIONS = [
  { id: 'record', tag: 'carnet-record-summary', fr: "Vue d'ensemble", en: 'Overview' },
  { id: 'tracker', tag: 'carnet-tracker', fr: 'Mon suivi', en: 'My tracking' },
  { id: 'documents', tag: 'carnet-document-browser', fr: 'Documents de santé', en: 'Health documents' },
  { id: 'agenda', tag: 'carnet-agenda', fr: 'Rendez-vous et rappels', en: 'Appointments and reminders' },
  { id: 'pills', tag: 'carnet-pill-organiser', fr: 'Traitements', en: 'Treatments' },
  { id: 'profile', tag: 'carnet-medical-profile', fr: 'Profil médical', en: 'Medical profile' },
  { id: 'emergency', tag: 'carnet-emergency-card', fr: "En cas d'urgence", en: 'In an emergency' },
  { id: 'forum', tag: 'carnet-forum-feed', fr: 'Communauté', en: 'Community' },
] as const;

const widgets = document.querySelector<HTMLDivElement>('#widgets');

/** One section with its heading and widget. */
function section({ id, tag, fr, en }: (typeof SECTIONS)[number]): HTMLElement {
  const element = document.createElement('section');
  element.className = 'widget-section';
  element.setAttribute('aria-labelledby', `${id}-heading`);
  const heading = document.createElement('h2');
  heading.id = `${id}-heading`;
  heading.dataset.fr = fr;
  heading.dataset.en = en;
  heading.textContent = siteLocale() === 'en' ? en : fr;
  element.append(heading, document.createElement(tag));
  return element;
}

/** Renders the provider and its widgets for one persona, each persona in its own local database. */
function mount(persona: Persona): void {
  if (!widgets) return;
  widgets.replaceChildren();
  const provider = document.createElement('carnet-provider');
  provider.setAttribute('demo-persona', persona);
  provider.setAttribute('db-name', `carnet-demo-${persona}`);
  provider.setAttribute('locale', siteLocale());
  // Due doses, appointment reminders and renewals ring at the top of the page while it is open.
  provider.append(document.createElement('carnet-reminders'), ...SECTIONS.map(section));
  widgets.append(provider);
}

function selectedPersona(): Persona {
  const checked = document.querySelector<HTMLInputElement>('input[name="persona"]:checked');
  return (checked?.value as Persona | undefined) ?? 'parkinson';
}

document.querySelectorAll<HTMLInputElement>('input[name="persona"]').forEach((input) => {
  input.addEventListener('change', () => mount(selectedPersona()));
});

setUpLanguageButtons();
followSummaryLinks();
mount(selectedPersona());

// The association's page in React 19: the provider and every widget as JSX
// intrinsic elements, typed by @carnet/components/react. React sets `locale`,
// `pathology` and `view` as properties and adds the `oncarnet-*` props as event
// listeners; the toggle unmounts and remounts the whole provider.
import type {} from '@carnet/components/react';
import type { CarnetLocale } from '@carnet/components';
import { useState } from 'react';
import { EventLogView } from './event-log.js';
import {
  PERSONAS,
  SECTIONS,
  databaseOf,
  emptyEventLog,
  logEvent,
  word,
  type EventLog,
  type LoggedEvent,
  type Persona,
} from '../frameworks/page-model.js';

/** Props of {@link CarnetReactPage}. */
export interface CarnetReactPageProps {
  /** Language of the widgets and of the page's own words. */
  locale: CarnetLocale;
  /** The demo patient shown first. */
  initialPersona?: Persona;
}

/** The React page: persona choice, the unmount toggle, the event log and the widgets. */
export function CarnetReactPage({ locale, initialPersona = 'parkinson' }: CarnetReactPageProps) {
  const [persona, setPersona] = useState<Persona>(initialPersona);
  const [shown, setShown] = useState(true);
  const [mounts, setMounts] = useState(1);
  const [log, setLog] = useState<EventLog>(emptyEventLog);

  /** A handler that logs one call of `name`; a new function each render, as React code usually has. */
  const record =
    <K extends LoggedEvent>(name: K) =>
    (event: GlobalEventHandlersEventMap[K]): void =>
      setLog((current) => logEvent(current, name, event));

  const toggle = (): void => {
    if (!shown) setMounts((count) => count + 1);
    setShown(!shown);
  };

  const heading = (id: (typeof SECTIONS)[number]['id']) => {
    const section = SECTIONS.find((candidate) => candidate.id === id);
    return <h2 id={`${id}-heading`}>{section ? section[locale] : id}</h2>;
  };

  return (
    <>
      <div className="framework-controls">
        <fieldset className="personas">
          <legend>{word('persona', locale)}</legend>
          {PERSONAS.map((option) => (
            <label key={option.id}>
              <input
                type="radio"
                name="persona"
                value={option.id}
                checked={persona === option.id}
                onChange={() => setPersona(option.id)}
              />{' '}
              {option[locale]}
            </label>
          ))}
        </fieldset>
        <button type="button" className="toggle-widgets" aria-pressed={!shown} onClick={toggle}>
          {shown ? word('hide', locale) : word('show', locale)}
        </button>
      </div>
      <EventLogView log={log} locale={locale} mounts={mounts} framework="React" />
      {shown ? (
        <carnet-provider
          locale={locale}
          pathology={persona}
          demo-persona={persona}
          db-name={databaseOf(persona)}
          oncarnet-error={record('carnet-error')}
          oncarnet-session-change={record('carnet-session-change')}
        >
          <carnet-reminders oncarnet-intake-change={record('carnet-intake-change')} />
          <section className="widget-section" aria-labelledby="record-heading">
            {heading('record')}
            <carnet-record-summary oncarnet-record-open={record('carnet-record-open')} />
          </section>
          <section className="widget-section" aria-labelledby="tracker-heading">
            {heading('tracker')}
            <carnet-tracker oncarnet-measurement-change={record('carnet-measurement-change')} />
          </section>
          <section className="widget-section" aria-labelledby="documents-heading">
            {heading('documents')}
            <carnet-document-browser
              oncarnet-document-open={record('carnet-document-open')}
              oncarnet-document-change={record('carnet-document-change')}
              oncarnet-document-send={record('carnet-document-send')}
            />
          </section>
          <section className="widget-section" aria-labelledby="agenda-heading">
            {heading('agenda')}
            <carnet-agenda
              view="list"
              oncarnet-event-change={record('carnet-event-change')}
              oncarnet-occurrence-note={record('carnet-occurrence-note')}
            />
          </section>
          <section className="widget-section" aria-labelledby="pills-heading">
            {heading('pills')}
            <carnet-pill-organiser oncarnet-intake-change={record('carnet-intake-change')} />
          </section>
          <section className="widget-section" aria-labelledby="profile-heading">
            {heading('profile')}
            <carnet-medical-profile oncarnet-profile-change={record('carnet-profile-change')} />
          </section>
          <section className="widget-section" aria-labelledby="emergency-heading">
            {heading('emergency')}
            <carnet-emergency-card />
          </section>
          <section className="widget-section" aria-labelledby="forum-heading">
            {heading('forum')}
            <carnet-forum-feed
              oncarnet-post-create={record('carnet-post-create')}
              oncarnet-post-report={record('carnet-post-report')}
            />
          </section>
        </carnet-provider>
      ) : (
        <p className="widgets-removed">{word('removed', locale)}</p>
      )}
    </>
  );
}

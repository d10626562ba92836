import type { CarnetLocale } from '@carnet/components';
import { LOGGED_EVENTS, word, type EventLog } from '../frameworks/page-model.js';

/** Props of {@link EventLogView}. */
export interface EventLogViewProps {
  log: EventLog;
  locale: CarnetLocale;
  mounts: number;
  framework: string;
}

/** How many times each event's handler ran, and what the last call said. */
export function EventLogView({ log, locale, mounts, framework }: EventLogViewProps) {
  return (
    <section className="event-log" aria-labelledby="event-log-heading">
      <h2 id="event-log-heading">
        {word('log', locale)} ({framework})
      </h2>
      <p>
        {word('mounts', locale)} : <output data-mounts="">{mounts}</output>
      </p>
      <ul>
        {LOGGED_EVENTS.map((name) => (
          <li key={name} data-event={name}>
            <code>{name}</code> × <output data-count="">{log[name].count}</output>{' '}
            <span data-last="">{log[name].last || word('never', locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CarnetLocale } from '@carnet/components';
import { LOGGED_EVENTS, word, type EventLog } from '../frameworks/page-model.js';

/** How many times each event's handler ran, and what the last call said. */
@Component({
  selector: 'demo-event-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="event-log" aria-labelledby="event-log-heading">
      <h2 id="event-log-heading">{{ word('log', locale()) }} ({{ framework() }})</h2>
      <p>
        {{ word('mounts', locale()) }} : <output data-mounts>{{ mounts() }}</output>
      </p>
      <ul>
        @for (name of events; track name) {
          <li [attr.data-event]="name">
            <code>{{ name }}</code> × <output data-count>{{ log()[name].count }}</output>{{ ' ' }}
            <span data-last>{{ log()[name].last || word('never', locale()) }}</span>
          </li>
        }
      </ul>
    </section>
  `,
})
export class DemoEventLogComponent {
  readonly log = input.required<EventLog>();
  readonly locale = input.required<CarnetLocale>();
  readonly mounts = input.required<number>();
  readonly framework = input.required<string>();
  protected readonly events = LOGGED_EVENTS;
  protected readonly word = word;
}

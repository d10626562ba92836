// The association's page in Angular (standalone components, zoneless, compiled ahead
// of time by @analogjs/vite-plugin-angular: no JIT compiler, so no `unsafe-eval`).
// CUSTOM_ELEMENTS_SCHEMA lets the template use `<carnet-*>`: Angular binds `[locale]`,
// `[pathology]` and `[view]` to properties and `(carnet-*)` to the typed DOM events;
// `@if` unmounts and remounts the whole provider.
import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, computed, signal } from '@angular/core';
import type { CarnetLocale } from '@carnet/components';
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
import { DemoEventLogComponent } from './event-log.component.js';

@Component({
  selector: 'demo-carnet-page',
  imports: [DemoEventLogComponent],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="framework-controls">
      <fieldset class="personas">
        <legend>{{ word('persona', locale()) }}</legend>
        @for (option of personas; track option.id) {
          <label>
            <input
              type="radio"
              name="persona"
              [value]="option.id"
              [checked]="persona() === option.id"
              (change)="persona.set(option.id)"
            />
            {{ option[locale()] }}
          </label>
        }
      </fieldset>
      <button type="button" class="toggle-widgets" [attr.aria-pressed]="!shown()" (click)="toggle()">
        {{ shown() ? word('hide', locale()) : word('show', locale()) }}
      </button>
    </div>
    <demo-event-log [log]="log()" [locale]="locale()" [mounts]="mounts()" framework="Angular" />
    @if (shown()) {
      <carnet-provider
        [locale]="locale()"
        [pathology]="persona()"
        [attr.demo-persona]="persona()"
        [attr.db-name]="database()"
        (carnet-error)="note('carnet-error', $event)"
        (carnet-session-change)="note('carnet-session-change', $event)"
      >
        <carnet-reminders (carnet-intake-change)="note('carnet-intake-change', $event)" />
        <section class="widget-section" aria-labelledby="record-heading">
          <h2 id="record-heading">{{ heading('record') }}</h2>
          <carnet-record-summary (carnet-record-open)="note('carnet-record-open', $event)" />
        </section>
        <section class="widget-section" aria-labelledby="tracker-heading">
          <h2 id="tracker-heading">{{ heading('tracker') }}</h2>
          <carnet-tracker (carnet-measurement-change)="note('carnet-measurement-change', $event)" />
        </section>
        <section class="widget-section" aria-labelledby="documents-heading">
          <h2 id="documents-heading">{{ heading('documents') }}</h2>
          <carnet-document-browser
            (carnet-document-open)="note('carnet-document-open', $event)"
            (carnet-document-change)="note('carnet-document-change', $event)"
            (carnet-document-send)="note('carnet-document-send', $event)"
          />
        </section>
        <section class="widget-section" aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">{{ heading('agenda') }}</h2>
          <carnet-agenda
            [view]="'list'"
            (carnet-event-change)="note('carnet-event-change', $event)"
            (carnet-occurrence-note)="note('carnet-occurrence-note', $event)"
          />
        </section>
        <section class="widget-section" aria-labelledby="pills-heading">
          <h2 id="pills-heading">{{ heading('pills') }}</h2>
          <carnet-pill-organiser (carnet-intake-change)="note('carnet-intake-change', $event)" />
        </section>
        <section class="widget-section" aria-labelledby="profile-heading">
          <h2 id="profile-heading">{{ heading('profile') }}</h2>
          <carnet-medical-profile (carnet-profile-change)="note('carnet-profile-change', $event)" />
        </section>
        <section class="widget-section" aria-labelledby="emergency-heading">
          <h2 id="emergency-heading">{{ heading('emergency') }}</h2>
          <carnet-emergency-card />
        </section>
        <section class="widget-section" aria-labelledby="forum-heading">
          <h2 id="forum-heading">{{ heading('forum') }}</h2>
          <carnet-forum-feed
            (carnet-post-create)="note('carnet-post-create', $event)"
            (carnet-post-report)="note('carnet-post-report', $event)"
          />
        </section>
      </carnet-provider>
    } @else {
      <p class="widgets-removed">{{ word('removed', locale()) }}</p>
    }
  `,
})
export class CarnetAngularPageComponent {
  /** Language of the widgets and of the page's own words; set by the site's language buttons. */
  readonly locale = signal<CarnetLocale>('fr');
  protected readonly personas = PERSONAS;
  protected readonly persona = signal<Persona>('parkinson');
  protected readonly database = computed(() => databaseOf(this.persona()));
  protected readonly shown = signal(true);
  protected readonly mounts = signal(1);
  protected readonly log = signal<EventLog>(emptyEventLog());
  protected readonly word = word;

  /** Logs one call of the page's handler for `name`. */
  protected note<K extends LoggedEvent>(name: K, event: GlobalEventHandlersEventMap[K]): void {
    this.log.update((current) => logEvent(current, name, event));
  }

  protected toggle(): void {
    if (!this.shown()) this.mounts.update((count) => count + 1);
    this.shown.update((shown) => !shown);
  }

  protected heading(id: (typeof SECTIONS)[number]['id']): string {
    return SECTIONS.find((section) => section.id === id)?.[this.locale()] ?? id;
  }
}

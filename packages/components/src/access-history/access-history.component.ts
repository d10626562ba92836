import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { AccessEntry, CareTeamMember, DataSource } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { baseStyles } from '../shared/base.styles.js';
import { CarnetWidget } from '../shared/carnet-element.js';
import { dateTimeFieldStyles } from '../shared/date-time-fields.styles.js';
import { DataLoader } from '../shared/data-loader.controller.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { AccessFilterController, type PeriodBound } from './access-filter.controller.js';
import { renderAccessFilters } from './access-filters.template.js';
import { filterEntries, personKey, toCsv } from './access-history.data.js';
import { accessHistoryStyles } from './access-history.styles.js';

interface Loaded {
  entries: AccessEntry[];
  careTeam: CareTeamMember[];
  /** False where nothing is traced (an on-device record). */
  traced: boolean;
}

/**
 * The patient's access history: who opened or changed what in her record and
 * when — herself, a professional, an app — including refused attempts, in
 * plain words, filterable by person and period (days typed in the page's language), downloadable as
 * a spreadsheet file (CSV). Place it
 * inside a `<carnet-provider>` in connected mode (an on-device record keeps no trail).
 *
 * @summary Who opened my record, and when.
 * @tag carnet-access-history
 *
 * @csspart base - The whole element.
 * @csspart filters - The person and period filters.
 * @csspart table - The table of accesses.
 * @csspart refused - A refused attempt's row.
 * @csspart export - The « Télécharger ce tableau » button (a CSV file for a spreadsheet).
 *
 * @cssstate loading - The history is loading.
 * @cssstate empty - Nothing to show.
 * @cssstate error - Loading failed.
 * @cssstate ready - The history is shown.
 */
@localized()
export class CarnetAccessHistory extends CarnetWidget {
  static override styles = [baseStyles, stateStyles, dateTimeFieldStyles, accessHistoryStyles];

  /** Where the trail is read; given by the enclosing `<carnet-provider>`. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  private readonly filters = new AccessFilterController(this, () => this.locale);

  private readonly history = new DataLoader(this, {
    args: () => [this.dataSource] as const,
    load: ([source], signal): Promise<Loaded> | undefined => {
      if (!source) return undefined;
      if (!source.accessHistory) return Promise.resolve({ entries: [], careTeam: [], traced: false });
      return Promise.all([
        source.accessHistory.list({ signal }),
        source.careTeam.list({ signal }).catch(() => []),
      ]).then(([entries, careTeam]) => ({ entries, careTeam, traced: true }));
    },
  });

  /** Reads the trail again. */
  refresh(): Promise<void> {
    return this.history.reload();
  }

  protected override updated(): void {
    const { status, data, pending } = this.history;
    // A reload shows the loading state again, as the first load does.
    const current = pending ? 'loading' : status === 'ready' && (data?.entries.length ?? 0) === 0 ? 'empty' : status;
    this.reflectStates(current, ['loading', 'empty', 'error', 'ready']);
  }

  /** The person in plain words: « Vous », the professional's or caregiver's name, the app. */
  private who(entry: AccessEntry, careTeam: readonly CareTeamMember[]): string {
    const { kind, id, name } = entry.actor;
    if (kind === 'patient') return msg('Vous');
    if (kind === 'professional') {
      const member = careTeam.find((candidate) => candidate.id === id);
      return member?.name ?? name ?? msg(str`Professionnel (${id})`);
    }
    if (kind === 'caregiver') return name ? msg(str`${name} (aidant)`) : msg(str`Aidant (${id})`);
    if (kind === 'app') return msg(str`Application ${id}`);
    return msg('Personne inconnue');
  }

  /** What was reached, in words: documents, appointments, treatments, messages, accesses, the record. */
  private target(entry: AccessEntry): string {
    const types = entry.resources.map((reference) => reference.split('/')[0] ?? '');
    const count = (...names: string[]): number => types.filter((type) => names.includes(type)).length;
    const documents = count('DocumentReference');
    const asked = /^\w+ of (\w+)$/.exec(entry.detail ?? '')?.[1];
    if (documents > 0) return documents === 1 ? msg('1 document') : msg(str`${documents} documents`);
    if (count('Binary') > 0) return msg('le contenu d’un document');
    const appointments = count('Appointment');
    if (appointments > 0) return appointments === 1 ? msg('1 rendez-vous') : msg(str`${appointments} rendez-vous`);
    if (count('MedicationRequest', 'MedicationAdministration') > 0) return msg('vos traitements');
    const messages = count('Communication');
    if (messages > 0) return messages === 1 ? msg('1 message') : msg(str`${messages} messages`);
    if (count('Consent') > 0) return msg('un accès donné à un aidant');
    if (count('CareTeam') > 0) return msg('votre équipe de soins');
    switch (asked) {
      case 'DocumentReference':
      case 'Binary':
        return msg('vos documents');
      case 'Appointment':
        return msg('votre agenda');
      case 'MedicationRequest':
      case 'MedicationAdministration':
        return msg('vos traitements');
      case 'Communication':
        return msg('vos messages');
      default:
        return msg('votre dossier');
    }
  }

  /** What was done, in words. */
  private what(entry: AccessEntry): string {
    const count = this.target(entry);
    // A document the patient hid from professionals: the attempt met nothing, and the trail says why.
    if (!entry.allowed && entry.hiddenDocument) return msg(str`n’a pas pu ouvrir ${count} : document masqué`);
    if (!entry.allowed) return msg(str`a tenté d’accéder à ${count} — refusé`);
    switch (entry.action) {
      case 'search':
        return msg(str`a consulté la liste : ${count}`);
      case 'create':
        return msg(str`a ajouté ${count}`);
      case 'update':
        return msg(str`a modifié ${count}`);
      case 'delete':
        return msg(str`a supprimé ${count}`);
      default:
        return msg(str`a ouvert ${count}`);
    }
  }

  private formatInstant(instant: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  }

  private exportCsv(loaded: Loaded): void {
    const rows = filterEntries(loaded.entries, this.filters.filter).map((entry) => [
      entry.at,
      this.who(entry, loaded.careTeam),
      this.what(entry),
      entry.resources.join(' '),
    ]);
    const csv = toCsv([[msg('Date'), msg('Personne'), msg('Action'), msg('Éléments')], ...rows]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'historique-des-acces.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private readonly onPerson = (event: Event): void =>
    this.filters.choosePerson((event.target as HTMLSelectElement).value);

  private readonly onDay = (bound: PeriodBound, event: Event): void =>
    this.filters.typeDay(bound, (event.target as HTMLInputElement).value);

  protected override render(): TemplateResult {
    return html`<section class="base" part="base" aria-labelledby="history-title">
      <h2 class="title" id="history-title">${msg('Qui a consulté mon carnet')}</h2>
      ${this.renderBody()}
    </section>`;
  }

  private readonly retry = (): void => void this.history.reload();

  private renderBody(): TemplateResult {
    const { status, data, error } = this.history;
    if (status === 'error') return renderErrorState({ message: this.errorMessage(error), onRetry: this.retry });
    if (!data || this.history.pending) return renderLoadingState({ label: msg('Chargement de l’historique…') });
    return this.renderHistory(data);
  }

  private renderHistory(loaded: Loaded): TemplateResult {
    if (!loaded.traced)
      return renderEmptyState({
        title: msg('Aucun historique sur cet appareil'),
        description: msg('Votre carnet est enregistré sur cet appareil seulement : personne d’autre n’y accède.'),
      });
    if (loaded.entries.length === 0)
      return renderEmptyState({
        title: msg('Aucun accès pour le moment'),
        description: msg('Chaque consultation de vos documents apparaîtra ici.'),
      });
    const people = new Map<string, string>();
    for (const entry of loaded.entries) people.set(personKey(entry), this.who(entry, loaded.careTeam));
    const shown = filterEntries(loaded.entries, this.filters.filter);
    return html`${renderAccessFilters({
        locale: this.locale,
        filters: this.filters,
        people,
        onPerson: this.onPerson,
        onDay: this.onDay,
        onExport: () => this.exportCsv(loaded),
      })}
      <p class="count" role="status">${shown.length === 1 ? msg('1 accès') : msg(str`${shown.length} accès`)}</p>
      ${
        shown.length === 0
          ? html`<p>${msg('Aucun accès pour ces critères.')}</p>`
          : html`<table part="table">
              <caption class="visually-hidden">
                ${msg('Historique des accès à votre carnet')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Date')}</th>
                  <th scope="col">${msg('Personne')}</th>
                  <th scope="col">${msg('Action')}</th>
                </tr>
              </thead>
              <tbody>
                ${repeat(
                  shown,
                  (entry) => entry.id,
                  (entry) =>
                    html`<tr part=${entry.allowed ? nothing : 'refused'} class=${entry.allowed ? '' : 'refused'}>
                      <td><time datetime=${entry.at}>${this.formatInstant(entry.at)}</time></td>
                      <td>${this.who(entry, loaded.careTeam)}</td>
                      <td>${this.what(entry)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`;
  }
}

import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { AccessEntry, CareTeamMember, DataSource } from '@carnet/catalog-sdk';
import { dataSourceContext } from '../context/data-source.context.js';
import { localeContext } from '../context/locale.context.js';
import { baseStyles } from '../shared/base.styles.js';
import { toCarnetErrorDetail, userMessageFor } from '../shared/error-messages.js';
import { DEFAULT_CARNET_LOCALE, ensureCarnetLocalization } from '../shared/localization.js';
import type { CarnetLocale } from '../shared/localization.js';
import { renderEmptyState, renderErrorState, renderLoadingState } from '../shared/states.js';
import { stateStyles } from '../shared/states.styles.js';
import { CARNET_VERSION } from '../shared/version.js';
import { filterEntries, personKey, toCsv, type AccessFilter } from './access-history.data.js';
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
 * plain words, filterable by person and period, exportable as CSV. Place it
 * inside a `<carnet-provider>` in connected mode (an on-device record keeps no trail).
 *
 * @summary Who opened my record, and when.
 * @tag carnet-access-history
 *
 * @csspart base - The whole element.
 * @csspart filters - The person and period filters.
 * @csspart table - The table of accesses.
 * @csspart refused - A refused attempt's row.
 * @csspart export - The CSV export button.
 *
 * @cssstate loading - The history is loading.
 * @cssstate empty - Nothing to show.
 * @cssstate error - Loading failed.
 * @cssstate ready - The history is shown.
 */
@localized()
export class CarnetAccessHistory extends LitElement {
  /** Version of the Carnet copy that defines this class. */
  static readonly carnetVersion = CARNET_VERSION;

  static override styles = [baseStyles, stateStyles, accessHistoryStyles];

  /** Where the trail is read; given by the enclosing `<carnet-provider>`. */
  @consume({ context: dataSourceContext, subscribe: true })
  @property({ attribute: false })
  dataSource?: DataSource;

  @consume({ context: localeContext, subscribe: true })
  @state()
  private locale: CarnetLocale = DEFAULT_CARNET_LOCALE;

  @state() private filter: AccessFilter = { person: '', from: '', to: '' };

  private readonly internals: ElementInternals;

  private readonly historyTask = new Task(this, {
    task: async ([source]: readonly [DataSource | undefined], { signal }): Promise<Loaded> => {
      if (!source) return initialState as never;
      if (!source.accessHistory) return { entries: [], careTeam: [], traced: false };
      const [entries, careTeam] = await Promise.all([
        source.accessHistory.list({ signal }),
        source.careTeam.list({ signal }).catch(() => []),
      ]);
      return { entries, careTeam, traced: true };
    },
    args: () => [this.dataSource] as const,
  });

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureCarnetLocalization();
  }

  /** Reads the trail again. */
  refresh(): Promise<void> {
    return this.historyTask.run();
  }

  protected override updated(): void {
    const status = this.historyTask.status;
    const current =
      status === TaskStatus.ERROR
        ? 'error'
        : status === TaskStatus.COMPLETE
          ? (this.historyTask.value?.entries.length ?? 0) === 0
            ? 'empty'
            : 'ready'
          : 'loading';
    for (const name of ['loading', 'empty', 'error', 'ready'] as const) {
      if (name === current) this.internals.states.add(name);
      else this.internals.states.delete(name);
    }
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
    const rows = filterEntries(loaded.entries, this.filter).map((entry) => [
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

  private setFilter(change: Partial<AccessFilter>): void {
    this.filter = { ...this.filter, ...change };
  }

  protected override render(): TemplateResult {
    return html`<section class="base" part="base" aria-labelledby="history-title">
      <h2 class="title" id="history-title">${msg('Qui a consulté mon carnet')}</h2>
      ${this.historyTask.render({
        initial: () => renderLoadingState({ label: msg('Chargement de l’historique…') }),
        pending: () => renderLoadingState({ label: msg('Chargement de l’historique…') }),
        complete: (loaded) => this.renderHistory(loaded),
        error: (error) =>
          renderErrorState({
            message: userMessageFor(toCarnetErrorDetail(error).messageKey),
            onRetry: () => void this.historyTask.run(),
          }),
      })}
    </section>`;
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
    const shown = filterEntries(loaded.entries, this.filter);
    return html`<div class="filters" part="filters">
        <label>
          <span>${msg('Personne')}</span>
          <select @change=${(event: Event) => this.setFilter({ person: (event.target as HTMLSelectElement).value })}>
            <option value="">${msg('Tout le monde')}</option>
            ${[...people].map(
              ([key, name]) => html`<option value=${key} ?selected=${key === this.filter.person}>${name}</option>`,
            )}
          </select>
        </label>
        <label>
          <span>${msg('Du')}</span>
          <input
            type="date"
            .value=${this.filter.from}
            @change=${(event: Event) => this.setFilter({ from: (event.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          <span>${msg('Au')}</span>
          <input
            type="date"
            .value=${this.filter.to}
            @change=${(event: Event) => this.setFilter({ to: (event.target as HTMLInputElement).value })}
          />
        </label>
        <button type="button" class="touch-target export" part="export" @click=${() => this.exportCsv(loaded)}>
          ${msg('Exporter (CSV)')}
        </button>
      </div>
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

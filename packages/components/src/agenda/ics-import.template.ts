import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { CarnetLocale } from '../shared/localization.js';
import { dayOfWall, timeOfWall } from './agenda-dates.js';
import type { AgendaFormat } from './agenda-format.js';
import { kindLabel } from './agenda-labels.js';
import { describeRecurrence } from '@carnet/catalog-sdk';
import type { ICalendarImportWarning, ImportedAgendaEvent } from '@carnet/catalog-sdk';
import { untitled } from './ics-transfer.controller.js';
import type { IcsTransferController, TransferProblem } from './ics-transfer.controller.js';

/** What the import dialog needs besides its controller. */
export interface IcsImportViewOptions {
  transfer: IcsTransferController;
  locale: CarnetLocale;
  format: AgendaFormat;
  onConfirm(): void;
  onCancel(): void;
}

/** The sentence of an import or export failure. */
export function transferProblemText(problem: TransferProblem): string {
  switch (problem) {
    case 'unreadable-file':
      return msg("Ce fichier n'est pas un calendrier lisible. Choisissez un fichier .ics exporté par votre agenda.");
    case 'import-failed':
      return msg("L'import a échoué : aucun événement n'a été ajouté.");
    case 'partial-import':
      return msg("L'import s'est interrompu : une partie des événements seulement a été ajoutée.");
    case 'export-failed':
      return msg("L'export de l'agenda a échoué.");
  }
}

/**
 * The sentence of one import warning, in the page's language: `event` names the event
 * concerned (« Kinésithérapie » in quotes) or is empty when the file gave none.
 */
export function importWarningText(warning: ICalendarImportWarning, event: string): string {
  const what = event ? msg(str`« ${event} »`) : msg('Un événement');
  switch (warning.code) {
    case 'zone-converted':
      return msg(
        str`Les horaires du fuseau « ${warning.zone ?? ''} » ont été convertis à l'heure de ${warning.readAs ?? ''}.`,
      );
    case 'zone-unknown':
      return msg(
        str`Le fuseau horaire « ${warning.zone ?? ''} » est inconnu : ses horaires ont été lus à l'heure de ${warning.readAs ?? ''}.`,
      );
    case 'alarm-absolute':
      return msg(str`${what} : un rappel à heure fixe n'a pas été repris.`);
    case 'alarm-from-end':
      return msg(str`${what} : un rappel compté depuis la fin n'a pas été repris.`);
    case 'alarm-after-start':
      return msg(str`${what} : un rappel qui sonnait après le début n'a pas été repris.`);
    case 'property-ignored':
      return msg(str`${what} : des dates ajoutées ou exclues de la répétition n'ont pas été reprises.`);
    case 'rules-several':
      return msg(str`${what} : plusieurs règles de répétition, seule la première a été gardée.`);
    case 'rule-unreadable':
      return msg(str`${what} : sa répétition n'a pas pu être lue, il sera ajouté une seule fois.`);
    case 'start-missing':
      return msg('Un événement sans date de début a été laissé de côté.');
    case 'range-ignored':
      return msg(str`${what} : un changement prévu pour plusieurs occurrences n'a été appliqué qu'à une seule.`);
    case 'uid-shared':
      return msg(
        str`${what} : le fichier contient plusieurs événements avec le même identifiant ; tous seront ajoutés.`,
      );
    case 'event-unreadable':
      return msg('Un événement illisible a été laissé de côté.');
    case 'occurrence-unreadable':
      return msg(str`${what} : une occurrence illisible a été laissée de côté.`);
    case 'occurrence-alone':
      return msg(str`${what} : une occurrence arrivée sans sa série sera ajoutée seule.`);
  }
}

function renderImported(event: ImportedAgendaEvent, options: IcsImportViewOptions): TemplateResult {
  const { format, locale } = options;
  const day = format.fullDate(dayOfWall(event.start));
  const when = event.allDay ? day : `${day}, ${timeOfWall(event.start)}`;
  return html`<li class="import-item" part="import-item">
    <span class="item-title">${event.title ?? untitled()}</span>
    <span class="item-meta">${kindLabel(event.kind)} · ${when}</span>
    ${event.rrule ? html`<span class="item-meta">${describeRecurrence(event.rrule, locale)}</span>` : nothing}
  </li>`;
}

/** Preview of an imported calendar (events, then what was left out), or why it could not be read. */
export function renderIcsImportDialog(options: IcsImportViewOptions): TemplateResult {
  const { transfer } = options;
  const preview = transfer.preview;
  const count = preview?.events.length ?? 0;
  return html`<dialog class="dialog dialog--import" part="import-dialog" aria-labelledby="import-title">
    ${
      transfer.step === 'closed'
        ? nothing
        : html`<h2 class="dialog-title" id="import-title">${msg('Importer un calendrier')}</h2>
            ${transfer.step === 'reading' ? html`<p role="status">${msg('Lecture du fichier…')}</p>` : nothing}
            ${transfer.problem ? html`<p class="problem" role="alert" part="import-error">${transferProblemText(transfer.problem)}</p>` : nothing}
            ${
              preview
                ? html`<p>
                      ${
                        count === 0
                          ? msg('Ce calendrier ne contient aucun événement à importer.')
                          : count === 1
                            ? msg('1 événement sera ajouté à votre agenda :')
                            : msg(str`${count} événements seront ajoutés à votre agenda :`)
                      }
                    </p>
                    <ul class="import-list" role="list" part="import-list">
                      ${preview.events.map((event) => renderImported(event, options))}
                    </ul>
                    ${
                      preview.warnings.length > 0
                        ? html`<div class="import-warnings" part="import-warnings">
                            <p>
                              ${msg(str`${preview.warnings.length} élément(s) du fichier n'ont pas pu être repris tels quels.`)}
                            </p>
                            <ul>
                              ${preview.warnings.map(
                                (warning) =>
                                  html`<li>
                                    ${importWarningText(
                                      warning,
                                      preview.events.find((event) => event.uid === warning.uid)?.title ?? '',
                                    )}
                                  </li>`,
                              )}
                            </ul>
                          </div>`
                        : nothing
                    }`
                : nothing
            }
            <div class="dialog-actions">
              ${
                preview && count > 0 && transfer.step !== 'error'
                  ? html`<button
                      type="button"
                      class="action action--primary touch-target"
                      part="import-confirm"
                      ?disabled=${transfer.step === 'importing'}
                      @click=${options.onConfirm}
                    >
                      ${msg('Importer')}
                    </button>`
                  : nothing
              }
              <button type="button" class="action touch-target" part="import-cancel" @click=${options.onCancel}>
                ${transfer.step === 'error' ? msg('Fermer') : msg('Annuler')}
              </button>
            </div>`
    }
  </dialog>`;
}

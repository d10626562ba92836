import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { GlucoseUnit } from '@carnet/catalog-sdk';
import { fromMgPerDl, toMgPerDl } from '@carnet/catalog-sdk';
import { formatCalendarDate } from '../shared/format.js';
import type { CarnetLocale } from '../shared/localization.js';
import { formatMoment } from './glucose-chart.template.js';
import { formatGlucose } from './glucose-labels.js';
import type { MeterImportController, MeterImportProblem, MeterImportPreview } from './meter-import.controller.js';

/** What the import dialog needs besides its controller. */
export interface MeterImportOptions {
  importer: MeterImportController;
  unit: GlucoseUnit;
  locale: CarnetLocale;
  onFile(event: Event): void;
  onConfirm(): void;
  onClose(): void;
}

/** Values listed in the preview. */
const PREVIEW_ROWS = 5;

function problemText(problem: MeterImportProblem): string {
  switch (problem) {
    case 'unreadable':
      return msg(
        "Ce fichier n'a pas pu être lu. Choisissez l'export CSV de votre lecteur (LibreView, Dexcom Clarity…).",
      );
    case 'empty':
      return msg('Ce fichier ne contient aucune glycémie.');
    case 'save':
      return msg("L'import n'a pas pu être enregistré. Réessayez.");
  }
}

function formatName(preview: MeterImportPreview): string {
  switch (preview.content.format) {
    case 'libreview':
      return 'LibreView';
    case 'dexcom':
      return 'Dexcom Clarity';
    case 'generic':
      return msg('CSV');
  }
}

function renderPreview(view: MeterImportOptions, preview: MeterImportPreview): TemplateResult {
  const { readings, problems } = preview.content;
  const total = readings.length;
  const fresh = preview.fresh.length;
  const already = preview.alreadyThere;
  const format = formatName(preview);
  const from = formatCalendarDate(readings[0]?.at ?? '', view.locale);
  const to = formatCalendarDate(readings[total - 1]?.at ?? '', view.locale);
  const lines = problems
    .slice(0, 10)
    .map((problem) => problem.line)
    .join(', ');
  return html`<div class="preview" part="import-preview">
    <p>${msg(str`Fichier ${format} : ${total} mesures, du ${from} au ${to}.`)}</p>
    <p>
      <strong>${msg(str`${fresh} nouvelles mesures`)}</strong>
      ${already > 0 ? msg(str`; ${already} déjà dans votre carnet, qui ne seront pas ajoutées en double.`) : ''}
    </p>
    ${
      problems.length > 0
        ? html`<p>${msg(str`${problems.length} lignes illisibles seront ignorées (lignes ${lines}).`)}</p>`
        : nothing
    }
    ${
      fresh > 0
        ? html`<ul class="preview-list" aria-label=${msg('Premières mesures à importer')}>
            ${preview.fresh
              .slice(0, PREVIEW_ROWS)
              .map(
                (reading) =>
                  html`<li>
                    ${formatMoment(reading.at, view.locale)} —
                    ${formatGlucose(fromMgPerDl(toMgPerDl(reading.value, reading.unit), view.unit), view.unit, view.locale)}
                  </li>`,
              )}
          </ul>`
        : nothing
    }
  </div>`;
}

/** The « Importer depuis un lecteur » dialog: file, preview, import of the new values only. */
export function renderMeterImport(view: MeterImportOptions): TemplateResult {
  const { importer } = view;
  const preview = importer.preview;
  const fresh = preview?.fresh.length ?? 0;
  return html`<dialog part="import-dialog" aria-labelledby="import-title">
    ${
      importer.isOpen
        ? html`<div class="entry">
            <h3 id="import-title">${msg('Importer depuis un lecteur')}</h3>
            <label class="file-field">
              ${msg('Fichier CSV exporté de votre lecteur ou capteur (LibreView, Dexcom Clarity…)')}
              <input
                type="file"
                part="import-file"
                accept=".csv,.txt,text/csv,text/plain"
                autofocus
                @change=${view.onFile}
              />
            </label>
            ${importer.busy ? html`<p role="status">${msg('Lecture…')}</p>` : nothing}
            ${importer.problem ? html`<p class="problem" role="alert">${problemText(importer.problem)}</p>` : nothing}
            ${preview ? renderPreview(view, preview) : nothing}
            <div class="actions">
              ${
                preview && fresh > 0
                  ? html`<button
                      type="button"
                      part="import-confirm"
                      class="primary"
                      ?disabled=${importer.busy}
                      @click=${view.onConfirm}
                    >
                      ${msg(str`Importer ${fresh} mesures`)}
                    </button>`
                  : nothing
              }
              <button type="button" @click=${view.onClose}>${msg('Annuler')}</button>
            </div>
          </div>`
        : nothing
    }
  </dialog>`;
}

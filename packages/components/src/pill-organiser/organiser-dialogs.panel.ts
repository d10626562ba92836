/**
 * The organiser's dialogs as one piece it loads on demand (`import()` through `loadOnce`, see
 * `organiser-dialogs.controller.ts`): the dialog of a dose (taken at another time, skipped with a
 * note, undo), the treatment editor, « Nouvelle boîte » and « Arrêter ». None of them shows
 * before the patient opens it, so a page downloads this code on the first opening, or as soon as
 * the patient points at or focuses a control that opens one.
 *
 * The `<dialog>` elements themselves are the organiser's (they are in the page before this code
 * loads); this piece gives their content and the controllers that open, close and focus them.
 */
import type { CSSResultOrNative, ReactiveControllerHost, TemplateResult } from 'lit';
import type { DataSource, MedicationPlan } from '@carnet/catalog-sdk';
import type { PlanChange } from '../events/carnet-plan-change.js';
import { DialogController } from '../shared/dialog.controller.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { parseTimeField } from '../shared/date-time-fields.js';
import { dateTimeFieldStyles } from '../shared/date-time-fields.styles.js';
import type { DoseMomentNaming } from '../shared/dose-words.js';
import type { CarnetLocale } from '../shared/localization.js';
import type { IntakeActionsController } from './intake-actions.controller.js';
import { renderIntakeDialog } from './intake-dialog.template.js';
import { organiserDialogStyles } from './organiser-dialogs.styles.js';
import { PlanActionsController } from './plan-actions.controller.js';
import { renderBoxDialog, renderStopDialog, renderStopNotice } from './plan-actions.template.js';
import { PlanEditorController } from './plan-editor.controller.js';
import { planEditorStyles } from './plan-editor.styles.js';
import { renderPlanEditor } from './plan-editor.template.js';
import type { GridDose } from './week-grid.model.js';

/** The dialogs' styles, added to the organiser's own when their code has loaded (after them, in this order). */
export const dialogSheets: readonly CSSResultOrNative[] = [
  dialogStyles,
  dateTimeFieldStyles,
  organiserDialogStyles,
  planEditorStyles,
];

/** What the dialogs need from the organiser. */
export interface OrganiserDialogsOptions {
  source: () => DataSource | undefined;
  now: () => Date;
  /** Today in the patient's zone, `YYYY-MM-DD` (a new treatment starts today). */
  today: () => string;
  /** The page's language: the order the treatment editor's dates are typed in. */
  locale: () => CarnetLocale;
  /** The organiser's intake actions: they record doses, and hold the dose its dialog is about. */
  actions: IntakeActionsController;
  /** Called with a saved treatment once a change is stored. */
  saved: (plan: MedicationPlan, change: PlanChange) => void;
  /** « Ajouter un traitement », where focus goes back when a dialog's opener is gone. */
  addPlanButton: () => HTMLElement | null;
  /** « Annuler l'arrêt », where focus goes after a stop. */
  undoStopButton: () => HTMLElement | null;
}

/** What the dialog of a dose shows, besides the actions. */
export interface IntakeDialogContext {
  entry: GridDose | undefined;
  today: string;
  timeZone: string;
  locale: CarnetLocale;
  naming: DoseMomentNaming;
}

/** The controllers of the organiser's dialogs and their content, once their code has loaded. */
export class OrganiserDialogs {
  readonly editor: PlanEditorController;
  readonly planActions: PlanActionsController;
  private readonly intakeDialog: DialogController;
  private readonly editorDialog: DialogController;
  private readonly stopDialog: DialogController;
  private readonly boxDialog: DialogController;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly options: OrganiserDialogsOptions,
  ) {
    const { actions } = options;
    this.intakeDialog = new DialogController(host, {
      selector: 'dialog[part="intake-dialog"]',
      isOpen: () => actions.dose !== undefined,
      onDismiss: () => actions.close(),
      returnFocusFallback: () => actions.lastDoseButton(),
    });
    this.editor = new PlanEditorController(host, {
      source: options.source,
      today: options.today,
      locale: options.locale,
      saved: options.saved,
    });
    this.planActions = new PlanActionsController(host, {
      source: options.source,
      now: options.now,
      saved: options.saved,
    });
    this.editorDialog = new DialogController(host, {
      selector: 'dialog[part="plan-editor"]',
      isOpen: () => this.editor.draft !== undefined,
      onDismiss: () => this.editor.close(),
      returnFocusFallback: options.addPlanButton,
    });
    this.stopDialog = new DialogController(host, {
      selector: 'dialog[part="stop-dialog"]',
      isOpen: () => this.planActions.stopTarget !== undefined,
      onDismiss: () => this.planActions.cancelStop(),
      returnFocusFallback: () => options.undoStopButton() ?? options.addPlanButton(),
    });
    this.boxDialog = new DialogController(host, {
      selector: 'dialog[part="box-dialog"]',
      isOpen: () => this.planActions.boxTarget !== undefined,
      onDismiss: () => this.planActions.cancelBox(),
      returnFocusFallback: options.addPlanButton,
    });
  }

  /** How a typed time is read in the page's language (« 14h30 », « 2:30 pm »): `HH:mm`, or undefined. */
  readTime(typed: string, locale: CarnetLocale): string | undefined {
    return parseTimeField(typed, locale);
  }

  /** Opens the dialog of a dose; focus goes back to `opener` when it closes. */
  openDose(entry: GridDose, timeZone: string, opener: HTMLElement): void {
    this.intakeDialog.setOpener(opener);
    this.options.actions.open(entry, timeZone);
  }

  /** Opens the editor on a new treatment. */
  openNew(opener: HTMLElement): void {
    this.editorDialog.setOpener(opener);
    this.editor.openNew();
  }

  /** Opens the editor on an existing treatment. */
  openEdit(plan: MedicationPlan, opener: HTMLElement): void {
    this.editorDialog.setOpener(opener);
    this.editor.openEdit(plan);
  }

  /** Opens « Nouvelle boîte » for a treatment. */
  askBox(plan: MedicationPlan, opener: HTMLElement): void {
    this.boxDialog.setOpener(opener);
    this.planActions.askBox(plan);
  }

  /** Asks to stop a treatment. */
  askStop(plan: MedicationPlan, opener: HTMLElement): void {
    this.stopDialog.setOpener(opener);
    this.planActions.askStop(plan);
  }

  /** The content of the dialog of a dose. */
  renderIntakeDialog(context: IntakeDialogContext): TemplateResult {
    return renderIntakeDialog({ ...context, actions: this.options.actions });
  }

  /** The content of the treatment editor. */
  renderPlanEditor(locale: CarnetLocale): TemplateResult {
    return renderPlanEditor({ editor: this.editor, locale });
  }

  /** The content of « Arrêter … ? ». */
  renderStopDialog(): TemplateResult {
    return renderStopDialog(this.planActions);
  }

  /** The content of « Nouvelle boîte ». */
  renderBoxDialog(): TemplateResult {
    return renderBoxDialog(this.planActions);
  }

  /** After a stop: what was stopped, and « Annuler l'arrêt ». */
  renderStopNotice(): ReturnType<typeof renderStopNotice> {
    return renderStopNotice(this.planActions);
  }
}

/**
 * The Parkinson's motor diary as one piece the tracker loads on demand (`import()` through
 * `loadOnce`): only a tracker showing `pathology="parkinson"` downloads it.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { CarnetLocale } from '../shared/localization.js';
import { MotorDiaryController, type MotorDiaryHost } from './motor-diary.controller.js';
import { slotStateText } from './motor-diary-labels.js';
import { motorDiaryView } from './motor-diary.model.js';
import { renderMotorDiary } from './motor-diary.template.js';

/** What the diary needs from the tracker. */
export interface MotorDiaryPanelHost extends Omit<MotorDiaryHost, 'changed'> {
  locale(): CarnetLocale;
  /** Says a change to screen reader users. */
  announce(text: string): void;
}

/** The diary's controller and its rendering once its data is read. */
export class MotorDiaryPanel {
  readonly controller: MotorDiaryController;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly options: MotorDiaryPanelHost,
  ) {
    this.controller = new MotorDiaryController(host, {
      ...options,
      changed: (slot, state, undone) => {
        const end = new Date(Date.parse(slot) + 1_800_000).toISOString();
        const said = slotStateText(slot, end, state, options.locale());
        options.announce(undone ? msg(str`Modification annulée. ${said}.`) : `${said}.`);
      },
    });
  }

  /** The day, once read (the tracker renders loading and error states itself). */
  render(view: { tableShown: boolean; onToggleTable(): void }): TemplateResult | undefined {
    const diary = this.controller;
    const data = diary.data.data;
    if (!data) return undefined;
    return renderMotorDiary({
      view: motorDiaryView({ day: diary.day, states: diary.states, doses: data.doses, now: new Date() }),
      locale: this.options.locale(),
      chosen: diary.chosen,
      canUndo: diary.canUndo,
      saveFailed: diary.saveFailed,
      tableShown: view.tableShown,
      busy: diary.data.pending,
      roving: diary.roving,
      onChoose: diary.onChoose,
      onSlotClick: diary.onSlotClick,
      onUndo: diary.onUndo,
      onPreviousDay: diary.onPreviousDay,
      onNextDay: diary.onNextDay,
      onToggleTable: view.onToggleTable,
    });
  }
}

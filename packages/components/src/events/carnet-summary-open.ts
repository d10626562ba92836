/** The widgets an item of `<carnet-record-summary>`'s overview leads to. */
export type SummaryTarget = 'carnet-tracker' | 'carnet-agenda' | 'carnet-pill-organiser';

/** Detail of `carnet-summary-open`: which widget the patient asked to go to, and for what. */
export interface CarnetSummaryOpenDetail {
  /** Tag name of the widget the item leads to. */
  widget: SummaryTarget;
  /** The overview item chosen: `next-dialysis`, `weight-gain`, `glucose`, `today-doses`… */
  item: string;
}

/**
 * Fired when the patient follows an item of the overview in `<carnet-record-summary>`;
 * cancelable: unless the host cancels it, focus moves to the start of that widget in the
 * same provider (as its « Aller à … » skip link does).
 */
export type CarnetSummaryOpenEvent = CustomEvent<CarnetSummaryOpenDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-summary-open': CarnetSummaryOpenEvent;
  }
}

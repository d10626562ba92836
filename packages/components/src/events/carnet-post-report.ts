import type { ReportReason } from '@carnet/catalog-sdk';

/** Detail of `carnet-post-report`: which post the patient reported, and why (never the comment). */
export interface CarnetPostReportDetail {
  /** Id of the reported post. */
  postId: string;
  /** The reason the patient chose. */
  reason: ReportReason;
}

/** Fired by `<carnet-forum-feed>` when the patient has reported a post to the moderation. */
export type CarnetPostReportEvent = CustomEvent<CarnetPostReportDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'carnet-post-report': CarnetPostReportEvent;
  }
}

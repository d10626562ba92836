import type { ReactiveControllerHost } from 'lit';
import type { DocumentFacets, DocumentSearchResult } from '@carnet/catalog-sdk';
import { afterNextPaint } from '../shared/after-paint.js';

/**
 * The facets the filter panel shows, for `DocumentFilterController`. An answer's facets (a lazy
 * count in the SDK, the larger part of a keystroke at 100,000 documents) are read only once the
 * list showing that answer is painted, and only for the latest answer: a newer one drops a
 * pending count. Until then the previous counts stay shown (the checkboxes stay in place and keep
 * focus), and {@link isOf} says they are not the current answer's.
 */
export class ShownFacets {
  private readonly host: ReactiveControllerHost;
  /** The facets shown: the last ones counted. */
  private counted: DocumentFacets | undefined;
  /** The answer whose facets `counted` holds. */
  private countedFor: DocumentSearchResult | undefined;
  /** Incremented on each new answer (and on leaving the page): a pending count of an older one is dropped. */
  private ticket = 0;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
  }

  /** The last facets counted; `undefined` before the first count. */
  get facets(): DocumentFacets | undefined {
    return this.counted;
  }

  /** Whether the facets shown are those of `result`. */
  isOf(result: DocumentSearchResult | undefined): boolean {
    return result !== undefined && this.countedFor === result;
  }

  /** Shows `result`'s facets at once: for answers whose facets are counted already (the first view). */
  showNow(result: DocumentSearchResult): void {
    this.ticket++;
    this.counted = result.facets;
    this.countedFor = result;
  }

  /**
   * Counts `result`'s facets once the host's update is painted (after that update, the next
   * frame, then a task), if `current()` still says `result` then; `undefined`: nothing to count
   * (the previous counts stay), and a pending count is dropped.
   */
  countAfterPaint(result: DocumentSearchResult | undefined, current: () => DocumentSearchResult | undefined): void {
    const ticket = ++this.ticket;
    if (!result || result === this.countedFor) return;
    const count = (): void => {
      if (ticket !== this.ticket || result !== current()) return;
      this.showNow(result);
      this.host.requestUpdate();
    };
    void this.host.updateComplete.then(() => {
      if (ticket === this.ticket) afterNextPaint(count);
    });
  }

  /** Drops a pending count. */
  cancel(): void {
    this.ticket++;
  }

  /** Forgets the facets shown (new documents): the panel says it is preparing them. */
  clear(): void {
    this.ticket++;
    this.counted = undefined;
    this.countedFor = undefined;
  }
}

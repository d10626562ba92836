import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {} from '../events/index.js';

/** The typed events that announce a change saved in the record. */
export type RecordChangeEvent = Extract<keyof GlobalEventHandlersEventMap, `carnet-${string}-change`>;

/**
 * Calls `onChange` when another element under the same `<carnet-provider>` (the
 * document, without one) saved a change this element shows too: the pill organiser
 * hears a dose recorded from a reminder, the emergency card an allergy added in the
 * medical profile. The host's own events are ignored (it already shows its change).
 *
 * One way for every element to stay in step with its neighbours; listeners are added
 * when the host connects and removed when it disconnects.
 */
export class RecordChangesController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #events: readonly RecordChangeEvent[];
  readonly #onChange: (event: Event) => void;
  #scope: EventTarget | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    events: readonly RecordChangeEvent[],
    onChange: (event: Event) => void,
  ) {
    this.#host = host;
    this.#events = events;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.#scope = this.#host.closest('carnet-provider') ?? this.#host.ownerDocument;
    for (const type of this.#events) this.#scope.addEventListener(type, this.#listener);
  }

  hostDisconnected(): void {
    for (const type of this.#events) this.#scope?.removeEventListener(type, this.#listener);
    this.#scope = undefined;
  }

  readonly #listener = (event: Event): void => {
    if (event.target === this.#host) return;
    this.#onChange(event);
  };
}

import type {} from './carnet-error.js';
import type {} from './carnet-record-open.js';
import type {} from './carnet-session-change.js';

/** Names of every Carnet event, taken from the typed global event map. */
export type CarnetEventName = Extract<keyof GlobalEventHandlersEventMap, `carnet-${string}`>;

/** The `detail` type of a Carnet event. */
export type CarnetEventDetail<Name extends CarnetEventName> =
  GlobalEventHandlersEventMap[Name] extends CustomEvent<infer Detail> ? Detail : never;

/** Options of `emit`. */
export interface EmitOptions {
  /** True for intent events the host may veto with `preventDefault()`. */
  cancelable?: boolean;
}

/**
 * Dispatches a typed Carnet event from `element`. Every Carnet event bubbles and
 * crosses shadow roots so the host page can listen on any ancestor.
 *
 * @returns `false` when a listener canceled the event, `true` otherwise.
 */
export function emit<Name extends CarnetEventName>(
  element: EventTarget,
  name: Name,
  detail: CarnetEventDetail<Name>,
  options: EmitOptions = {},
): boolean {
  const event = new CustomEvent(name, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
  });
  return element.dispatchEvent(event);
}

/**
 * A value read from the DOM (an attribute, a `data-*` value, a select or radio
 * value) checked against the values its type allows. The one way elements turn
 * DOM strings into union types: an `as` cast would let any string through.
 * @returns the value when allowed, else `fallback` (undefined when none is given).
 */
export function parseOneOf<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined;
export function parseOneOf<T extends string>(value: string | null | undefined, allowed: readonly T[], fallback: T): T;
export function parseOneOf<T extends string>(
  value: string | null | undefined,
  allowed: readonly T[],
  fallback?: T,
): T | undefined {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

import { executeServerCommand } from '@web/test-runner-commands';
/**
 * What survives Windows high contrast (`forced-colors: active`, emulated with `emulateMedia`):
 * the browser replaces colours with the user's system colours and drops box shadows, so a
 * state shown only by a colour or a shadow vanishes. These compare two elements as a person
 * would see them then.
 */

/** Properties that still tell two elements apart once colours are forced (not font weight: too faint). */
const SURVIVING = [
  'color',
  'background-color',
  'border-top-color',
  'border-top-width',
  'border-top-style',
  'border-bottom-width',
  'border-inline-start-width',
  'outline-style',
  'outline-width',
  'outline-color',
  'text-decoration-line',
] as const;

/** The properties in which `a` and `b` differ under forced colours (empty: they look the same). */
export function forcedDifferences(a: Element, b: Element): string[] {
  const styleA = getComputedStyle(a);
  const styleB = getComputedStyle(b);
  return SURVIVING.filter((property) => {
    const valueA = styleA.getPropertyValue(property);
    const valueB = styleB.getPropertyValue(property);
    // An outline or border of no width shows nothing, whatever its colour.
    if (property.startsWith('outline') && styleA.outlineStyle === 'none' && styleB.outlineStyle === 'none')
      return false;
    return valueA !== valueB;
  });
}

/** Whether `forced-colors: active` matches in this page now. */
export function forcedColorsActive(): boolean {
  return matchMedia('(forced-colors: active)').matches;
}

/** Switches the page into (or out of) forced colours, as Windows high contrast does. */
export async function emulateForcedColors(active: boolean): Promise<void> {
  await executeServerCommand('carnet-forced-colors', { active });
}

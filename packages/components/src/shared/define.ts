/** A custom element class that says which Carnet version it comes from. */
export interface CarnetElementConstructor extends CustomElementConstructor {
  /** Version of the Carnet copy that defines the class (see `CARNET_VERSION`). */
  readonly carnetVersion: string;
}

// Tags already warned about, so a page that loads many copies is warned once per tag.
const warnedTags = new Set<string>();

function versionOf(ctor: CustomElementConstructor): string {
  const version: unknown = (ctor as Partial<CarnetElementConstructor>).carnetVersion;
  return typeof version === 'string' ? version : 'unknown';
}

function warnOnce(tagName: string, message: string): void {
  if (warnedTags.has(tagName)) return;
  warnedTags.add(tagName);
  console.warn(message);
}

/**
 * Registers a custom element defensively: two associations' sites may load two
 * copies of Carnet on one page, and that must never throw.
 *
 * - tag free: defines it;
 * - tag taken by the same Carnet version: does nothing;
 * - tag taken by another version (or by something else): warns once, naming both
 *   versions, and keeps the element already defined.
 */
export function defineElement(tagName: string, ctor: CarnetElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tagName);
  if (existing) {
    if (existing === ctor) return;
    const existingVersion = versionOf(existing);
    if (existingVersion === ctor.carnetVersion) return;
    warnOnce(
      tagName,
      `[carnet] <${tagName}> is already defined by Carnet ${existingVersion}; ` +
        `this copy (Carnet ${ctor.carnetVersion}) keeps using it. Load a single Carnet version per page.`,
    );
    return;
  }
  try {
    registry.define(tagName, ctor);
  } catch (error) {
    // e.g. the same class registered under another tag name by the embedder
    const reason = error instanceof Error ? error.name : 'Error';
    warnOnce(tagName, `[carnet] <${tagName}> could not be defined (${reason}).`);
  }
}

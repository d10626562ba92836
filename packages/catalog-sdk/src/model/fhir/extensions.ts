/**
 * Internal reading and writing of FHIR extensions. Paths name an extension by the
 * last segment of its URL, e.g. `Appointment.extension[recurrence-rule].valueString`,
 * and a repeated one by its rank, e.g. `Appointment.extension[exdate][1].valueString`.
 */
import type { Extension, Reference } from '@medplum/fhirtypes';
import {
  fail,
  isObject,
  optionalArray,
  optionalBoolean,
  optionalDate,
  optionalInstant,
  optionalInteger,
  optionalString,
  requireLocalDateTime,
  requireQuantityValue,
  requireReferenceId,
  type JsonObject,
} from './read.js';

const shortName = (url: string): string => url.slice(url.lastIndexOf('/') + 1);

/** One extension found on an element, with the path to report errors at. */
interface FoundExtension {
  readonly path: string;
  readonly node: JsonObject;
}

/** Reads the extensions of one element (`element.extension`), checking their shape. */
export class ExtensionReader {
  private readonly entries: readonly JsonObject[];

  /** @param parentPath path of the element that carries `extension` */
  constructor(
    private readonly parentPath: string,
    extensions: unknown,
  ) {
    const list = optionalArray(`${parentPath}.extension`, extensions);
    this.entries = list.map((entry, index) => {
      const path = `${parentPath}.extension[${index}]`;
      if (!isObject(entry)) fail(path, 'is not an object');
      if (typeof entry.url !== 'string' || entry.url === '') fail(`${path}.url`, 'is missing');
      return entry;
    });
  }

  /** All extensions with this URL, in order. */
  all(url: string): FoundExtension[] {
    const found = this.entries.filter((entry) => entry.url === url);
    const base = `${this.parentPath}.extension[${shortName(url)}]`;
    return found.map((node, index) => ({ path: found.length > 1 ? `${base}[${index}]` : base, node }));
  }

  /** The extension with this URL when present; more than one is an error. */
  one(url: string): FoundExtension | undefined {
    const found = this.all(url);
    if (found.length > 1) fail(`${this.parentPath}.extension[${shortName(url)}]`, 'is repeated');
    return found[0];
  }

  /** Sub-extensions of each complex extension with this URL. */
  complex(url: string): { path: string; reader: ExtensionReader }[] {
    return this.all(url).map(({ path, node }) => ({ path, reader: new ExtensionReader(path, node.extension) }));
  }

  /** A valueString, when the extension is present. */
  string(url: string): string | undefined {
    const found = this.one(url);
    return found && optionalString(...valueOf(found, 'valueString'));
  }

  /** Every valueString of a repeated extension. */
  strings(url: string): string[] {
    return this.all(url).map((found) => optionalString(...valueOf(found, 'valueString')) as string);
  }

  /** A wall-clock date-time in a valueString, when present. */
  localDateTime(url: string): string | undefined {
    const found = this.one(url);
    return found && requireLocalDateTime(...valueOf(found, 'valueString'));
  }

  /** Every wall-clock date-time of a repeated valueString extension. */
  localDateTimes(url: string): string[] {
    return this.all(url).map((found) => requireLocalDateTime(...valueOf(found, 'valueString')));
  }

  /** A valueCode, when present. */
  code(url: string): string | undefined {
    const found = this.one(url);
    return found && optionalString(...valueOf(found, 'valueCode'));
  }

  /** A valueBoolean, when present. */
  boolean(url: string): boolean | undefined {
    const found = this.one(url);
    return found && optionalBoolean(...valueOf(found, 'valueBoolean'));
  }

  /** A non-negative valueInteger, when present. */
  integer(url: string): number | undefined {
    const found = this.one(url);
    return found && optionalInteger(...valueOf(found, 'valueInteger'));
  }

  /** A non-negative valueDecimal, when present. */
  decimal(url: string): number | undefined {
    const found = this.one(url);
    return found && requireQuantityValue(...valueOf(found, 'valueDecimal'));
  }

  /** A valueDate `YYYY-MM-DD`, when present. */
  date(url: string): string | undefined {
    const found = this.one(url);
    return found && optionalDate(...valueOf(found, 'valueDate'));
  }

  /** A valueDateTime holding an instant with offset, when present. */
  instant(url: string): string | undefined {
    const found = this.one(url);
    return found && optionalInstant(...valueOf(found, 'valueDateTime'));
  }

  /** The id in a valueReference to `resourceType`, when present. */
  referenceId(url: string, resourceType: string): string | undefined {
    const found = this.one(url);
    return found && requireReferenceId(...valueOf(found, 'valueReference'), resourceType);
  }
}

/** Path and value of `key`; a missing value or another value[x] type is an error. */
function valueOf(found: FoundExtension, key: string): [string, unknown] {
  const value = found.node[key];
  if (value === undefined) {
    const other = Object.keys(found.node).some((k) => k.startsWith('value'));
    fail(other ? `${found.path}.${key}` : found.path, other ? 'has the wrong value type' : 'has no value');
  }
  return [`${found.path}.${key}`, value];
}

/** A valueString extension, or nothing when the value is absent. */
export function stringExtension(url: string, value: string | undefined): Extension | undefined {
  return value === undefined ? undefined : { url, valueString: value };
}

/** A valueCode extension, or nothing when the value is absent. */
export function codeExtension(url: string, value: string | undefined): Extension | undefined {
  return value === undefined ? undefined : { url, valueCode: value };
}

/** A valueBoolean extension, or nothing when the value is absent. */
export function booleanExtension(url: string, value: boolean | undefined): Extension | undefined {
  return value === undefined ? undefined : { url, valueBoolean: value };
}

/** A valueInteger extension, or nothing when the value is absent. */
export function integerExtension(url: string, value: number | undefined): Extension | undefined {
  return value === undefined ? undefined : { url, valueInteger: value };
}

/** A valueDecimal extension, or nothing when the value is absent. */
export function decimalExtension(url: string, value: number | undefined): Extension | undefined {
  return value === undefined ? undefined : { url, valueDecimal: value };
}

/** A valueDate extension, or nothing when the value is absent. */
export function dateExtension(url: string, value: string | undefined): Extension | undefined {
  return value === undefined ? undefined : { url, valueDate: value };
}

/** A valueDateTime extension, or nothing when the value is absent. */
export function dateTimeExtension(url: string, value: string | undefined): Extension | undefined {
  return value === undefined ? undefined : { url, valueDateTime: value };
}

/** A valueReference extension, or nothing when the value is absent. */
export function referenceExtension(url: string, value: Reference | undefined): Extension | undefined {
  return value === undefined ? undefined : { url, valueReference: value };
}

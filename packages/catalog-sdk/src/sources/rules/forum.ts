// Rules both data sources (FHIR and local) apply to a forum pseudonym: one place, so both accept and refuse the same input.
import { ValidationError } from '../../errors/errors.js';

/** A pseudonym, trimmed: 3 to 30 letters, digits, spaces, hyphens or underscores. */
export function checkPseudonym(value: unknown): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!/^[\p{L}\p{N} _-]{3,30}$/u.test(trimmed)) {
    throw new ValidationError('pseudonym', 'must be 3 to 30 letters, digits, spaces, hyphens or underscores');
  }
  return trimmed;
}

// Rules both data sources (FHIR and local) apply to page sizes: one place, so both accept and refuse the same input.
import { ValidationError } from '../../errors/errors.js';

/** Items per page when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 50;

/** Largest page a caller may ask for. */
export const MAX_PAGE_SIZE = 1000;

/** The page size asked for, checked. */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError('limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return limit;
}

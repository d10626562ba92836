import { expect } from '@open-wc/testing';
import { MappingError } from '../../../errors/errors.js';

/** Asserts that `run` throws a `MappingError` naming exactly `field`. */
export function expectMappingError(run: () => unknown, field: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'a MappingError').to.be.instanceOf(MappingError);
  expect((caught as MappingError).field).to.equal(field);
}

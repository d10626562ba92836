import { expect } from '@open-wc/testing';
import { ConflictError, MappingError } from '../index.js';

describe('errors', () => {
  it('MappingError names the resource and field', () => {
    const error = new MappingError('DocumentReference', 'DocumentReference.type', 'is missing');
    expect(error).to.be.instanceOf(Error);
    expect(error.field).to.equal('DocumentReference.type');
    expect(error.messageKey).to.equal('error.mapping');
  });
  it('ConflictError carries both versions', () => {
    const error = new ConflictError('HealthDocument', 'd1', '1', '2');
    expect(error.expectedVersion).to.equal('1');
    expect(error.currentVersion).to.equal('2');
    expect(error.message).to.contain('d1');
  });
});

// The revocation list's rule for withdrawn apps: tokens issued to that app for that person
// before the withdrawal are refused, even those whose jti the list never noted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RevocationList } from './revocations.js';

describe('RevocationList, withdrawn apps', () => {
  it('refuses the app’s earlier tokens for that person only', () => {
    let now = Date.parse('2026-06-10T10:00:00Z');
    const list = new RevocationList({ maxTokenTtl: 300, now: () => now });
    const before = now / 1000 - 1;
    list.revokeClientFor('diabetes', 'glyco-notes');
    assert.equal(list.isRevoked('unnoted', { subject: 'diabetes', clientId: 'glyco-notes', issuedAt: before }), true);
    assert.equal(list.isRevoked('a', { subject: 'parkinson', clientId: 'glyco-notes', issuedAt: before }), false);
    assert.equal(list.isRevoked('b', { subject: 'diabetes', clientId: 'carnet-demo', issuedAt: before }), false);
    assert.equal(list.isRevoked('c'), false);
    // After a new consent, the app's new tokens count again.
    now += 5_000;
    assert.equal(list.isRevoked('d', { subject: 'diabetes', clientId: 'glyco-notes', issuedAt: now / 1000 }), false);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScopePermissions, explainScope } from './smart-scopes.js';
import { negotiateLanguage } from './oidc/i18n.js';

describe('SMART scopes', () => {
  it('reads v2 letters per resource type', () => {
    const permissions = new ScopePermissions('openid patient/DocumentReference.rs patient/Appointment.cruds');
    assert.equal(permissions.allows('DocumentReference', 'r'), true);
    assert.equal(permissions.allows('DocumentReference', 's'), true);
    assert.equal(permissions.allows('DocumentReference', 'u'), false);
    assert.equal(permissions.allows('Appointment', 'd'), true);
    assert.equal(permissions.allows('Patient', 'r'), false);
  });

  it('reads v1 read/write and wildcards, and ignores malformed scopes', () => {
    const permissions = new ScopePermissions('patient/Observation.read patient/*.write patient/Binary.xyz launch');
    assert.equal(permissions.allows('Observation', 's'), true);
    assert.equal(permissions.allows('Observation', 'c'), true);
    assert.equal(permissions.allows('Appointment', 'u'), true);
    assert.equal(permissions.allows('Appointment', 'r'), false);
    assert.equal(permissions.allows('Binary', 'r'), false);
  });

  it('explains scopes in plain French and English', () => {
    assert.deepEqual(explainScope('patient/DocumentReference.rs'), {
      fr: 'lire et rechercher vos documents de santé',
      en: 'read and search your health documents',
    });
    assert.match(explainScope('offline_access').en, /stay signed in/);
    assert.equal(explainScope('unknown/scope').fr, 'unknown/scope');
  });
});

describe('Page language', () => {
  it('prefers ?lang=, then ui_locales, then Accept-Language, else French', () => {
    assert.equal(negotiateLanguage('en', 'fr', 'fr'), 'en');
    assert.equal(negotiateLanguage(null, 'en-GB fr', 'fr'), 'en');
    assert.equal(negotiateLanguage(undefined, undefined, 'de-DE,de;q=0.9,en;q=0.8,fr;q=0.7'), 'en');
    assert.equal(negotiateLanguage(undefined, undefined, 'en;q=0, fr;q=0.5'), 'fr');
    assert.equal(negotiateLanguage('xx', undefined, 'de'), 'fr');
  });
});

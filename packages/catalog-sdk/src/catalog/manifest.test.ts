import { expect } from '@open-wc/testing';
import {
  CATALOGUE_SCOPES,
  MANIFEST_LIMITS,
  isWriteScope,
  manifestTextIn,
  validateManifest,
  type AppManifest,
  type ManifestProblem,
} from './manifest.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function manifest(fields: Partial<Record<keyof AppManifest, unknown>> = {}): Record<string, unknown> {
  return {
    clientId: 'glyco-notes',
    name: 'Glyco Notes',
    publisher: 'Exemple Santé SAS',
    description: { fr: 'Notez vos glycémies.', en: 'Write down your blood sugar.' },
    icon: PNG,
    redirectUris: ['https://glyco.example/callback', 'http://localhost:5199/app.html'],
    launchUrl: 'https://glyco.example/launch',
    scopes: [
      { scope: 'openid', reason: 'Vous connecter avec votre compte.' },
      { scope: 'patient/DocumentReference.rs', reason: 'Lire vos comptes rendus.', access: 'read' },
      { scope: 'patient/Appointment.cruds', reason: { fr: 'Noter vos rendez-vous.' }, access: 'write' },
    ],
    ...fields,
  };
}

function problemsOf(input: unknown): ManifestProblem[] {
  const result = validateManifest(input);
  return result.ok ? [] : result.problems;
}

describe('validateManifest', () => {
  it('accepts a complete manifest and returns a typed copy of it', () => {
    const input = manifest();
    const result = validateManifest(input);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.manifest).to.deep.equal(input);
    expect(result.manifest).not.to.equal(input);
  });

  it('accepts a manifest without icon nor launch URL, and drops unknown fields', () => {
    const input = manifest({ icon: undefined, launchUrl: undefined });
    delete input['icon'];
    delete input['launchUrl'];
    const result = validateManifest({ ...input, tracking: 'https://ads.example' });
    expect(result.ok).to.equal(true);
    if (result.ok)
      expect(Object.keys(result.manifest)).to.deep.equal([
        'clientId',
        'name',
        'publisher',
        'description',
        'redirectUris',
        'scopes',
      ]);
  });

  it('refuses what is not an object', () => {
    for (const input of [null, 'manifest', 42, []])
      expect(problemsOf(input)).to.deep.equal([{ code: 'not-an-object', path: '' }]);
  });

  it('refuses a missing name or publisher, and blank ones', () => {
    const input = manifest({ publisher: '   ' });
    delete input['name'];
    expect(problemsOf(input)).to.deep.equal([
      { code: 'missing', path: 'name' },
      { code: 'missing', path: 'publisher' },
    ]);
    expect(problemsOf(manifest({ name: 12 }))).to.deep.equal([{ code: 'wrong-type', path: 'name' }]);
  });

  it('refuses over-long fields, naming the limit', () => {
    const problems = problemsOf(
      manifest({
        name: 'N'.repeat(MANIFEST_LIMITS.name + 1),
        description: { fr: 'D'.repeat(MANIFEST_LIMITS.description + 1) },
        scopes: [{ scope: 'openid', reason: 'R'.repeat(MANIFEST_LIMITS.reason + 1) }],
      }),
    );
    expect(problems).to.deep.equal([
      { code: 'too-long', path: 'name', limit: MANIFEST_LIMITS.name },
      { code: 'too-long', path: 'description.fr', limit: MANIFEST_LIMITS.description },
      { code: 'too-long', path: 'scopes[0].reason', limit: MANIFEST_LIMITS.reason },
    ]);
    expect(problemsOf(manifest({ name: 'N'.repeat(MANIFEST_LIMITS.name) }))).to.deep.equal([]);
  });

  it('refuses http redirect URIs other than localhost, and URLs with a fragment', () => {
    const problems = problemsOf(
      manifest({
        redirectUris: [
          'http://glyco.example/callback',
          'http://127.0.0.1:8080/cb',
          'http://localhost/cb',
          'https://glyco.example/cb#x',
          'javascript:alert(1)',
          'not a url',
        ],
        launchUrl: 'http://glyco.example/launch',
      }),
    );
    expect(problems).to.deep.equal([
      { code: 'insecure-url', path: 'launchUrl' },
      { code: 'insecure-url', path: 'redirectUris[0]' },
      { code: 'invalid-url', path: 'redirectUris[3]' },
      { code: 'invalid-url', path: 'redirectUris[4]' },
      { code: 'invalid-url', path: 'redirectUris[5]' },
    ]);
  });

  it('refuses a manifest without redirect URI or scope', () => {
    expect(problemsOf(manifest({ redirectUris: [], scopes: [] }))).to.deep.equal([
      { code: 'missing', path: 'redirectUris' },
      { code: 'missing', path: 'scopes' },
    ]);
  });

  it('refuses scopes the platform does not know, and the same scope twice', () => {
    const problems = problemsOf(
      manifest({
        scopes: [
          { scope: 'openid', reason: 'Connexion.' },
          { scope: 'system/*.cruds', reason: 'Tout.', access: 'write' },
          { scope: 'patient/Observation.cruds', reason: 'Mesures.', access: 'write' },
          { scope: 'openid', reason: 'Encore.' },
        ],
      }),
    );
    expect(problems).to.deep.equal([
      { code: 'unknown-scope', path: 'scopes[1].scope' },
      { code: 'duplicate-scope', path: 'scopes[3].scope' },
    ]);
    // The platform says which scopes it knows.
    expect(problemsOf(manifest({ scopes: [{ scope: 'openid', reason: 'Connexion.' }] })).length).to.equal(0);
    const narrow = validateManifest(manifest(), { knownScopes: ['openid'] });
    expect(narrow.ok ? [] : narrow.problems.map((problem) => problem.path)).to.deep.equal([
      'scopes[1].scope',
      'scopes[2].scope',
    ]);
  });

  it('refuses scopes without a reason', () => {
    const problems = problemsOf(
      manifest({
        scopes: [{ scope: 'openid' }, { scope: 'fhirUser', reason: '  ' }, { scope: 'launch/patient', reason: {} }],
      }),
    );
    expect(problems).to.deep.equal([
      { code: 'missing-reason', path: 'scopes[0].reason' },
      { code: 'missing-reason', path: 'scopes[1].reason' },
      { code: 'missing', path: 'scopes[2].reason' },
    ]);
  });

  it('refuses write scopes described as read, and resource scopes without their access', () => {
    const problems = problemsOf(
      manifest({
        scopes: [
          { scope: 'patient/Appointment.cruds', reason: 'Voir vos rendez-vous.', access: 'read' },
          { scope: 'patient/DocumentReference.c', reason: 'Ajouter.', access: 'read' },
          { scope: 'patient/DocumentReference.rs', reason: 'Lire.' },
          { scope: 'patient/Binary.r', reason: 'Lire.', access: 'read' },
        ],
      }),
    );
    expect(problems).to.deep.equal([
      { code: 'write-described-as-read', path: 'scopes[0].access' },
      { code: 'write-described-as-read', path: 'scopes[1].access' },
      { code: 'missing-access', path: 'scopes[2].access' },
    ]);
  });

  it('refuses an icon that is neither https nor a data image', () => {
    for (const icon of [
      'http://glyco.example/icon.png',
      'data:text/html;base64,PHNjcmlwdD4=',
      'javascript:alert(1)',
      'icon.png',
    ])
      expect(problemsOf(manifest({ icon })), icon).to.deep.equal([{ code: 'invalid-icon', path: 'icon' }]);
    expect(problemsOf(manifest({ icon: 'https://glyco.example/icon.svg' }))).to.deep.equal([]);
    expect(
      problemsOf(manifest({ icon: `data:image/png;base64,${'A'.repeat(MANIFEST_LIMITS.dataIcon)}` })),
    ).to.deep.equal([{ code: 'too-long', path: 'icon', limit: MANIFEST_LIMITS.dataIcon }]);
  });

  it('refuses a client id with other characters and bad language tags', () => {
    expect(problemsOf(manifest({ clientId: 'glyco notes/1', description: { 'Français!': 'Notez.' } }))).to.deep.equal([
      { code: 'invalid-client-id', path: 'clientId' },
      { code: 'invalid-language', path: 'description.Français!' },
    ]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ scopes: 'all' });
    expect(problems.map((problem) => `${problem.code} ${problem.path}`)).to.deep.equal([
      'missing clientId',
      'missing name',
      'missing publisher',
      'missing description',
      'missing redirectUris',
      'wrong-type scopes',
    ]);
  });
});

describe('catalogue helpers', () => {
  it('knows the platform’s scopes and which ones write', () => {
    expect(CATALOGUE_SCOPES).to.include.members(['openid', 'launch', 'patient/DocumentReference.rs']);
    expect(isWriteScope('patient/Appointment.cruds')).to.equal(true);
    expect(isWriteScope('patient/Observation.write')).to.equal(true);
    expect(isWriteScope('patient/DocumentReference.rs')).to.equal(false);
    expect(isWriteScope('patient/DocumentReference.read')).to.equal(false);
    expect(isWriteScope('openid')).to.equal(false);
  });

  it('picks a publisher’s text in the reader’s language', () => {
    const text = { fr: 'Notez vos glycémies.', en: 'Write down your blood sugar.' };
    expect(manifestTextIn(text, 'en')).to.equal('Write down your blood sugar.');
    expect(manifestTextIn(text, 'en-GB')).to.equal('Write down your blood sugar.');
    expect(manifestTextIn(text, 'de')).to.equal('Notez vos glycémies.');
    expect(manifestTextIn({ en: 'Only English' }, 'fr')).to.equal('Only English');
    expect(manifestTextIn('Texte', 'en')).to.equal('Texte');
  });
});

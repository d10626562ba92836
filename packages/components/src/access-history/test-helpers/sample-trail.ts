import type { AccessEntry } from '@carnet/catalog-sdk';

/** A small trail: the patient's search, a professional's read, and a refused attempt (most recent first). */
export const SAMPLE_TRAIL: AccessEntry[] = [
  {
    id: 'a3',
    at: '2026-03-05T10:00:00Z',
    actor: { kind: 'professional', id: 'pro-1' },
    action: 'read',
    allowed: false,
    resources: ['DocumentReference/doc-9'],
  },
  {
    id: 'a2',
    at: '2026-03-04T10:00:00Z',
    actor: { kind: 'professional', id: 'pro-1' },
    action: 'read',
    allowed: true,
    resources: ['DocumentReference/doc-1'],
  },
  {
    id: 'a1',
    at: '2026-02-01T10:00:00Z',
    actor: { kind: 'patient', id: 'p1' },
    appId: 'carnet-demo',
    action: 'search',
    allowed: true,
    resources: ['DocumentReference/doc-1', 'DocumentReference/doc-2'],
  },
];

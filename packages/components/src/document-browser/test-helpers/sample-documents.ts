/** Sample documents with real attachments, for tests and stories (no test framework needed). */
import type { NewHealthDocument } from '@carnet/catalog-sdk';

/** Six documents whose words the search tests rely on. */
export const FRENCH_DOCUMENTS: readonly NewHealthDocument[] = [
  {
    title: 'Résultats d’analyses sanguines',
    kind: 'lab-result',
    date: '2025-03-12T08:00:00.000Z',
    author: 'Dr Claire Martin',
    organisation: 'Laboratoire Bioaccess',
    description: 'Glycémie à jeun et bilan lipidique',
    tags: ['diabète'],
    contentType: 'application/pdf',
    size: 48_213,
  },
  {
    title: 'Ordonnance de renouvellement d’insuline',
    kind: 'prescription',
    date: '2025-06-02T09:00:00.000Z',
    author: 'Dr Paul Durand',
    organisation: 'Cabinet médical des Lilas',
    tags: ['diabète', 'traitement'],
    contentType: 'application/pdf',
  },
  {
    title: 'Hémoglobine glyquée (HbA1c)',
    kind: 'lab-result',
    date: '2024-11-20T08:00:00.000Z',
    author: 'Dr Claire Martin',
    organisation: 'Laboratoire Bioaccess',
    tags: ['suivi'],
    favourite: true,
    contentType: 'application/pdf',
  },
  {
    title: 'IRM cérébrale',
    kind: 'imaging',
    date: '2024-02-15T14:00:00.000Z',
    author: 'Dr Sophie Leroy',
    organisation: 'CHU de Lyon',
    contentType: 'image/png',
  },
  {
    title: 'Compte rendu de consultation de neurologie',
    kind: 'consultation-note',
    date: '2023-09-10T10:00:00.000Z',
    author: 'Dr Sophie Leroy',
    organisation: 'CHU de Lyon',
    tags: ['neurologie'],
    favourite: true,
    contentType: 'application/pdf',
  },
  {
    title: 'Vaccination contre la grippe saisonnière',
    kind: 'vaccination',
    date: '2023-10-25T10:00:00.000Z',
    author: 'Pharmacie Centrale',
    contentType: 'application/pdf',
  },
];

/** A one-page PDF, enough for a browser to recognise it. */
export function tinyPdf(): Blob {
  const text =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return new Blob([text], { type: 'application/pdf' });
}

/** A 1×1 PNG image. */
export function tinyPng(): Blob {
  const base64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}

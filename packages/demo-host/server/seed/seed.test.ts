import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateResource } from '@medplum/core';
import { generatePersona } from '@carnet/catalog-sdk/demo-data';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import { personaResources } from './seed.js';

describe('Seed resources', () => {
  it("maps a whole persona to valid R4 resources in the patient's compartment", () => {
    loadFhirDefinitions();
    const record = generatePersona('kidney', { documentCount: 40 });
    const resources = personaResources(record, 'http://localhost:4020/fhir');
    const problems: string[] = [];
    for (const resource of resources) {
      try {
        validateResource(resource);
      } catch (error) {
        problems.push(`${resource.resourceType}/${resource.id}: ${error instanceof Error ? error.message : ''}`);
      }
    }
    assert.deepEqual(problems, []);
    const ids = resources.map((r) => `${r.resourceType}/${r.id}`);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.ok(
      resources.every((r) => r.id),
      'every id is kept',
    );
    // Forum posts are filed in the community, not in the patient's compartment.
    assert.equal(resources.filter((r) => r.resourceType === 'Communication').length, 0);
  });
});

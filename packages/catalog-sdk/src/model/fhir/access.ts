/**
 * AccessEntry ← FHIR R4 `AuditEvent` (as the demo platform's gateway writes them:
 * first agent the person, `who.reference` naming Patient/Practitioner/RelatedPerson,
 * a second agent the client app; entities the patient then the resources).
 */
import type { AccessActor, AccessEntry } from '../access.js';
import { HIDDEN_FROM_PROFESSIONALS_LABEL } from './document.js';
import { isObject, optionalArray, readResource, requireId, requireInstant, withoutUndefined } from './read.js';

const RT = 'AuditEvent';
const ACTIONS: Record<string, AccessEntry['action']> = {
  C: 'create',
  R: 'read',
  E: 'search',
  U: 'update',
  D: 'delete',
};
const KINDS: Record<string, AccessActor['kind']> = {
  Patient: 'patient',
  Practitioner: 'professional',
  RelatedPerson: 'caregiver',
};

/**
 * Reads one access-history entry.
 *
 * @throws MappingError when the id or the recorded instant is missing or malformed
 */
export function auditEventToAccessEntry(resource: unknown): AccessEntry {
  const r = readResource(resource, RT);
  const agents = optionalArray(`${RT}.agent`, r.agent).filter(isObject);
  const person = agents.find((agent) => agent.requestor === true) ?? agents[0];
  const who = isObject(person?.who) ? person.who : {};
  const reference = typeof who.reference === 'string' ? who.reference : '';
  const match = /(?:^|\/)(Patient|Practitioner|RelatedPerson)\/([A-Za-z0-9\-.]{1,64})$/.exec(reference);
  const identifier = isObject(who.identifier) && typeof who.identifier.value === 'string' ? who.identifier.value : '';
  const app = agents.find((agent) => agent !== person);
  const appWho = isObject(app?.who) ? app.who : {};
  const appId =
    isObject(appWho.identifier) && typeof appWho.identifier.value === 'string' ? appWho.identifier.value : undefined;
  const name = typeof who.display === 'string' && who.display.trim() ? who.display.trim() : undefined;
  const actor: AccessActor = match
    ? { kind: KINDS[match[1] ?? ''] ?? 'unknown', id: match[2] ?? '', ...(name ? { name } : {}) }
    : appId && !identifier
      ? { kind: 'app', id: appId }
      : { kind: 'unknown', id: identifier };
  const patientEntity = optionalArray(`${RT}.entity`, r.entity)
    .filter(isObject)
    .find((entity) => isObject(entity.what) && String(entity.what.reference ?? '').startsWith('Patient/'));
  const detail =
    patientEntity &&
    typeof patientEntity.description === 'string' &&
    /^\w+ of [A-Z]\w+$/.test(patientEntity.description)
      ? patientEntity.description
      : undefined;
  const resources = optionalArray(`${RT}.entity`, r.entity)
    .filter(isObject)
    .map((entity) => (isObject(entity.what) && typeof entity.what.reference === 'string' ? entity.what.reference : ''))
    .filter((what) => what !== '' && !what.startsWith('Patient/'));
  const allowed = r.outcome === undefined || r.outcome === '0';
  const hiddenDocument =
    !allowed &&
    optionalArray(`${RT}.entity`, r.entity)
      .filter(isObject)
      .some((entity) =>
        optionalArray(`${RT}.entity.securityLabel`, entity.securityLabel).some(
          (label) =>
            isObject(label) &&
            label.system === HIDDEN_FROM_PROFESSIONALS_LABEL.system &&
            label.code === HIDDEN_FROM_PROFESSIONALS_LABEL.code,
        ),
      );
  return withoutUndefined<AccessEntry>({
    id: requireId(r, RT),
    at: requireInstant(`${RT}.recorded`, r.recorded),
    actor,
    appId,
    action: ACTIONS[typeof r.action === 'string' ? r.action : ''] ?? 'read',
    allowed,
    resources,
    detail,
    hiddenDocument: hiddenDocument || undefined,
  });
}

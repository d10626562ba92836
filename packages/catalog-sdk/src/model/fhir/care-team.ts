/**
 * CareTeamMember ↔ FHIR R4 `Practitioner`.
 */
import type { ContactPoint, Practitioner } from '@medplum/fhirtypes';
import type { CareTeamMember } from '../care-team.js';
import { ExtensionReader, stringExtension } from './extensions.js';
import {
  fail,
  isFhirId,
  isObject,
  nonEmpty,
  optionalArray,
  optionalString,
  readResource,
  requireId,
  requireObject,
  requireString,
  withoutUndefined,
  type JsonObject,
} from './read.js';
import { ORGANISATION_EXTENSION_URL, RPPS_SYSTEM } from './urls.js';

const RT = 'Practitioner';

/** Joined strings of a HumanName part (`given`, `prefix`), when any. */
function joinedNamePart(path: string, value: unknown): string | undefined {
  const parts = optionalArray(path, value).map((part, i) => requireString(`${path}[${i}]`, part));
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** First telecom value of a system. */
function telecomValue(r: JsonObject, system: 'email' | 'phone'): string | undefined {
  for (const [i, contact] of optionalArray(`${RT}.telecom`, r.telecom).entries()) {
    const path = `${RT}.telecom[${i}]`;
    if (!isObject(contact)) fail(path, 'is not an object');
    if (contact.system === system) return requireString(`${path}.value`, contact.value);
  }
  return undefined;
}

/** RPPS number from the identifier in {@link RPPS_SYSTEM}. */
function rppsOf(r: JsonObject): string | undefined {
  for (const [i, identifier] of optionalArray(`${RT}.identifier`, r.identifier).entries()) {
    const path = `${RT}.identifier[${i}]`;
    if (!isObject(identifier)) fail(path, 'is not an object');
    if (identifier.system === RPPS_SYSTEM) return requireString(`${path}.value`, identifier.value);
  }
  return undefined;
}

/**
 * Reads a `Practitioner` as a care-team member: `name[0]` (display from `text`,
 * else « prefix given family »), specialty from `qualification[0].code.text`, the
 * first email telecom as the secure-messaging address, the first phone, the RPPS
 * identifier, and the organisation from our extension. The resource has no version
 * we keep: care-team members are read-only in Carnet.
 *
 * @throws MappingError naming the field when the resource is malformed
 */
export function practitionerToCareTeamMember(resource: Practitioner): CareTeamMember {
  const r = readResource(resource, RT);
  const id = requireId(r, RT);
  const names = optionalArray(`${RT}.name`, r.name);
  if (names.length === 0) fail(`${RT}.name`, 'is missing');
  const name = requireObject(`${RT}.name[0]`, names[0]);
  const prefix = joinedNamePart(`${RT}.name[0].prefix`, name.prefix);
  const given = joinedNamePart(`${RT}.name[0].given`, name.given);
  const family = requireString(`${RT}.name[0].family`, name.family);
  const display = optionalString(`${RT}.name[0].text`, name.text) ?? [prefix, given, family].filter(Boolean).join(' ');
  const qualifications = optionalArray(`${RT}.qualification`, r.qualification);
  const specialty =
    qualifications.length > 0
      ? requireString(
          `${RT}.qualification[0].code.text`,
          requireObject(`${RT}.qualification[0].code`, requireObject(`${RT}.qualification[0]`, qualifications[0]).code)
            .text,
        )
      : undefined;
  return withoutUndefined<CareTeamMember>({
    id,
    name: display,
    prefix,
    given,
    family,
    specialty,
    organisation: new ExtensionReader(RT, r.extension).string(ORGANISATION_EXTENSION_URL),
    secureEmail: telecomValue(r, 'email'),
    phone: telecomValue(r, 'phone'),
    rpps: rppsOf(r),
  });
}

/**
 * Writes a care-team member as a `Practitioner`: one official name, specialty as a
 * qualification's text, work email (secure messaging) and phone, RPPS identifier,
 * organisation in our extension. An empty `id` is left out.
 *
 * @throws MappingError when the id is not valid or the family name is missing
 */
export function careTeamMemberToPractitioner(member: CareTeamMember): Practitioner {
  if (member.id !== '' && !isFhirId(member.id)) fail('CareTeamMember.id', 'is not a valid FHIR id');
  const telecom: ContactPoint[] = [];
  if (member.secureEmail !== undefined)
    telecom.push({
      system: 'email',
      value: requireString('CareTeamMember.secureEmail', member.secureEmail),
      use: 'work',
    });
  if (member.phone !== undefined)
    telecom.push({ system: 'phone', value: requireString('CareTeamMember.phone', member.phone), use: 'work' });
  return withoutUndefined<Practitioner>({
    resourceType: RT,
    id: member.id || undefined,
    extension: nonEmpty([stringExtension(ORGANISATION_EXTENSION_URL, member.organisation)]),
    identifier:
      member.rpps === undefined
        ? undefined
        : [{ system: RPPS_SYSTEM, value: requireString('CareTeamMember.rpps', member.rpps) }],
    name: [
      withoutUndefined({
        use: 'official' as const,
        text: requireString('CareTeamMember.name', member.name),
        prefix: member.prefix === undefined ? undefined : [member.prefix],
        given: member.given === undefined ? undefined : [member.given],
        family: requireString('CareTeamMember.family', member.family),
      }),
    ],
    telecom: nonEmpty(telecom),
    qualification: member.specialty === undefined ? undefined : [{ code: { text: member.specialty } }],
  });
}

// Checks the Custom Elements Manifest is complete: every element folder is in it with
// its tag, a summary, documented public members, attributes and events. Run after `cem analyze`.
import { readFileSync } from 'node:fs';
import { elementFolders } from './sync-exports.mjs';

const manifest = JSON.parse(readFileSync('packages/components/custom-elements.json', 'utf8'));
const problems = [];
const elements = manifest.modules.flatMap((mod) =>
  (mod.declarations ?? []).filter((d) => d.customElement).map((d) => ({ ...d, path: mod.path })),
);

for (const folder of elementFolders()) {
  const tag = `carnet-${folder}`;
  const element = elements.find((e) => e.tagName === tag);
  if (!element) {
    problems.push(`${tag}: missing from the manifest (add @tag ${tag} to the class JSDoc)`);
    continue;
  }
  if (!element.summary && !element.description) problems.push(`${tag}: no @summary or description`);
  for (const member of element.members ?? []) {
    if (member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('_')) continue;
    if (!member.description) problems.push(`${tag}: public ${member.kind} "${member.name}" has no description`);
  }
  for (const attribute of element.attributes ?? []) {
    if (!attribute.description) problems.push(`${tag}: attribute "${attribute.name}" has no description`);
  }
  for (const event of element.events ?? []) {
    if (!event.name?.startsWith('carnet-')) problems.push(`${tag}: event "${event.name}" is not prefixed carnet-`);
    if (!event.description) problems.push(`${tag}: event "${event.name}" has no description`);
  }
}

if (problems.length) {
  console.error(`Custom Elements Manifest is incomplete:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Custom Elements Manifest: ${elements.length} elements documented.`);

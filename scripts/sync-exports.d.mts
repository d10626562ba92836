/** Element folders of @carnet/components that have a define file and a component file. */
export function elementFolders(): string[];
/** Frameworks whose typings `@carnet/components/<name>` ships (`src/frameworks/<name>.ts`). */
export const FRAMEWORK_TYPINGS: readonly string[];

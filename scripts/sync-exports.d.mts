/** Element folders of @carnet/components that have a define file and a component file. */
export function elementFolders(): string[];

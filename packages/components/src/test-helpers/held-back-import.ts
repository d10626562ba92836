/**
 * An import of code loaded on demand that the test holds back until `release()` (or fails on
 * `fail()`), as a slow or broken network would; counts the imports asked and says when the code
 * arrived. Give `load` to the element's test hook (e.g. `importDialogsForTests`).
 */
export interface HeldBackImport<Module> {
  /** The import to hand to the test hook. */
  readonly load: () => Promise<Module>;
  /** How many times the code was asked for. */
  imports: number;
  /** True once the code has arrived (every callback waiting for it runs right after). */
  arrived: boolean;
  /** Lets the import go on. */
  release: () => void;
  /** Fails the import as a dropped connection would. */
  fail: () => void;
}

/** Holds back `real` (the element's own `import()`): see {@link HeldBackImport}. */
export function heldBackImport<Module>(real: () => Promise<Module>): HeldBackImport<Module> {
  let release = (): void => undefined;
  let fail = (): void => undefined;
  const gate = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = () => reject(new TypeError('Failed to fetch dynamically imported module'));
  });
  const held: HeldBackImport<Module> = {
    imports: 0,
    arrived: false,
    release: () => release(),
    fail: () => fail(),
    load: async () => {
      held.imports += 1;
      await gate;
      const module = await real();
      held.arrived = true;
      return module;
    },
  };
  return held;
}

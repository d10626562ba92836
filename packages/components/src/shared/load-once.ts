/**
 * Code loaded on demand (`import()`), once: every caller shares the same load, and a failed
 * load (a network error, a deployment that replaced the chunk) is tried again by the next
 * caller instead of failing forever. The CDN build (`vite.cdn.config.ts`) puts what such a
 * loader imports in its own chunk, so a page downloads it only when it is needed.
 */
export interface LoadOnce<M> {
  /** Starts loading (if not loaded or loading yet) and resolves to the module. */
  (): Promise<M>;
  /** The module once it has loaded, `undefined` before that or after a failure. */
  readonly loaded: M | undefined;
}

/** A loader that imports the module once (see {@link LoadOnce}). */
export function loadOnce<M>(load: () => Promise<M>): LoadOnce<M> {
  let loading: Promise<M> | undefined;
  let loaded: M | undefined;
  const loader = (): Promise<M> => {
    loading ??= load().then(
      (module) => {
        loaded = module;
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return Object.defineProperty(loader, 'loaded', { get: () => loaded }) as LoadOnce<M>;
}

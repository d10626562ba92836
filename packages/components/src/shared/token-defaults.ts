/**
 * The system colour roles' default (light theme) values, registered once as
 * inherited custom properties (`CSS.registerProperty`). A widget used without
 * `<carnet-provider>` still has every colour, and a theme set on the provider
 * (or any ancestor) still wins by inheritance — so no widget stylesheet needs
 * hex fallbacks. Keep in step with `tokens.styles.ts`.
 */
const SYSTEM_COLOUR_DEFAULTS: Readonly<Record<string, string>> = {
  '--carnet-sys-surface': '#ffffff',
  '--carnet-sys-on-surface': '#1a1c1e',
  '--carnet-sys-surface-variant': '#f1f1f5',
  '--carnet-sys-on-surface-variant': '#45474a',
  '--carnet-sys-outline': '#6c6d70',
  '--carnet-sys-accent': '#00629d',
  '--carnet-sys-on-accent': '#ffffff',
  '--carnet-sys-danger': '#b3261e',
  '--carnet-sys-success': '#1e6b34',
  '--carnet-sys-warning': '#8a5100',
  '--carnet-sys-focus-ring': '#004a77',
  '--carnet-sys-skeleton': '#e2e2e6',
  '--carnet-sys-highlight': '#ffe08a',
  '--carnet-sys-on-highlight': '#1a1c1e',
};

let registered = false;

/** Registers the system colour roles once per page (another Carnet copy may have done it already). */
export function registerSystemTokens(): void {
  if (registered || typeof CSS === 'undefined' || typeof CSS.registerProperty !== 'function') return;
  registered = true;
  for (const [name, initialValue] of Object.entries(SYSTEM_COLOUR_DEFAULTS)) {
    try {
      CSS.registerProperty({ name, syntax: '*', inherits: true, initialValue });
    } catch {
      // Already registered (two copies of Carnet on one page): the first registration stands.
    }
  }
}

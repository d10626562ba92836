import { css } from 'lit';

/**
 * Carnet's design tokens, set on `<carnet-provider>` and inherited by every widget
 * inside it. Three tiers: `--carnet-ref-*` (raw palette and scales),
 * `--carnet-sys-*` (roles that themes override), then per-element tokens
 * (`--carnet-<element>-*`) defined by each element from the system roles.
 * Colour pairs meet WCAG 2.2 AA (text 4.5:1, UI parts and focus 3:1).
 */
export const carnetTokens = css`
  :host {
    /* Reference palette */
    --carnet-ref-neutral-0: #000000;
    --carnet-ref-neutral-10: #1a1c1e;
    --carnet-ref-neutral-20: #2f3033;
    --carnet-ref-neutral-30: #45474a;
    --carnet-ref-neutral-50: #6c6d70;
    --carnet-ref-neutral-60: #909094;
    --carnet-ref-neutral-80: #c6c6ca;
    --carnet-ref-neutral-90: #e2e2e6;
    --carnet-ref-neutral-95: #f1f1f5;
    --carnet-ref-neutral-100: #ffffff;
    --carnet-ref-blue-30: #004a77;
    --carnet-ref-blue-40: #00629d;
    --carnet-ref-blue-80: #94ccff;
    --carnet-ref-blue-90: #cde5ff;
    --carnet-ref-red-40: #b3261e;
    --carnet-ref-red-80: #f2b8b5;
    --carnet-ref-green-40: #1e6b34;
    --carnet-ref-green-80: #8fd99c;
    --carnet-ref-amber-40: #8a5100;
    --carnet-ref-amber-80: #ffb870;
    --carnet-ref-yellow-90: #ffe08a;

    /* Reference type scale, spacing, radius, motion */
    --carnet-ref-font-family-sans: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --carnet-ref-font-size-1: 0.875rem;
    --carnet-ref-font-size-2: 1rem;
    --carnet-ref-font-size-3: 1.125rem;
    --carnet-ref-font-size-4: 1.375rem;
    --carnet-ref-font-size-5: 1.75rem;
    --carnet-ref-line-height: 1.5;
    --carnet-ref-space-1: 0.25rem;
    --carnet-ref-space-2: 0.5rem;
    --carnet-ref-space-3: 0.75rem;
    --carnet-ref-space-4: 1rem;
    --carnet-ref-space-5: 1.5rem;
    --carnet-ref-space-6: 2rem;
    --carnet-ref-radius-s: 4px;
    --carnet-ref-radius-m: 8px;
    --carnet-ref-radius-l: 16px;
    --carnet-ref-duration-short: 150ms;

    /* System roles: what themes override */
    --carnet-sys-surface: var(--carnet-ref-neutral-100);
    --carnet-sys-on-surface: var(--carnet-ref-neutral-10);
    --carnet-sys-surface-variant: var(--carnet-ref-neutral-95);
    --carnet-sys-on-surface-variant: var(--carnet-ref-neutral-30);
    --carnet-sys-outline: var(--carnet-ref-neutral-50);
    --carnet-sys-accent: var(--carnet-ref-blue-40);
    --carnet-sys-on-accent: var(--carnet-ref-neutral-100);
    --carnet-sys-danger: var(--carnet-ref-red-40);
    --carnet-sys-success: var(--carnet-ref-green-40);
    --carnet-sys-warning: var(--carnet-ref-amber-40);
    --carnet-sys-focus-ring: var(--carnet-ref-blue-30);
    --carnet-sys-focus-ring-width: 3px;
    --carnet-sys-skeleton: var(--carnet-ref-neutral-90);
    --carnet-sys-highlight: var(--carnet-ref-yellow-90);
    --carnet-sys-on-highlight: var(--carnet-ref-neutral-10);
    --carnet-sys-font-family: var(--carnet-ref-font-family-sans);
    --carnet-sys-font-size-small: var(--carnet-ref-font-size-1);
    --carnet-sys-font-size-base: var(--carnet-ref-font-size-2);
    --carnet-sys-font-size-large: var(--carnet-ref-font-size-3);
    --carnet-sys-font-size-title: var(--carnet-ref-font-size-4);
    --carnet-sys-line-height: var(--carnet-ref-line-height);
    --carnet-sys-space-s: var(--carnet-ref-space-2);
    --carnet-sys-space-m: var(--carnet-ref-space-4);
    --carnet-sys-space-l: var(--carnet-ref-space-5);
    --carnet-sys-radius: var(--carnet-ref-radius-m);
    --carnet-sys-target-size: 44px;
    --carnet-sys-motion-duration: var(--carnet-ref-duration-short);
  }
`;

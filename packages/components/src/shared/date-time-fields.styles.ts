import { css } from 'lit';

/**
 * The look of the dates and times typed in the page's language (`date-time-fields.ts`):
 * a field sized for « 23/11/2026 » or « 14:30 », and the hint that gives its shape.
 */
export const dateTimeFieldStyles = css`
  .field-hint {
    margin: 0;
    color: var(--carnet-sys-on-surface-variant, inherit);
    font-size: var(--carnet-sys-font-size-small, 0.875rem);
  }
  input.date-field {
    inline-size: 9rem;
  }
  input.time-field {
    inline-size: 6rem;
  }
`;

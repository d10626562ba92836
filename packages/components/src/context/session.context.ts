import { createContext } from '@lit/context';

/**
 * What widgets may know of the patient's session in connected mode. The SDK's
 * `CarnetSession` satisfies it; widgets never see tokens.
 */
export interface CarnetSessionLike {
  /** True once the patient is signed in. */
  readonly isAuthenticated: boolean;
  /** FHIR Patient id of the signed-in patient, when known. */
  readonly patientId?: string;
  /** The signed-in person (SMART `fhirUser`, e.g. `Patient/123`), when known. */
  readonly user?: { readonly fhirUser?: string };
}

/** The patient's session, provided by `<carnet-provider>` in connected mode only. */
export const sessionContext = createContext<CarnetSessionLike | undefined>(Symbol.for('carnet.context.session'));

/** Signing the patient in: the session and its errors. */
export { CarnetSession } from './carnet-session.js';
export type { CarnetSessionOptions, SessionUser, SignInOptions } from './carnet-session.js';
export { parseEhrLaunch } from './launch.js';
export type { EhrLaunchParameters, FhirContextItem, LaunchContext } from './launch.js';
export { AuthError } from './auth-error.js';
export type { AuthErrorReason } from './auth-error.js';
export { completeSignInPopup } from './popup.js';
export { CARNET_RESOURCE_SCOPES, CARNET_SCOPES, LAUNCH_SCOPES } from './smart-scopes.js';

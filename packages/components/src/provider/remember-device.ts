/**
 * The patient's « Se souvenir de cet appareil » choice, kept in localStorage so
 * it survives the sign-in redirect and the next visit. Only this yes/no is
 * stored there: never a token, never health data.
 */
const KEY = 'carnet:remember-device';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage disabled (privacy settings): the choice lasts for this page only.
    return undefined;
  }
}

/** True when the patient chose to be remembered on this device. */
export function readRememberDevice(): boolean {
  try {
    return storage()?.getItem(KEY) === 'yes';
  } catch {
    return false;
  }
}

/** Records the patient's choice (unticking forgets it). */
export function writeRememberDevice(remember: boolean): void {
  try {
    if (remember) storage()?.setItem(KEY, 'yes');
    else storage()?.removeItem(KEY);
  } catch {
    // Full or disabled storage: the choice still applies to this page.
  }
}

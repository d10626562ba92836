/** Languages of the sign-in and consent pages. */
export type PageLanguage = 'fr' | 'en';

/**
 * Picks the page language: `?lang=` first (the visible switch), then the
 * authorization request's `ui_locales`, then `Accept-Language`, else French.
 */
export function negotiateLanguage(
  queryLang: string | null | undefined,
  uiLocales: string | undefined,
  acceptLanguage: string | undefined,
): PageLanguage {
  if (queryLang === 'fr' || queryLang === 'en') return queryLang;
  for (const locale of (uiLocales ?? '').split(/\s+/)) {
    const base = locale.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { base: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const entry of ranked) {
    if (entry.base === 'fr' || entry.base === 'en') return entry.base;
  }
  return 'fr';
}

/** Every text shown on the interaction pages. */
export interface PageStrings {
  signInTitle: string;
  signInIntro: string;
  loginLabel: string;
  loginHint: string;
  passwordLabel: string;
  passwordHint: string;
  signInButton: string;
  cancelButton: string;
  badCredentials: string;
  missingFields: string;
  tooManyAttempts: string;
  demoAccounts: string;
  consentTitle: string;
  consentIntro: (client: string, person: string) => string;
  consentListLabel: string;
  allowButton: string;
  denyButton: string;
  errorTitle: string;
  errorIntro: string;
  expired: string;
  switchLanguage: string;
  logoutTitle: string;
  logoutQuestion: string;
  logoutYes: string;
  logoutNo: string;
  loggedOut: string;
}

/** French and English texts (French is the source language). */
export const STRINGS: Record<PageLanguage, PageStrings> = {
  fr: {
    signInTitle: 'Connexion à Carnet (démo)',
    signInIntro: 'Connectez-vous avec un compte de démonstration. Les patients sont fictifs.',
    loginLabel: 'Identifiant',
    loginHint: 'Par exemple : diabetes, parkinson ou kidney.',
    passwordLabel: 'Mot de passe',
    passwordHint: 'Le mot de passe des comptes de démonstration est « demo ».',
    signInButton: 'Se connecter',
    cancelButton: 'Annuler',
    badCredentials: 'Identifiant ou mot de passe incorrect. Vérifiez votre saisie et réessayez.',
    missingFields: 'Saisissez votre identifiant et votre mot de passe.',
    tooManyAttempts: 'Trop de tentatives de connexion. Patientez quelques minutes avant de réessayer.',
    demoAccounts: 'Comptes de démonstration',
    consentTitle: 'Autoriser l’accès à votre dossier',
    consentIntro: (client, person) =>
      `L’application « ${client} » demande l’accès au dossier de ${person}. Elle pourra :`,
    consentListLabel: 'Autorisations demandées',
    allowButton: 'Autoriser',
    denyButton: 'Refuser',
    errorTitle: 'Une erreur est survenue',
    errorIntro: 'La connexion n’a pas pu aboutir. Revenez au site et recommencez.',
    expired: 'Cette page a expiré. Revenez au site et recommencez la connexion.',
    switchLanguage: 'English',
    logoutTitle: 'Déconnexion',
    logoutQuestion: 'Voulez-vous vous déconnecter de Carnet (démo) ?',
    logoutYes: 'Me déconnecter',
    logoutNo: 'Rester connecté',
    loggedOut: 'Vous êtes déconnecté.',
  },
  en: {
    signInTitle: 'Sign in to Carnet (demo)',
    signInIntro: 'Sign in with a demo account. The patients are fictional.',
    loginLabel: 'Login',
    loginHint: 'For example: diabetes, parkinson or kidney.',
    passwordLabel: 'Password',
    passwordHint: 'The password of the demo accounts is “demo”.',
    signInButton: 'Sign in',
    cancelButton: 'Cancel',
    badCredentials: 'Wrong login or password. Check what you typed and try again.',
    missingFields: 'Enter your login and your password.',
    tooManyAttempts: 'Too many sign-in attempts. Wait a few minutes before trying again.',
    demoAccounts: 'Demo accounts',
    consentTitle: 'Allow access to your record',
    consentIntro: (client, person) =>
      `The application “${client}” asks to access the record of ${person}. It will be able to:`,
    consentListLabel: 'Requested permissions',
    allowButton: 'Allow',
    denyButton: 'Deny',
    errorTitle: 'Something went wrong',
    errorIntro: 'Signing in could not be completed. Go back to the site and try again.',
    expired: 'This page has expired. Go back to the site and sign in again.',
    switchLanguage: 'Français',
    logoutTitle: 'Sign out',
    logoutQuestion: 'Do you want to sign out of Carnet (demo)?',
    logoutYes: 'Sign me out',
    logoutNo: 'Stay signed in',
    loggedOut: 'You are signed out.',
  },
};

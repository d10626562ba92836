/**
 * The connected-mode half of the SDK (OpenID sign-in, FHIR client and data source),
 * imported on demand so that a provider in local mode does not download it.
 */
export { CarnetSession, completeSignInPopup, createFhirDataSource } from '@carnet/catalog-sdk';

/** Helpers of CarnetSession's tests against the real demo provider. */

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A clock the test moves forward to make tokens expire without waiting. */
export function movableClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => void (offset += ms) };
}

/** A pass-through fetch that counts refresh-token grants sent to the provider. */
export function countingFetch() {
  const counts = { refresh: 0 };
  const fetcher: typeof fetch = async (input, init) => {
    if (init?.body instanceof URLSearchParams && init.body.get('grant_type') === 'refresh_token') counts.refresh++;
    return fetch(input, init);
  };
  return { fetcher, counts };
}

export async function readPatient(fhirBaseUrl: string, patientId: string, token: string): Promise<Response> {
  return fetch(`${fhirBaseUrl}/Patient/${patientId}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' },
  });
}

/**
 * The test runner's stoppable platform (scripts/wtr-platform-plugin.mjs): a demo
 * platform of its own whose FHIR server process stops listening for real
 * (connections refused, data kept) and listens again on the same address.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { TestPlatform } from '../../auth/test-helpers/platform.js';

/** The stoppable platform (started on first use; asks again while it boots). */
export async function stoppablePlatform(): Promise<TestPlatform> {
  for (;;) {
    const answer = (await executeServerCommand('carnet-stoppable-platform')) as TestPlatform | { starting: true };
    if (!('starting' in answer)) return answer;
  }
}

/** Stops the stoppable platform's FHIR server: connections refused until {@link startFhirServer}. */
export async function stopFhirServer(): Promise<void> {
  await executeServerCommand('carnet-fhir-stop');
}

/** Starts the stoppable platform's FHIR server again, with the same data. */
export async function startFhirServer(): Promise<void> {
  await executeServerCommand('carnet-fhir-start');
}

/**
 * Runs `work` alone on the stoppable platform (files run side by side; the lock is
 * the one the components' tests take) and always leaves its FHIR server started.
 */
export async function withStoppableServer<T>(work: () => Promise<T>): Promise<T> {
  return navigator.locks.request('carnet-test-stoppable-fhir', async (): Promise<T> => {
    try {
      return await work();
    } finally {
      await startFhirServer();
    }
  });
}

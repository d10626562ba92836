/**
 * One line on stdout when a long step of an end-to-end file is over (the site listens, the
 * platform answers, the browser is up, a person is signed in). The test runner
 * (scripts/run-node-tests.mjs) calls a file stuck after 60 s of silence: on a busy machine,
 * starting the platform, Vite and Chromium can take longer than that all together while each
 * step still moves. Each step keeps its own time limit, so a real hang still fails.
 */
export function progress(step: string): void {
  process.stdout.write(`  … ${step}\n`);
}

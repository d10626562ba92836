// `npm start` as a new user meets it: on other ports than the defaults, each URL is printed
// once its service answers, the site's CSP names the configured platform origins, the expected
// warnings are explained, and Ctrl-C (SIGTERM here) stops everything.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort } from './testing/free-port.js';

const START = fileURLToPath(new URL('../scripts/start.mjs', import.meta.url));

/** What a URL answers right now, or `down` when nothing listens. */
async function statusOf(url: string): Promise<number | 'down'> {
  try {
    return (await fetch(url)).status;
  } catch {
    return 'down';
  }
}

describe('npm start (real platform and Vite site, custom ports)', { timeout: 120_000 }, () => {
  let child: ChildProcess;
  const stdout: string[] = [];
  const stderr: string[] = [];
  /** Status of each printed URL, fetched the moment its line appeared. */
  const answeredWhenPrinted = new Map<string, number | 'down'>();
  let ports: { site: number; oidc: number; fhir: number };

  before(async () => {
    ports = { site: await freePort(), oidc: await freePort(), fhir: await freePort() };
    child = spawn(process.execPath, [START], {
      env: {
        ...process.env,
        CARNET_SITE_PORT: String(ports.site),
        CARNET_OIDC_PORT: String(ports.oidc),
        CARNET_FHIR_PORT: String(ports.fhir),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
    const checks: Promise<void>[] = [];
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${stderr.join('\n')}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        stdout.push(line);
        const url = /(https?:\/\/\S+)/.exec(line)?.[1];
        if (url) checks.push(statusOf(url).then((status) => void answeredWhenPrinted.set(url, status)));
        if (line.includes('Ctrl-C')) resolve();
      });
    });
    await Promise.all(checks);
  });

  after(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('prints the four URLs of the README table, each once it answers', () => {
    const expected = [
      `http://localhost:${ports.oidc}`,
      `http://localhost:${ports.fhir}/fhir`,
      `http://localhost:${ports.site}/`,
      `http://localhost:${ports.site}/connected.html`,
    ];
    for (const url of expected) {
      assert.equal(stdout.filter((line) => line.includes(url) && line.trim().endsWith(url)).length, 1, url);
      assert.notEqual(answeredWhenPrinted.get(url), 'down', `${url} did not answer when printed`);
    }
  });

  it('explains the warnings it is known to print', () => {
    const warnings = stderr.filter((line) => /WARNING/.test(line));
    for (const warning of warnings) {
      const next = stderr[stderr.indexOf(warning) + 1] ?? '';
      assert.match(next, /expected:/, `unexplained warning: ${warning}`);
    }
  });

  it('serves pages whose CSP allows exactly the configured platform origins, and a favicon', async () => {
    for (const page of ['/', '/connected.html']) {
      const html = await (await fetch(`http://localhost:${ports.site}${page}`)).text();
      const csp = /Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
      assert.match(
        csp,
        new RegExp(`connect-src 'self' ws: http://localhost:${ports.oidc} http://localhost:${ports.fhir};`),
      );
      assert.doesNotMatch(csp, /:4010|:4020/);
    }
    assert.equal((await fetch(`http://localhost:${ports.site}/favicon.svg`)).status, 200);
  });

  it('lets the site sign in: the platform accepts the site origin as a redirect target', async () => {
    const config = (await (await fetch(`http://localhost:${ports.oidc}/.well-known/openid-configuration`)).json()) as {
      authorization_endpoint: string;
    };
    const authorize = new URL(config.authorization_endpoint);
    authorize.search = new URLSearchParams({
      client_id: 'carnet-demo',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `http://localhost:${ports.site}/connected.html`,
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    }).toString();
    const answer = await fetch(authorize, { redirect: 'manual' });
    // An unknown redirect_uri is answered with an error page (400), a known one with the login.
    assert.notEqual(answer.status, 400, await answer.text());
  });
});

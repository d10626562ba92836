// Web Test Runner plugin: the browser's own permission settings for a test page, as a person
// would set them in the site settings (Puppeteer's BrowserContext.setPermission). Command (via
// executeServerCommand):
//   carnet-notification-permission   { state: 'granted' | 'denied' | 'prompt' } → true
/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function permissionsPlugin() {
  return {
    name: 'carnet-permissions',
    async executeCommand({ command, payload, session }) {
      if (command !== 'carnet-notification-permission') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`${command} needs Chromium (Puppeteer)`);
      const state = payload && typeof payload === 'object' ? payload.state : undefined;
      if (state !== 'granted' && state !== 'denied' && state !== 'prompt') throw new Error(`${command}: unknown state`);
      const page = session.browser.getPage(session.id);
      const origin = new URL(page.url()).origin;
      await page.browserContext().setPermission(origin, { permission: { name: 'notifications' }, state });
      return true;
    },
  };
}

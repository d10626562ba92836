// Web Test Runner plugin: Windows high contrast for a test page. @web/test-runner-commands'
// emulateMedia drops `forcedColors` under Puppeteer, so this sets the media feature through the
// DevTools protocol (Emulation.setEmulatedMedia). Command (via executeServerCommand):
//   carnet-forced-colors   { active: boolean } → true
/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function forcedColorsPlugin() {
  /** One DevTools session per page, kept so the emulation lasts until switched off. */
  const sessions = new WeakMap();
  return {
    name: 'carnet-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'carnet-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('carnet-forced-colors needs Chromium (Puppeteer)');
      const page = session.browser.getPage(session.id);
      let client = sessions.get(page);
      if (!client) {
        client = await page.createCDPSession();
        sessions.set(page, client);
      }
      const active = Boolean(payload && typeof payload === 'object' && payload.active);
      await client.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}

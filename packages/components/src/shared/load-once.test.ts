import { expect } from '../test-helpers/fixture.js';
import { loadOnce } from './load-once.js';

describe('loadOnce (code loaded on demand)', () => {
  it('imports once for every caller and keeps the module', async () => {
    let imports = 0;
    const load = loadOnce(async () => {
      imports += 1;
      return { answer: 42 };
    });
    expect(load.loaded).to.equal(undefined);
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).to.equal(second);
    expect(await load()).to.equal(first);
    expect(load.loaded).to.equal(first);
    expect(imports).to.equal(1);
  });

  it('tries again after a failed load instead of failing forever', async () => {
    let imports = 0;
    const load = loadOnce(async () => {
      imports += 1;
      if (imports === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { answer: 42 };
    });
    let failure: unknown;
    await load().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    expect(load.loaded).to.equal(undefined);
    expect((await load()).answer).to.equal(42);
    expect(imports).to.equal(2);
  });
});

import { expect } from '../test-helpers/fixture.js';
import { defineElement } from './define.js';
import type { CarnetElementConstructor } from './define.js';
import { CARNET_VERSION } from './version.js';
import '../provider/provider.js';

function elementClass(version: string): CarnetElementConstructor {
  return class extends HTMLElement {
    static readonly carnetVersion = version;
  };
}

let tagCounter = 0;
function freshTag(): string {
  tagCounter += 1;
  return `carnet-define-test-${Date.now().toString(36)}-${tagCounter}`;
}

describe('defineElement', () => {
  let warnings: string[];
  let originalWarn: typeof console.warn;

  beforeEach(() => {
    warnings = [];
    originalWarn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
  });

  afterEach(() => {
    console.warn = originalWarn;
  });

  it('defines a free tag with the given class', () => {
    const tag = freshTag();
    const ctor = elementClass(CARNET_VERSION);
    defineElement(tag, ctor);
    expect(customElements.get(tag)).to.equal(ctor);
    expect(document.createElement(tag)).to.be.instanceOf(ctor);
  });

  it('does nothing, silently, when the same version already defined the tag', () => {
    const tag = freshTag();
    const first = elementClass(CARNET_VERSION);
    defineElement(tag, first);
    expect(() => defineElement(tag, elementClass(CARNET_VERSION))).not.to.throw();
    expect(() => defineElement(tag, first)).not.to.throw();
    expect(customElements.get(tag)).to.equal(first);
    expect(warnings).to.deep.equal([]);
  });

  it('warns once, naming both versions, when another version defined the tag', () => {
    const tag = freshTag();
    const first = elementClass('0.0.9');
    defineElement(tag, first);
    expect(() => defineElement(tag, elementClass('1.2.3'))).not.to.throw();
    expect(() => defineElement(tag, elementClass('1.2.3'))).not.to.throw();
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(tag).and.contain('0.0.9').and.contain('1.2.3');
    expect(customElements.get(tag)).to.equal(first);
  });

  it('does not throw when the class is already registered under another tag', () => {
    const ctor = elementClass(CARNET_VERSION);
    defineElement(freshTag(), ctor);
    const secondTag = freshTag();
    expect(() => defineElement(secondTag, ctor)).not.to.throw();
    expect(customElements.get(secondTag)).to.equal(undefined);
    expect(warnings).to.have.length(1);
  });

  it('registers carnet-provider with the current Carnet version', () => {
    const registered = customElements.get('carnet-provider') as CarnetElementConstructor | undefined;
    expect(registered?.carnetVersion).to.equal(CARNET_VERSION);
    expect(() => defineElement('carnet-provider', elementClass('9.0.0'))).not.to.throw();
    expect(warnings.join('\n')).to.contain(CARNET_VERSION).and.contain('9.0.0');
  });
});

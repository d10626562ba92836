/**
 * The contract every Carnet widget keeps for the states around its data (see
 * `shared/states.ts` and `shared/data-loader.controller.ts`), as one suite run
 * against every widget (`shared/states.contract.test.ts`):
 * - loading: while the record is being read, a busy region that says what loads,
 *   and `:state(loading)`;
 * - error: when reading fails, a sentence in plain words announced as an alert
 *   (never the error's own text, which may hold details), `:state(error)`, and a
 *   Retry button that reads again — by keyboard — once the fault is gone;
 * - empty: with nothing to show, a calm statement and `:state(empty)`, never a blank widget.
 */
import { StorageError, createLocalDataSource } from '@carnet/catalog-sdk';
import type { DataSource } from '@carnet/catalog-sdk';
import { activate, PATIENCE } from './dialog-contract.js';
import { deleteTestDatabases, uniqueDbName } from './databases.js';
import { expect, fixtureSync, html, waitUntil } from './fixture.js';
import '../provider/provider.js';

/** How the reads of a `FaultySource` answer. */
export type ReadMode = 'answer' | 'fail' | 'hang';

/** A real local data source whose every asynchronous call can be made to fail or to hang. */
export interface FaultySource {
  readonly source: DataSource;
  mode: ReadMode;
  /** Asynchronous calls made while failing or hanging. */
  readonly faultedCalls: number;
}

/** Text of the error injected by `fail`: it must never reach the page. */
export const HIDDEN_DETAIL = 'détail-interne-7f3a';

/**
 * Wraps every method of `real` and of each of its repositories: a call whose real
 * answer is a promise fails (`fail`) or never settles (`hang`) while `mode` says so;
 * synchronous calls (subscriptions…) and `close` always reach the real source.
 */
export function faultySource(real: DataSource): FaultySource {
  const state = { mode: 'answer' as ReadMode, faultedCalls: 0 };
  const wrappers = new WeakMap<object, object>();

  const wrapFunction = (fn: (...args: unknown[]) => unknown, owner: object) =>
    function (this: unknown, ...args: unknown[]): unknown {
      const result = fn.apply(owner, args);
      if (state.mode === 'answer' || !(result instanceof Promise)) return result;
      state.faultedCalls += 1;
      result.catch(() => undefined);
      if (state.mode === 'hang') return new Promise(() => undefined);
      return Promise.reject(new StorageError(HIDDEN_DETAIL));
    };

  const wrap = <T extends object>(target: T, depth: number): T => {
    const known = wrappers.get(target);
    if (known) return known as T;
    const proxy = new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property, object);
        if (property === 'close' || typeof property === 'symbol') {
          return typeof value === 'function' ? (value as () => unknown).bind(object) : value;
        }
        if (typeof value === 'function') return wrapFunction(value as (...args: unknown[]) => unknown, object);
        if (value !== null && typeof value === 'object' && depth < 1) return wrap(value, depth + 1);
        return value;
      },
    });
    wrappers.set(target, proxy);
    return proxy;
  };

  return {
    source: wrap(real, 0),
    get mode() {
      return state.mode;
    },
    set mode(mode: ReadMode) {
      state.mode = mode;
    },
    get faultedCalls() {
      return state.faultedCalls;
    },
  };
}

/** One widget, as the contract mounts it. */
export interface StatesContractCase {
  /** The element's tag, e.g. `carnet-agenda`. */
  tag: string;
  /** Provider attributes it needs (e.g. a pathology for the forum). */
  pathology?: 'diabetes' | 'parkinson' | 'kidney';
  /**
   * What the widget shows with an empty local record, when that is not the empty
   * state: `null` when the widget keeps its working layout with nothing in it
   * (e.g. an agenda's empty month), else the `:state()` expected.
   */
  emptyState?: string | null;
  /**
   * False when a local record has nothing for the widget to read (e.g. the access
   * history, kept by the platform only): the loading and error cases then do not apply,
   * and the empty case checks that the widget says so.
   */
  readsLocalRecord?: boolean;
}

function shadowOf(host: Element): ShadowRoot {
  if (!host.shadowRoot) throw new Error(`${host.localName} has no shadow root`);
  return host.shadowRoot;
}

function mount(testCase: StatesContractCase, source: DataSource): HTMLElement {
  const provider = fixtureSync<HTMLElement & { dataSource?: DataSource; pathology?: string }>(
    html`<carnet-provider></carnet-provider>`,
  );
  provider.pathology = testCase.pathology;
  provider.dataSource = source;
  const widget = document.createElement(testCase.tag);
  provider.append(widget);
  return widget;
}

function visibleText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Runs the states contract against one widget. */
export function statesContract(testCase: StatesContractCase): void {
  describe(`<${testCase.tag}> states contract`, () => {
    const opened: DataSource[] = [];
    const localSource = (): DataSource => {
      const source = createLocalDataSource({ dbName: uniqueDbName(`states-${testCase.tag}`) });
      opened.push(source);
      return source;
    };

    afterEach(async () => {
      for (const source of opened.splice(0)) source.close();
      await deleteTestDatabases();
    });

    const reads = testCase.readsLocalRecord !== false;

    if (reads)
      it('loading: a busy region that says what is loading, while the record is being read', async () => {
        const faulty = faultySource(localSource());
        faulty.mode = 'hang';
        const widget = mount(testCase, faulty.source);
        await waitUntil(() => shadowOf(widget).querySelector('[part="loading"]'), 'loading state shown', PATIENCE);
        const loading = shadowOf(widget).querySelector('[part="loading"]') as HTMLElement;
        expect(loading.getAttribute('role')).to.equal('status');
        expect(loading.getAttribute('aria-busy')).to.equal('true');
        expect(visibleText(loading), 'names what is loading').to.match(/\S{3,}/);
        expect(widget.matches(':state(loading)')).to.equal(true);
      });

    if (reads)
      it('error: a plain sentence announced as an alert, no detail, and Retry by keyboard reads again', async () => {
        const faulty = faultySource(localSource());
        faulty.mode = 'fail';
        const widget = mount(testCase, faulty.source);
        await waitUntil(() => shadowOf(widget).querySelector('[part="error"]'), 'error state shown', PATIENCE);
        const error = shadowOf(widget).querySelector('[part="error"]') as HTMLElement;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(visibleText(error).length, 'a sentence').to.be.greaterThan(15);
        expect(shadowOf(widget).textContent ?? '').not.to.contain(HIDDEN_DETAIL);
        expect(widget.matches(':state(error)')).to.equal(true);

        faulty.mode = 'answer';
        const retry = shadowOf(widget).querySelector<HTMLButtonElement>('[part="retry"]');
        expect(retry, 'a Retry button').not.to.equal(null);
        await activate(retry as HTMLButtonElement);
        await waitUntil(
          () => !widget.matches(':state(error)') && !widget.matches(':state(loading)'),
          'read again',
          PATIENCE,
        );
        expect(shadowOf(widget).querySelector('[part="error"]')).to.equal(null);
      });

    it('empty: never a blank widget with an empty record', async () => {
      const widget = mount(testCase, localSource());
      await waitUntil(
        () => !widget.matches(':state(loading)') && shadowOf(widget).childElementCount > 0,
        'loaded',
        PATIENCE,
      );
      const expected = testCase.emptyState === undefined ? 'empty' : testCase.emptyState;
      if (expected !== null)
        await waitUntil(() => widget.matches(`:state(${expected})`), `:state(${expected})`, PATIENCE);
      if (expected === 'empty') {
        expect(widget.matches(':state(empty)')).to.equal(true);
        const empty = shadowOf(widget).querySelector('[part="empty"]');
        expect(empty, 'an empty statement').not.to.equal(null);
        expect(visibleText(empty as Element)).to.match(/\S{5,}/);
      }
      expect(visibleText(shadowOf(widget) as unknown as Element)).to.match(/\S{5,}/);
    });
  });
}

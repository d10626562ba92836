import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dialysisSessions, type DataSource, type DialysisMoment, type Pathology } from '@carnet/catalog-sdk';
import { DataLoader } from '../shared/data-loader.controller.js';
import type { CarnetLocale } from '../shared/localization.js';
import { KidneyEntryController } from './kidney-entry.controller.js';
import type { KidneyData } from './kidney-view.model.js';

/** What the kidney tracker needs from its element. */
export interface KidneyTrackerHost {
  source(): DataSource | undefined;
  pathology(): Pathology;
  locale(): CarnetLocale;
  saved(what: { weight: boolean; pressure: boolean; ids: string[] }): void;
  /** Focuses the first field the form refused. */
  focusProblem(): void;
}

const DAY = 86_400_000;

/**
 * The kidney tracker's data and entry: weights and blood pressures of the last
 * 30 days, dialysis sessions of the agenda (two weeks back, one day ahead).
 */
export class KidneyTrackerController implements ReactiveController {
  readonly data: DataLoader<KidneyData | null, readonly [DataSource | undefined, Pathology]>;
  readonly entry: KidneyEntryController;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: KidneyTrackerHost,
  ) {
    host.addController(this);
    this.data = new DataLoader(host, {
      args: () => [options.source(), options.pathology()] as const,
      load: ([source, pathology], signal) => {
        if (!source) return undefined;
        if (pathology !== 'kidney') return Promise.resolve(null);
        if (!source.trackers) return Promise.reject(new Error('This data source keeps no measurements'));
        return this.read(source, signal);
      },
    });
    this.entry = new KidneyEntryController(host, {
      source: options.source,
      locale: options.locale,
      now: () => new Date(),
      saved: (what) => {
        options.saved(what);
        void this.data.reload();
      },
    });
  }

  hostConnected(): void {}

  private async read(source: DataSource, signal: AbortSignal): Promise<KidneyData> {
    const now = Date.now();
    const range = { from: new Date(now - 30 * DAY).toISOString(), to: new Date(now + 60_000).toISOString(), signal };
    const [weights, pressures, events] = await Promise.all([
      source.trackers!.list('weight', range),
      source.trackers!.list('bloodPressure', range),
      source.agenda.list({ signal }),
    ]);
    const sessions = dialysisSessions(events, { start: new Date(now - 14 * DAY), end: new Date(now + DAY) });
    return { weights, pressures, sessions };
  }

  readonly onAdd = (): void => this.entry.open(this.data.data?.sessions ?? []);
  readonly onClose = (): void => this.entry.close();
  readonly onMoment = (moment: DialysisMoment): void => this.entry.chooseMoment(moment);
  readonly onSession = (event: Event): void => this.entry.chooseSession((event.target as HTMLSelectElement).value);
  readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.entry.submit(event.target as HTMLFormElement).then((saved) => {
      if (!saved) this.options.focusProblem();
    });
  };
}

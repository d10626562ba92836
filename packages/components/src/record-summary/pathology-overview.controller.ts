import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataSource, DialysisSession, GlucoseTargets, Pathology } from '@carnet/catalog-sdk';
import { DataLoader } from '../shared/data-loader.controller.js';
import { loadOnce } from '../shared/load-once.js';
import type { GlucoseGlance, SessionGain, TodayDoses, YesterdayMotor } from './pathology-overview.data.js';

// The reads (and the SDK's recurrence and dose expansion they use) load with the first overview,
// in their own chunk: a summary without a condition never downloads them.
const overviewData = loadOnce(() => import('./pathology-overview.data.js'));

/** What the overview depends on, read from the element at every update. */
export interface OverviewSettings {
  source(): DataSource | undefined;
  pathology(): Pathology | undefined;
  /** Changes when the record changed underneath: everything is read again. */
  revision(): unknown;
  /** The glucose targets agreed with the doctor (mg/dL). */
  targets(): GlucoseTargets;
}

/** A load of one overview item. */
export type OverviewLoader<T> = DataLoader<T, readonly unknown[]>;

/**
 * The overview of the patient's condition: one load per item, so that an item whose
 * read fails shows its own error and Retry while the others stay shown. Only the items
 * of the current pathology read anything.
 *
 * One more item (e.g. yesterday's « off » periods from the motor-state diary) is one more
 * loader here, a read in `pathology-overview.data.ts` and a glance in the template.
 */
export class PathologyOverviewController implements ReactiveController {
  /** Kidney failure: the next dialysis session of the agenda. */
  readonly nextDialysis: OverviewLoader<DialysisSession | null>;
  /** Kidney failure: the latest weight gain between two sessions. */
  readonly weightGain: OverviewLoader<SessionGain | null>;
  /** Diabetes: the latest values and the seven days' time in range. */
  readonly glucose: OverviewLoader<GlucoseGlance | null>;
  /** Parkinson's disease: today's doses and their states. */
  readonly todayDoses: OverviewLoader<TodayDoses>;
  /** Parkinson's disease: yesterday's « off » periods in the motor-state diary. */
  readonly yesterdayMotor: OverviewLoader<YesterdayMotor | null>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settings: OverviewSettings,
  ) {
    host.addController(this);
    this.nextDialysis = this.item('kidney', async (source, signal) =>
      (await overviewData()).loadNextDialysis(source, { signal }),
    );
    this.weightGain = this.item('kidney', async (source, signal) =>
      (await overviewData()).loadLastWeightGain(source, { signal }),
    );
    this.glucose = this.item(
      'diabetes',
      async (source, signal) =>
        (await overviewData()).loadGlucoseGlance(source, { signal, targets: settings.targets() }),
      () => {
        const { low, high } = settings.targets();
        return [low, high];
      },
    );
    this.todayDoses = this.item('parkinson', async (source, signal) =>
      (await overviewData()).loadTodayDoses(source, { signal, pathology: 'parkinson' }),
    );
    this.yesterdayMotor = this.item('parkinson', async (source, signal) =>
      (await overviewData()).loadYesterdayMotor(source, { signal }),
    );
  }

  private readonly items: { pathology: Pathology; loader: OverviewLoader<unknown> }[] = [];

  hostConnected(): void {}

  /** Reads the current condition's items again. */
  async reload(): Promise<void> {
    const pathology = this.settings.pathology();
    await Promise.all(this.items.filter((item) => item.pathology === pathology).map((item) => item.loader.reload()));
  }

  /** A load that reads only under `pathology`, again when the source, the record or `more()` change. */
  private item<T>(
    pathology: Pathology,
    read: (source: DataSource, signal: AbortSignal) => Promise<T>,
    more: () => readonly unknown[] = () => [],
  ): OverviewLoader<T> {
    const { settings } = this;
    const loader = new DataLoader<T, readonly unknown[]>(this.host, {
      args: () => [settings.source(), settings.pathology(), settings.revision(), ...more()],
      load: ([source, current], signal) =>
        source && current === pathology ? read(source as DataSource, signal) : undefined,
    });
    this.items.push({ pathology, loader });
    return loader;
  }
}

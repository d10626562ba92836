/** Pure shaping of dialysis weights and blood pressures for the kidney tracker (no DOM). */
import {
  interdialyticGains,
  type BloodPressureReading,
  type DialysisSession,
  type WeightReading,
} from '@carnet/catalog-sdk';

/** What the kidney tracker reads. */
export interface KidneyData {
  weights: WeightReading[];
  pressures: BloodPressureReading[];
  /** Dialysis sessions of the last two weeks and the next day, oldest first. */
  sessions: DialysisSession[];
}

/** One session as shown: weights, gain since the previous session, over the limit or not. */
export interface SessionRow {
  session: DialysisSession;
  before?: number;
  after?: number;
  gain?: number;
  overLimit: boolean;
}

/** Everything the kidney tracker shows. */
export interface KidneyView {
  /** Past sessions, most recent first. */
  rows: SessionRow[];
  /** The latest gain known, with its session. */
  lastGain?: SessionRow;
  /** Blood pressures, most recent first. */
  pressures: BloodPressureReading[];
  chart: { width: number; height: number; points: { x: number; y: number; kg: number; moment: 'before' | 'after' }[] };
}

const WIDTH = 600;
const HEIGHT = 200;

/** Builds the view; `limit` is the gain the nephrologist allows (kg), when given. */
export function kidneyView(data: KidneyData, options: { now: Date; limit?: number }): KidneyView {
  const gains = new Map(interdialyticGains(data.weights).map((entry) => [entry.session, entry]));
  const past = data.sessions.filter((session) => Date.parse(session.start) <= options.now.getTime());
  const rows = past
    .map((session) => {
      const entry = gains.get(session.start);
      const row: SessionRow = {
        session,
        overLimit: options.limit !== undefined && entry?.gain !== undefined && entry.gain > options.limit,
      };
      if (entry?.before !== undefined) row.before = entry.before;
      if (entry?.after !== undefined) row.after = entry.after;
      if (entry?.gain !== undefined) row.gain = entry.gain;
      return row;
    })
    .reverse();
  const lastGain = rows.find((row) => row.gain !== undefined);
  const kgs = data.weights.filter((weight) => weight.moment).map((weight) => weight.kg);
  const min = Math.floor(Math.min(...kgs, 1000) - 1);
  const max = Math.ceil(Math.max(...kgs, 0) + 1);
  const start = Date.parse(past[0]?.start ?? options.now.toISOString()) - 86_400_000;
  const end = options.now.getTime();
  const points = data.weights
    .filter((weight) => weight.moment && Date.parse(weight.at) >= start)
    .map((weight) => ({
      x: Math.round((40 + ((Date.parse(weight.at) - start) / Math.max(1, end - start)) * (WIDTH - 48)) * 10) / 10,
      y: Math.round((10 + ((max - weight.kg) / Math.max(1, max - min)) * (HEIGHT - 30)) * 10) / 10,
      kg: weight.kg,
      moment: weight.moment === 'before-dialysis' ? ('before' as const) : ('after' as const),
    }));
  return {
    rows,
    ...(lastGain ? { lastGain } : {}),
    pressures: [...data.pressures].reverse(),
    chart: { width: WIDTH, height: HEIGHT, points },
  };
}

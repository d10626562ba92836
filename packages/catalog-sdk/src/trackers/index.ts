/** Pathology trackers: glucose arithmetic, meter exports, dialysis, the Parkinson motor diary. @module */
export * from './glucose.js';
export * from './meter-csv.js';
export * from './dialysis.js';
export * from './motor-diary.js';

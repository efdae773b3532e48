/** Library entry: the pieces a host application composes. */
export { openRuntime, type Runtime } from './app/runtime.js';
export { runTick } from './worker/tick.js';
export { loadConfig, parseConfig, type AppConfig } from './config.js';
export { handler, fetchHandler } from './serverless.js';
export type * from './domain/types.js';

export { createGoogleEmulator, ALL_ROUTES, type GoogleEmulator, type GoogleEmulatorControl, type GoogleEmulatorOptions } from './emulator.js';
export { serveGoogleEmulator, type ServedGoogleEmulator } from './serve.js';
export { seedGoogleEmulator, toGoogleEvent, type SeededGoogleAccount } from './seed.js';
export type { FaultRule } from './faults.js';
export type { GoogleEmulatorState, GEvent, StoredMessage, MeetParticipant } from './state.js';

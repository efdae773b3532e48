// Worker-thread entry: tsx's loader is registered here (a worker does not inherit --import), then the TS worker runs.
import { register } from 'tsx/esm/api';

register();
await import('./fuzz-worker.ts');

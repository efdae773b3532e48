import type { Command } from 'commander';
import type { EmulatedFamilyName } from '../demo/emulated-reps.js';
import type { ServedFamily } from './emulate-start.js';
import { loadOptional } from './optional.js';
import { parsePort, untilStopped } from './provider-commands.js';

/**
 * The options every `followup emulate <family>` shares: demo reps, a written config, fault rules
 * and latency. The server answers the control plane under /__emulator (faults, state, stats).
 */
export interface EmulateOptions {
  port: string;
  user?: string[];
  demoReps?: string;
  writeConfig?: string;
  faults?: string;
  latencyMs?: string;
}

export function addEmulateOptions(cmd: Command): Command {
  return cmd
    .option('--demo-reps <n>', 'seed N reps (rep0@northwind.example …), each with its own copy of the demo scenario')
    .option('--write-config <file>', 'write a followup.yaml whose accounts point at the emulator (SQLite store beside it)')
    .option('--faults <file>', 'fault rules (JSON list) to start with; more can be POSTed to /__emulator/faults')
    .option('--latency-ms <ms>', 'delay every answer by this many milliseconds');
}

/**
 * What `followup emulate google` and `followup emulate microsoft` share once their options are
 * read: start the controlled emulator (loaded only now, see src/cli/optional.ts), let the family
 * print its own lines (address, how to point an account at it, users) and make what tests get,
 * print the start-up lines, then hand it to `onReady` (tests) or serve until Ctrl-C.
 */
export async function serveEmulator<S extends { close(): Promise<void> }>(input: {
  family: EmulatedFamilyName;
  /** Named when the emulators are not installed ("the Google emulator"). */
  what: string;
  opts: EmulateOptions;
  graphDefaults?: { deviceCodeAutoApprove?: string | null };
  print: (line: string) => void;
  announce: (controlled: ServedFamily) => S;
  onReady?: ((served: S) => void | Promise<void>) | undefined;
}): Promise<void> {
  const port = parsePort(input.opts.port);
  const { startEmulate } = await loadOptional(() => import('./emulate-start.js'), input.what);
  const { served: controlled, lines } = await startEmulate(input.family, input.opts, port, input.graphDefaults);
  const served = input.announce(controlled);
  for (const line of lines) input.print(line);
  if (input.onReady) {
    await input.onReady(served);
    return;
  }
  await untilStopped();
  await served.close();
}

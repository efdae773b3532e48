import type { Command } from 'commander';

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

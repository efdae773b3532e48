import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { googleFamily, graphFamily, parseFaultRulesText, serveControlled, type ControlledServer, type EmulatorFamily, type FaultRule } from '../emulators/control/index.js';
import { seedDemoReps, writeEmulatedWorkspace, type EmulatedFamilyName } from '../demo/emulated-reps.js';
import type { GoogleEmulator } from '../emulators/google/emulator.js';
import type { GraphEmulator } from '../emulators/microsoft/index.js';

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

function count(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > max) throw new Error(`${flag} "${value}" must be a whole number from 0 to ${max}.`);
  return Number(value);
}

function readFaults(file: string | undefined): FaultRule[] {
  if (!file) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read the fault rules file ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path.`);
  }
  return parseFaultRulesText(text, file);
}

export type ServedFamily = ControlledServer<EmulatorFamily & { emulator: GoogleEmulator | GraphEmulator }>;

/** Starts the controlled emulator, seeds demo reps and writes the config; returns the lines to print. */
export async function startEmulate(family: EmulatedFamilyName, opts: EmulateOptions, port: number, graphDefaults: { deviceCodeAutoApprove?: string | null } = {}): Promise<{ served: ServedFamily; lines: string[] }> {
  const reps = count(opts.demoReps, '--demo-reps', 500);
  const latencyMs = count(opts.latencyMs, '--latency-ms', 600_000);
  if (opts.writeConfig && !reps) throw new Error('--write-config needs --demo-reps N (the accounts it writes are those reps).');
  const faults = readFaults(opts.faults);
  const served = (await serveControlled<EmulatorFamily & { emulator: GoogleEmulator | GraphEmulator }>(
    (url) => (family === 'google' ? googleFamily() : graphFamily(url, graphDefaults)),
    { port, host: '127.0.0.1', faults, ...(latencyMs ? { latencyMs } : {}) },
  )) as ServedFamily;
  const lines: string[] = [];
  try {
    if (reps) {
      const seeded = await seedDemoReps({ family, emulator: served.family.emulator, reps, now: new Date() });
      lines.push(`Seeded ${reps} rep(s): ${seeded.scenarios.map((s) => s.rep.email).join(', ')}.`);
      if (opts.writeConfig) {
        lines.push(...(await writeEmulatedWorkspace({ family, url: served.url, configPath: resolve(opts.writeConfig), seeded })));
      }
    }
  } catch (err) {
    await served.close();
    throw err;
  }
  if (faults.length) lines.push(`${faults.length} fault rule(s) loaded from ${opts.faults}.`);
  lines.push(`Control: POST ${served.url}/__emulator/faults, GET ${served.url}/__emulator/state, GET ${served.url}/__emulator/stats.`);
  return { served, lines };
}

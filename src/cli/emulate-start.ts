import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { googleFamily, graphFamily, parseFaultRulesText, serveControlled, type ControlledServer, type EmulatorFamily, type FaultRule } from '../emulators/control/index.js';
import { seedDemoReps, writeEmulatedWorkspace, type EmulatedFamilyName } from '../demo/emulated-reps.js';
import type { GoogleEmulator } from '../emulators/google/emulator.js';
import type { GraphEmulator } from '../emulators/microsoft/index.js';
import type { EmulateOptions } from './emulate-command.js';

/**
 * Starting `followup emulate`: the emulators, the demo seeding and the config writer. Loaded only
 * when the command runs (src/cli/optional.ts), since production installs leave the emulators out.
 */

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

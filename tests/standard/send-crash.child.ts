/**
 * A worker process for tests/standard/send-crash.test.ts (not a test itself).
 * argv: <config> <now ISO> <step>
 * Runs one real tick and SIGKILLs itself the moment the sender logs `step` (appended,
 * submitting, accepted, confirmed): a kill at that exact point of a send, as a crash would.
 */
import { openRuntime } from '../../src/app/runtime.js';
import { createLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';

const [configPath, nowIso, killAt] = process.argv.slice(2);
if (!configPath || !nowIso || !killAt) throw new Error('usage: send-crash.child.ts <config> <now> <step>');

const logger = createLogger({
  level: 'debug',
  destination: {
    write(line: string) {
      if ((JSON.parse(line) as { step?: string }).step === killAt) process.kill(process.pid, 'SIGKILL');
    },
  },
});
const runtime = await openRuntime({ config: configPath, logger });
await runTick(await runtime.context(new Date(nowIso)));
await runtime.close();
process.stdout.write('finished without reaching the step\n');

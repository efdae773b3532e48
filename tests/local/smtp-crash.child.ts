/**
 * A worker process for tests/local/smtp-crash.test.ts (not a test itself).
 * argv: <config> <now ISO> <step> <nth>
 * Runs one real tick and SIGKILLs itself the nth time the SMTP sender logs `step` (copied,
 * submitting, accepted, confirmed): a kill at that exact point of a send, as a crash would.
 */
import { openRuntime } from '../../src/app/runtime.js';
import { createLogger } from '../../src/log.js';
import { runTick } from '../../src/worker/tick.js';

const [configPath, nowIso, killAt, nthArg] = process.argv.slice(2);
if (!configPath || !nowIso || !killAt) throw new Error('usage: smtp-crash.child.ts <config> <now> <step> [nth]');
const nth = Number(nthArg ?? '1');
let seen = 0;

const logger = createLogger({
  level: 'debug',
  destination: {
    write(line: string) {
      if ((JSON.parse(line) as { step?: string }).step === killAt && ++seen === nth) process.kill(process.pid, 'SIGKILL');
    },
  },
});
const runtime = await openRuntime({ config: configPath, logger });
await runTick(await runtime.context(new Date(nowIso)));
await runtime.close();
process.stdout.write('finished without reaching the step\n');

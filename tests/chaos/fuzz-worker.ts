import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { parseRawEmail } from '../../src/mail/parse-mime.js';
import { silentLogger } from '../../src/log.js';
import { VdirCalendarAdapter } from '../../src/providers/local/vdir-calendar.adapter.js';
import { VdirClient } from '../../src/providers/local/vdir.client.js';

/**
 * Runs one fuzzed input through a parser as the worker does, in a worker thread the test can
 * terminate when the input takes longer than its budget:
 *  - ics: the file alone in a calendar folder, read by the vdir adapter (a full sync over ten years);
 *  - mime: parseRawEmail, named after the input.
 * Answers {ok, problems} or {threw}. Never decides; the test does.
 */
export interface FuzzJob {
  kind: 'ics' | 'mime';
  name: string;
  bytes: Uint8Array;
}
export type FuzzAnswer = { ok: true; problems: { where: string; message: string }[] } | { ok: false; threw: string; stack: string };

const root = mkdtempSync(join(tmpdir(), 'followup-fuzz-'));
let n = 0;
const notSent = { send: async () => Promise.reject(new Error('the fuzzer sends nothing')), findSent: async () => null };

async function run(job: FuzzJob): Promise<FuzzAnswer> {
  try {
    if (job.kind === 'mime') {
      await parseRawEmail(Buffer.from(job.bytes), job.name);
      return { ok: true, problems: [] };
    }
    const dir = join(root, `c${n++}`);
    mkdirSync(dir);
    writeFileSync(join(dir, job.name), job.bytes);
    const adapter = new VdirCalendarAdapter({
      calendarId: 'fuzz',
      client: new VdirClient(dir),
      floatingZone: 'Europe/Berlin',
      repEmail: 'rep@fuzz.example',
      sender: notSent as never,
      now: () => new Date('2026-06-01T12:00:00Z'),
      logger: silentLogger(),
    });
    const result = await adapter.sync({ cursor: null, window: { start: new Date('2020-01-01T00:00:00Z'), end: new Date('2030-01-01T00:00:00Z') } });
    rmSync(dir, { recursive: true, force: true });
    return { ok: true, problems: (result.problems ?? []).map((p) => ({ where: p.where, message: p.message })) };
  } catch (err) {
    return { ok: false, threw: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? (err.stack ?? '') : '' };
  }
}

parentPort!.on('message', (job: FuzzJob) => {
  void run(job).then((answer) => parentPort!.postMessage(answer));
});

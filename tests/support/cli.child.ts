/**
 * The followup command in its own process, from the sources (bin/followup.js runs the build):
 * for tests that must see the real exit status, or kill a run that hangs.
 */
import { main } from '../../src/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`followup: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);

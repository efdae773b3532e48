// The real followup CLI (src/cli/main.ts) as its own process, through tsx: what the chaos suite runs and kills.
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

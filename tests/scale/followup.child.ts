// The real CLI in its own process (through tsx), for the multi-process scale-out tests.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

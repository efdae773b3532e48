import { Command, CommanderError } from 'commander';
import { registerDraftCommands } from './drafts-command.js';
import { registerOpsCommands } from './ops-command.js';
import { registerRunCommands, RunHadProblems } from './run-command.js';
import { registerExtraCommands } from './extra-commands.js';
import { registerStatsCommand } from './stats-command.js';
import { registerPreventCommands } from './prevent-command.js';
import { registerSessionsCommands } from './sessions-command.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('followup')
    .description('Makes sure a sales rep never drops the ball with a prospect.')
    .option('--config <file>', 'config file (default: $FOLLOWUP_CONFIG, ./followup.yaml, then ./demo/followup.yaml)')
    .option('--now <iso>', 'run as if at this time (previews, reproducible runs)')
    .option('--verbose', 'print JSON logs on stderr')
    .showHelpAfterError('(run `followup --help` for every command)')
    .exitOverride();
  registerRunCommands(program);
  registerDraftCommands(program);
  registerOpsCommands(program);
  registerPreventCommands(program);
  registerExtraCommands(program);
  registerStatsCommand(program);
  registerSessionsCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof RunHadProblems) {
      console.error(`followup: ${err.message}`);
      return err.exitCode;
    }
    console.error(`followup: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

import { Command, CommanderError } from 'commander';
import { RunHadProblems } from './run-outcome.js';

type Register = (program: Command) => void;

/**
 * Each module of commands and the top-level commands it adds (several may add subcommands to one,
 * as ops and prevent do to `prospects`), in registration order. A command line names its command,
 * so only that command's module is loaded: `run --once` does not load the drafts, stats, reply or
 * provider commands (README, "A lean package"). `--help`, `help` and an unknown command load all.
 * tests/cli/lazy-commands.test.ts checks this table against what each module registers.
 */
export const COMMAND_MODULES: readonly { commands: readonly string[]; load: () => Promise<Register> }[] = [
  { commands: ['run', 'serve', 'demo', 'init'], load: async () => (await import('./run-command.js')).registerRunCommands },
  { commands: ['drafts'], load: async () => (await import('./drafts-command.js')).registerDraftCommands },
  { commands: ['meetings', 'prospects', 'templates', 'outbox', 'accounts', 'status'], load: async () => (await import('./ops-command.js')).registerOpsCommands },
  { commands: ['calls', 'prospects', 'suppressions'], load: async () => (await import('./prevent-command.js')).registerPreventCommands },
  { commands: ['reply', 'auth', 'emulate'], load: async () => (await import('./extra-commands.js')).registerExtraCommands },
  { commands: ['stats'], load: async () => (await import('./stats-command.js')).registerStatsCommand },
  { commands: ['sessions'], load: async () => (await import('./sessions-command.js')).registerSessionsCommands },
];

/** Global options that take a value (the command name is the first word that is not an option or its value). */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--config', '--now']);

/** The command a command line names, or null (none, or only options such as --help). */
export function commandNamed(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1] ?? null;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return null;
}

/** The program with every command (`command` given and known: with that command's modules only). */
export async function buildProgram(command: string | null = null): Promise<Command> {
  const program = new Command();
  program
    .name('followup')
    .description('Makes sure a sales rep never drops the ball with a prospect.')
    .option('--config <file>', 'config file (default: $FOLLOWUP_CONFIG, ./followup.yaml, then ./demo/followup.yaml)')
    .option('--now <iso>', 'run as if at this time (previews, reproducible runs)')
    .option('--verbose', 'print JSON logs on stderr')
    .showHelpAfterError('(run `followup --help` for every command)')
    .exitOverride();
  const known = command !== null && COMMAND_MODULES.some((m) => m.commands.includes(command));
  const modules = known ? COMMAND_MODULES.filter((m) => m.commands.includes(command)) : COMMAND_MODULES;
  for (const register of await Promise.all(modules.map((m) => m.load()))) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(commandNamed(argv));
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

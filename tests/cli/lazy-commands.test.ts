import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_MODULES, commandNamed } from '../../src/cli/main.js';

/**
 * The CLI loads only the module of the command it is given (start-up, README "A lean package").
 * The table in src/cli/main.ts says which module adds which top-level command: if a module gains a
 * command the table does not list, that command would be unknown when named directly.
 */
const names = (program: Command) => program.commands.flatMap((c) => [c.name(), ...c.aliases()]).sort();

describe('the command table', () => {
  it.each(COMMAND_MODULES.map((m, i) => [i, m] as const))('module %i adds exactly the commands it lists', async (_i, m) => {
    const program = new Command();
    (await m.load())(program);
    expect(names(program)).toEqual([...m.commands].sort());
  });

  it('every command of the whole program is named in the table', async () => {
    const all = names(await buildProgram());
    expect(all.length).toBeGreaterThan(15);
    expect(all).toEqual([...new Set(COMMAND_MODULES.flatMap((m) => m.commands))].sort());
  });

  it('a named command builds the program with its modules only, with all their subcommands', async () => {
    expect(names(await buildProgram('run'))).toEqual(['demo', 'init', 'run', 'serve']);
    const prospects = (await buildProgram('prospects')).commands.find((c) => c.name() === 'prospects')!;
    const full = (await buildProgram()).commands.find((c) => c.name() === 'prospects')!;
    expect(prospects.commands.map((c) => c.name()).sort()).toEqual(full.commands.map((c) => c.name()).sort());
    expect(prospects.commands.map((c) => c.name())).toEqual(expect.arrayContaining(['list', 'timeline', 'next']));
  });

  it('an unknown command or none builds the whole program (help, suggestions)', async () => {
    const all = names(await buildProgram());
    expect(names(await buildProgram('runn'))).toEqual(all);
    expect(names(await buildProgram(null))).toEqual(all);
  });
});

describe('commandNamed', () => {
  it('skips the global options and their values', () => {
    expect(commandNamed(['--config', 'run', 'drafts', 'list'])).toBe('drafts');
    expect(commandNamed(['--now', '2026-11-23T15:00:00Z', '--verbose', 'run', '--once'])).toBe('run');
    expect(commandNamed(['--config=x.yaml', 'stats', '--json'])).toBe('stats');
    expect(commandNamed(['--help'])).toBeNull();
    expect(commandNamed([])).toBeNull();
    expect(commandNamed(['--', 'accounts'])).toBe('accounts');
  });
});

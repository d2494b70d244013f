import { CommanderError, type Command } from 'commander';

/**
 * Parse the argv of an eval runner and run it: exit 0 after --help/--version, 2 on a usage error (commander has
 * printed the reason) or on an error the run throws (printed as `<name>: <message>`); docs/eval.md's exit codes.
 */
export function runEvalCli(program: Command, name: string): void {
  program.parseAsync(process.argv).catch((err: unknown) => {
    if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
    process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  });
}

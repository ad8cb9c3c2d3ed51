/** The `dossier` command: headless access to core, the mock portal and the web host. */
import { UsageError, type Command } from './command';
import { consoleCommand } from './commands/console';
import { extractCommand } from './commands/extract';
import { findCommand } from './commands/find';
import { importCommand } from './commands/import';
import { inspectCommand } from './commands/inspect';
import { libraryCommand } from './commands/library';
import { ocrCommand } from './commands/ocr';
import { portalCommand } from './commands/portal';
import { phoneCommand } from './commands/phone';
import { smsParseCommand } from './commands/sms-parse';
import { downloadFoldersCommand } from './commands/download-folders';
import { walkthroughCommand } from './commands/walkthrough';
import { webCommand } from './commands/web';

const commands: Command[] = [portalCommand, webCommand, phoneCommand, consoleCommand, walkthroughCommand, smsParseCommand, extractCommand, importCommand, libraryCommand, downloadFoldersCommand, inspectCommand, findCommand, ocrCommand];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: dossier <command> [options]',
    '',
    'Dossier Desk (卷宗台) from the command line.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `dossier <command> --help` for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`dossier: unknown command '${name}' (see dossier --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`dossier ${name}: ${message.split('\n')[0]}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

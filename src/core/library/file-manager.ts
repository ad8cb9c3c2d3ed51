/** Default host actions for dossier files: show a folder in the OS file manager, open a file with its app, move to the trash. */
import { spawn } from 'node:child_process';
import { AppError } from '../../shared/errors';

function revealCommand(path: string): { command: string; args: string[]; verbatim: boolean } {
  if (process.platform === 'darwin') return { command: 'open', args: ['-R', path], verbatim: false };
  // explorer wants `/select,"path"` as one argument, quoted its own way.
  if (process.platform === 'win32') return { command: 'explorer', args: [`/select,"${path}"`], verbatim: true };
  return { command: 'xdg-open', args: [path], verbatim: false };
}

/** Opens the file manager on `path` (detached: it outlives us); fails clearly when the command is missing. */
export function revealInFileManager(path: string): Promise<void> {
  const { command, args, verbatim } = revealCommand(path);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: verbatim });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new AppError(
          'INTERNAL',
          error.code === 'ENOENT' ? `无法打开文件管理器：找不到命令 ${command}` : `无法打开文件管理器：${error.message}`,
        ),
      );
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

function openCommand(path: string): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [path] };
  // explorer opens a file with the app Windows associates with its type.
  if (process.platform === 'win32') return { command: 'explorer', args: [path] };
  return { command: 'xdg-open', args: [path] };
}

/** Opens the file at `path` (absolute) with the OS's default app for it: the path is an argument, never shell text. */
export function openInDefaultApp(path: string): Promise<void> {
  const { command, args } = openCommand(path);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(new AppError('INTERNAL', error.code === 'ENOENT' ? `无法打开文件：找不到命令 ${command}` : `无法打开文件：${error.message}`));
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** Moves `path` to the system trash with the `trash` package (no desktop session needed on Linux). */
export async function moveToTrash(path: string): Promise<void> {
  const { default: trash } = await import('trash');
  await trash(path, { glob: false });
}

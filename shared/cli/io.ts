/**
 * What a command may touch: its output streams, a progress line, and input
 * reading with French errors. Commands never call `process` directly, so tests
 * run them with in-memory streams.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { PasserelleError, type ProgressListener } from '../parcours';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Progress line on a terminal; does nothing when stderr is piped. */
  progress: ProgressListener;
  /** Clears the progress line before final output. */
  endProgress(): void;
  readStdin(): Promise<Buffer>;
  env: Record<string, string | undefined>;
  /** Asks a question on the terminal without echo (passphrases); undefined when not interactive. */
  askSecret?(question: string): Promise<string>;
}

/** Largest input file the command line accepts, to fail clearly instead of exhausting memory. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export async function readInput(path: string, io: CliIO): Promise<Buffer> {
  if (path === '-') return io.readStdin();
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new PasserelleError(
      'input/not-found',
      `fichier introuvable : vérifiez le chemin « ${path} ».`,
      { file: path },
    );
  }
  if (info.isDirectory()) {
    throw new PasserelleError(
      'input/directory',
      `« ${path} » est un dossier : indiquez un fichier.`,
      { file: path },
    );
  }
  if (info.size > MAX_INPUT_BYTES) {
    throw new PasserelleError(
      'input/too-large',
      `le fichier fait ${Math.round(info.size / 1024 / 1024)} Mo, au-delà de la limite de ${MAX_INPUT_BYTES / 1024 / 1024} Mo : découpez-le.`,
      { file: path },
    );
  }
  return readFile(path);
}

export function nodeIO(): CliIO {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progress: ({ done, total, step }) => {
      if (!tty) return;
      const share = total ? ` ${Math.floor((done / total) * 100)} %` : '';
      const count = total ? ` (${done}/${total})` : ` (${done})`;
      process.stderr.write(`\r\x1b[2K${step}${share}${count}`);
      shown = true;
    },
    endProgress: () => {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > MAX_INPUT_BYTES) {
          throw new PasserelleError(
            'input/too-large',
            'l’entrée standard dépasse la limite de 512 Mo : passez par un fichier plus petit.',
          );
        }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    },
    env: process.env,
    askSecret: process.stdin.isTTY ? askSecretOnTerminal : undefined,
  };
}

async function askSecretOnTerminal(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  let answer = '';
  try {
    for await (const chunk of stdin) {
      for (const char of (chunk as Buffer).toString('utf8')) {
        if (char === '\r' || char === '\n') return answer;
        if (char === '\u0003') throw new PasserelleError('cli/cancelled', 'saisie annulée.');
        if (char === '\u007f') answer = answer.slice(0, -1);
        else answer += char;
      }
    }
    return answer;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    stderr.write('\n');
  }
}

/** Writes next to the target then renames: a failed run never leaves half a file, and the previous one stays whole. */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new PasserelleError(
      'cli/write',
      `impossible d’écrire « ${path} » : vérifiez le dossier et l’espace disque. Le fichier précédent est intact.`,
      { file: path },
      [],
      { cause: error },
    );
  }
}

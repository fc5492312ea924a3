/** An in-memory `CliIO`: runs a command without a terminal and keeps what it printed. */
import type { CliIO } from '../../shared/cli';

export function memoryIO(env: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    progress: () => {},
    endProgress: () => {},
    readStdin: async () => Buffer.from(stdin),
    env,
  };
  return { io, out: () => out.join('\n'), err: () => err.join('\n') };
}

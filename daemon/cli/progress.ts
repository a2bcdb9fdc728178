/**
 * Progress for long operations, on stderr and only when stderr is a
 * terminal: a script capturing output, and every --json run, sees none.
 */

export interface Progress {
  /** Replaces the current progress line. */
  step(text: string): void;
  /** Clears the line; call before printing anything else to the terminal. */
  done(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): boolean;
}

const CLEAR_LINE = '\r\x1b[K';

export const silentProgress: Progress = { step: () => {}, done: () => {} };

export function createProgress(stream: ProgressStream, json: boolean): Progress {
  if (json || stream.isTTY !== true) return silentProgress;
  let shown = false;
  return {
    step(text) {
      stream.write(`${CLEAR_LINE}${text}...`);
      shown = true;
    },
    done() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}

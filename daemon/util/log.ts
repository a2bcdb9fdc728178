/**
 * One line per event on stdout/stderr, `level component: message key=value`,
 * as journald expects. Callers pass facts, never secrets or message bodies.
 */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  error(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  debug(msg: string, fields?: LogFields): void;
  child(component: string): Logger;
}

export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

const stdSink: LogSink = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

function formatValue(v: string | number | boolean): string {
  const s = String(v);
  return /^[\w.:/@+-]*$/.test(s) && s.length > 0 ? s : JSON.stringify(s);
}

export function isLogLevel(s: string): s is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(s);
}

export function createLogger(opts: { level?: LogLevel; component?: string; sink?: LogSink } = {}): Logger {
  const level = opts.level ?? 'info';
  const sink = opts.sink ?? stdSink;
  const max = LOG_LEVELS.indexOf(level);
  const make = (component: string): Logger => {
    const emit = (lvl: LogLevel, msg: string, fields?: LogFields): void => {
      if (LOG_LEVELS.indexOf(lvl) > max) return;
      let line = `${lvl} ${component}: ${msg}`;
      if (fields) {
        for (const [k, v] of Object.entries(fields)) if (v !== undefined) line += ` ${k}=${formatValue(v)}`;
      }
      if (lvl === 'error' || lvl === 'warn') sink.err(line);
      else sink.out(line);
    };
    return {
      error: (m, f) => emit('error', m, f),
      warn: (m, f) => emit('warn', m, f),
      info: (m, f) => emit('info', m, f),
      debug: (m, f) => emit('debug', m, f),
      child: (c) => make(`${component}.${c}`),
    };
  };
  return make(opts.component ?? 'satcheld');
}

/** A logger that drops everything, for tests that assert on other outputs. */
export const silentLogger: Logger = createLogger({ sink: { out: () => {}, err: () => {} }, level: 'error' });

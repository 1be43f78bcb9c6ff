/**
 * A small structured logger: one JSON line per event. Callers pass ids and codes, never message
 * text, card values or anything a user typed, so no patient detail can reach the logs.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined | null>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields, error?: unknown): void;
  child(scope: string): Logger;
}

export type LogSink = (line: string) => void;

export function createLogger(level: LogLevel, sink: LogSink, scope = 'bot'): Logger {
  const write = (at: LogLevel, event: string, fields?: LogFields, error?: unknown): void => {
    if (ORDER[at] < ORDER[level]) {
      return;
    }
    const record: Record<string, unknown> = {
      time: new Date().toISOString(),
      level: at,
      scope,
      event,
      ...fields,
    };
    if (error instanceof Error) {
      record.error = error.message;
      record.errorName = error.name;
      record.stack = error.stack;
    } else if (error !== undefined) {
      record.error = typeof error === 'string' ? error : JSON.stringify(error);
    }
    sink(JSON.stringify(record));
  };
  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields, error) => write('error', event, fields, error),
    child: (child) => createLogger(level, sink, `${scope}.${child}`),
  };
}

export const silentLogger: Logger = createLogger('error', () => undefined);

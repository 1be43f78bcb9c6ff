/**
 * A small structured logger: one JSON line per event. Callers pass ids and codes, never message
 * text, card values or anything a user typed, so no patient detail can reach the logs.
 */
import { findAppError } from './errors';

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

/**
 * What of an error may be logged. A library's message can quote what a user typed (a JSON
 * parser shows the text it choked on, a validator the value it refused), so only our own coded
 * errors keep their message; for any other error the log gets its name and its stack frames
 * without the message line.
 */
function describeError(error: unknown): Record<string, unknown> {
  if (error === undefined) {
    return {};
  }
  if (!(error instanceof Error)) {
    return { errorName: typeof error };
  }
  const appError = findAppError(error);
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
  return {
    errorName: error.name,
    ...(appError ? { errorCode: appError.code, error: appError.message } : {}),
    ...(frames ? { stack: frames } : {}),
  };
}

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
    Object.assign(record, describeError(error));
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

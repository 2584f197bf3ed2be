/**
 * Where core and adapters report what a user may need to diagnose: index builds, skipped files,
 * settings problems, errors. The editor backs it with the "Tech Spec" log output channel; the CLI
 * with stderr; tests with an array.
 */
export interface Logger {
  trace(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

/** A logger that drops everything, for callers that have nowhere to report. */
export const silentLogger: Logger = {
  trace: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Keeps every line in memory, prefixed by its level: for tests and for the CLI's summary. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  trace(message: string): void {
    this.lines.push(`trace ${message}`);
  }
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string | Error): void {
    this.lines.push(`error ${typeof message === 'string' ? message : message.message}`);
  }
}

/** Fields of one log line; values must be JSON-serialisable. */
export type LogFields = Record<string, unknown>;

/** Structured logging for the Lambda functions: one JSON object per line, which CloudWatch Logs Insights can query. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A logger writing JSON lines to stdout/stderr, tagged with the function's name. */
export function jsonLogger(
  service: string,
  write: (line: string) => void = (line) => {
    process.stdout.write(`${line}\n`);
  },
): Logger {
  const log =
    (level: string) =>
    (message: string, fields: LogFields = {}) =>
      write(JSON.stringify({ level, service, message, timestamp: new Date().toISOString(), ...fields }));
  return { info: log("INFO"), warn: log("WARN"), error: log("ERROR") };
}

/** A logger that keeps its lines, for tests. */
export function memoryLogger(): Logger & { readonly lines: LogFields[] } {
  const lines: LogFields[] = [];
  const logger = jsonLogger("test", (line) => {
    lines.push(JSON.parse(line) as LogFields);
  });
  return Object.assign(logger, { lines });
}

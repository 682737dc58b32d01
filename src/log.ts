import pino from 'pino';

/** JSON logs by default, pretty in a TTY; secrets never reach the output. */
export function createLogger(name = 'tinflow') {
  const pretty = process.stdout.isTTY && process.env.TINFLOW_LOG_FORMAT !== 'json';
  return pino({
    name,
    level: process.env.TINFLOW_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
    redact: {
      // Sink locations are logged already redacted (redactSinkUrl); these are the raw secrets.
      paths: ['token', '*.token', 'password', '*.password', 'authorization', '*.authorization', 'headers.authorization', 'databaseUrl', '*.databaseUrl'],
      censor: '[redacted]',
    },
    transport: pretty ? { target: 'pino-pretty', options: { colorize: true, destination: 2 } } : undefined,
  }, pretty ? undefined : pino.destination(2));
}

export type Logger = ReturnType<typeof createLogger>;

import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigSchema, type Config, type ResolvedSource } from '../schemas/config.ts';

/** A config file that cannot be used. The CLI prints the message and exits 2. */
export class ConfigError extends Error {
  readonly exitCode = 2;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function describeIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const where = formatPath(issue.path) || '(top level)';
    return `  ${where}: ${issue.message}`;
  });
  return `${file}: invalid config\n${lines.join('\n')}`;
}

export function parseConfig(text: string, file = '<config>'): Config {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) throw new ConfigError(`${file}: YAML syntax error: ${doc.errors[0].message}`);
  const result = ConfigSchema.safeParse(doc.toJS() ?? {});
  if (!result.success) throw new ConfigError(describeIssues(file, result.error));
  return result.data;
}

export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read config (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return parseConfig(text, file);
}

/** Fold the defaults into each source so stages never merge settings themselves. */
export function resolveSources(config: Config): Map<string, ResolvedSource> {
  const d = config.defaults;
  const out = new Map<string, ResolvedSource>();
  for (const s of config.sources) {
    out.set(s.id, {
      ...s,
      timezone: s.timezone ?? d.timezone,
      rateLimit: s.rateLimit ?? d.rateLimit,
      userAgent: s.userAgent ?? d.userAgent,
      allowPrivateNetworks: s.allowPrivateNetworks ?? d.allowPrivateNetworks,
      respectRobots: s.respectRobots ?? d.respectRobots,
      dedupe: { ...d.dedupe, ...(s.dedupe ?? {}) },
      fetch: d.fetch,
      robotsCacheSeconds: d.robotsCacheSeconds,
      maxCrawlDelaySeconds: d.maxCrawlDelaySeconds,
    });
  }
  return out;
}

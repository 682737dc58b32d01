import { SinkUrlError } from './errors.ts';

export type SinkTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'jsonl'; path: string }
  | { kind: 'postgres'; connectionString: string; schema: string; poolSize: number };

// At most 48 characters: the NOTIFY channel "tinflow:<schema>" must stay under 64 bytes.
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,47}$/;
const DEFAULT_POOL_SIZE = 5;

function filePath(url: string, rest: string): string {
  // Tolerate the URL-looking spelling sqlite:///abs/path or sqlite://./rel.
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (!path) throw new SinkUrlError(url, 'the path is empty');
  return path;
}

function parsePostgres(url: string): SinkTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SinkUrlError(redactSinkUrl(url), 'not a valid URL');
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) throw new SinkUrlError(redactSinkUrl(url), 'the host is missing');
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new SinkUrlError(redactSinkUrl(url), `schema "${schema}" must be a plain identifier (letters, digits, _; at most 48)`);
  }
  const poolParam = parsed.searchParams.get('pool');
  const poolSize = poolParam === null ? DEFAULT_POOL_SIZE : Number(poolParam);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 100) {
    throw new SinkUrlError(redactSinkUrl(url), `pool=${poolParam} must be an integer from 1 to 100`);
  }
  // Our own parameters mean nothing to the server: strip them before connecting.
  parsed.searchParams.delete('schema');
  parsed.searchParams.delete('pool');
  return { kind: 'postgres', connectionString: parsed.toString(), schema, poolSize };
}

export function parseSinkUrl(url: string): SinkTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith('sqlite:')) return { kind: 'sqlite', path: filePath(url, trimmed.slice('sqlite:'.length)) };
  if (trimmed.startsWith('jsonl:')) return { kind: 'jsonl', path: filePath(url, trimmed.slice('jsonl:'.length)) };
  if (/^postgres(ql)?:\/\//.test(trimmed)) return parsePostgres(trimmed);
  throw new SinkUrlError(redactSinkUrl(url), 'unknown scheme');
}

/** The URL with any password replaced by ***, safe for logs and error messages. */
export function redactSinkUrl(url: string): string {
  try {
    const parsed = new URL(url);
    let changed = false;
    if (parsed.password) {
      parsed.password = '***';
      changed = true;
    }
    if (parsed.searchParams.has('password')) {
      parsed.searchParams.set('password', '***');
      changed = true;
    }
    if (changed) return parsed.toString();
  } catch {
    // Not a URL: fall through to the textual redaction below.
  }
  return url.replace(/(\/\/[^:/@\s]*):[^@/\s]*@/, '$1:***@').replace(/([?&]password=)[^&\s]*/i, '$1***');
}

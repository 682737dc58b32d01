import type { ReadableStream } from 'node:stream/web';

/** The value of one sample in Prometheus text, or undefined when the series is absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.keys(labels).length !== Object.keys(have).length) continue;
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

/** Reads server-sent events from a fetch body until `count` events arrived or timeoutMs passed. */
export async function readEvents(body: ReadableStream, count: number, timeoutMs = 5000): Promise<{ id?: string; data: string }[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: { id?: string; data: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (events.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (!chunk || chunk.done) break;
      buffer += decoder.decode(chunk.value as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = block.split('\n').filter((l) => l && !l.startsWith(':'));
        const data = fields.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        const id = fields.find((l) => l.startsWith('id: '))?.slice(4);
        if (data) events.push({ id, data });
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return events;
}

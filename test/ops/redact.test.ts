import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/ops/redact.ts';

describe('redactUrl', () => {
  it('hides passwords and token-like query values, keeps the rest', () => {
    expect(redactUrl('postgres://tinflow:s3cret@db:5432/news?schema=tf')).toBe('postgres://tinflow:***@db:5432/news?schema=tf');
    expect(redactUrl('/admin/queues?token=abc&tab=failed')).toBe('/admin/queues?token=***&tab=failed');
    expect(redactUrl('/records?since=czoxMg&limit=5')).toBe('/records?since=czoxMg&limit=5');
    expect(redactUrl('https://x.example.vn/?password=p&api_key=k')).toBe('https://x.example.vn/?password=***&api_key=***');
    expect(redactUrl('redis://:pw@127.0.0.1:6379')).toBe('redis://:***@127.0.0.1:6379');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { FetchError, Fetcher, isBlockedAddress } from '../../src/fetch/index.ts';
import { metrics } from '../../src/ops/metrics.ts';
import { connectRedis, deleteKeys, rejection, startServer, testPrefix, testSource, type TestServer } from './helpers.ts';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
    '100.64.0.1', '100.127.255.254', '0.0.0.0', '224.0.0.1', '255.255.255.255',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe',
    'not-an-ip',
  ])('refuses %s', (ip) => expect(isBlockedAddress(ip)).toBe(true));

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '203.113.131.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'allows %s',
    (ip) => expect(isBlockedAddress(ip)).toBe(false),
  );
});

describe('SSRF guard on real connections', () => {
  let redis: Redis;
  let fetcher: Fetcher;
  let entry: TestServer; // trusted: stands in for a public site
  let internal: TestServer; // what an attacker wants us to reach
  const prefix = testPrefix('ssrf');

  beforeAll(async () => {
    redis = connectRedis();
    internal = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>secret</html>'));
    entry = await startServer((req, res) => {
      const to = req.url?.match(/^\/go\?(.*)$/)?.[1];
      if (to) res.writeHead(302, { location: decodeURIComponent(to) }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<html>public</html>');
    });
    fetcher = new Fetcher({ redis, prefix, trustedHosts: [entry.host] });
  });

  afterAll(async () => {
    await fetcher.close();
    await Promise.all([entry.close(), internal.close()]);
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  const guarded = testSource({ allowPrivateNetworks: false });

  const refused = async (url: string, source = guarded) => {
    const err = (await rejection(() => fetcher.fetch({ url, source, kind: 'article' }))) as FetchError;
    expect(err).toBeInstanceOf(FetchError);
    expect(err.reason).toBe('ssrf-blocked');
    expect(err.permanent).toBe(true);
    return err;
  };

  it('refuses private IP literals before any request, robots included', async () => {
    const before = (await metrics.ssrfRefused.get()).values.reduce((n, v) => n + v.value, 0);
    await refused(internal.url('/'));
    await refused(internal.url('/'), testSource({ allowPrivateNetworks: false, respectRobots: true }));
    await refused(`http://[::1]:${internal.port}/`);
    await refused(`http://[::ffff:127.0.0.1]:${internal.port}/`);
    // Numeric spellings of 127.0.0.1 that URL parsing normalizes.
    await refused(`http://2130706433:${internal.port}/`);
    await refused(`http://0177.0.0.1:${internal.port}/`);
    expect(internal.hits).toHaveLength(0);
    const after = (await metrics.ssrfRefused.get()).values.reduce((n, v) => n + v.value, 0);
    expect(after - before).toBe(6);
  });

  it('checks the resolved address of a hostname (localhost), robots fetch included', async () => {
    await refused(`http://localhost:${internal.port}/page`);
    await refused(`http://localhost:${internal.port}/page`, testSource({ allowPrivateNetworks: false, respectRobots: true }));
    expect(internal.hits).toHaveLength(0);
  });

  it('checks every redirect hop: a public page redirecting inside is refused', async () => {
    const ok = await fetcher.fetch({ url: entry.url('/'), source: guarded, kind: 'article' });
    expect(ok.body).toContain('public');
    for (const target of [internal.url('/admin'), `http://localhost:${internal.port}/admin`, 'http://169.254.169.254/latest/meta-data/']) {
      await refused(entry.url(`/go?${encodeURIComponent(target)}`));
    }
    expect(internal.hits).toHaveLength(0);
  });

  it('lets private addresses through when the source allows private networks', async () => {
    const page = await fetcher.fetch({ url: entry.url(`/go?${encodeURIComponent(internal.url('/x'))}`), source: testSource({ allowPrivateNetworks: true }), kind: 'article' });
    expect(page.body).toContain('secret');
    expect(internal.hits).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { getDomain, getDomainWithoutSuffix, getHostname } from 'tldts';
import { domainParts } from '../../src/urls/domain.ts';

describe('domainParts', () => {
  it('answers as the separate tldts calls do, asked again or not', () => {
    for (const url of ['https://www.nhandan.vn/a.html', 'https://baophapluat.vn/x', 'http://127.0.0.1:8080/p', 'https://user.github.io/x', 'not a url', 'https://www.nhandan.vn/a.html']) {
      const parts = domainParts(url);
      expect(parts.hostname).toBe(getHostname(url));
      expect(parts.domain).toBe(getDomain(url));
      expect(parts.domainWithoutSuffix).toBe(getDomainWithoutSuffix(url));
      expect(domainParts(url)).toBe(parts);
    }
  });
});

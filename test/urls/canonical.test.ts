import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isSameSite, urlKey } from '../../src/urls/canonical.ts';

describe('canonicalizeUrl', () => {
  it('lowercases scheme and host, keeps path case', () => {
    expect(canonicalizeUrl('HTTPS://VnExpress.NET/Thoi-Su/Bai-Viet-1.html')).toBe('https://vnexpress.net/Thoi-Su/Bai-Viet-1.html');
  });

  it('drops default ports and keeps other ports', () => {
    expect(canonicalizeUrl('https://example.com:443/a')).toBe('https://example.com/a');
    expect(canonicalizeUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalizeUrl('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1:8080/a');
  });

  it('drops the fragment and text fragments', () => {
    expect(canonicalizeUrl('https://example.com/a.html#comments')).toBe('https://example.com/a.html');
    expect(canonicalizeUrl('https://example.com/a.html#:~:text=gia%20vang')).toBe('https://example.com/a.html');
  });

  it('removes tracking parameters and keeps the others', () => {
    const url = 'https://example.com/a?utm_source=fb&utm_medium=social&fbclid=X1&gclid=Y&zarsrc=30&mc_cid=1&igshid=2&_ga=3&id=42';
    expect(canonicalizeUrl(url)).toBe('https://example.com/a?id=42');
    expect(canonicalizeUrl('https://example.com/a?UTM_Campaign=x')).toBe('https://example.com/a');
  });

  it('sorts the query', () => {
    expect(canonicalizeUrl('https://example.com/list?page=2&cat=kinh-te')).toBe('https://example.com/list?cat=kinh-te&page=2');
  });

  it('resolves relative links against a base', () => {
    expect(canonicalizeUrl('../kinh-te/bai-2.html', 'https://example.com/thoi-su/trang-1/')).toBe('https://example.com/thoi-su/kinh-te/bai-2.html');
    expect(canonicalizeUrl('//cdn.example.com/x', 'https://example.com/')).toBe('https://cdn.example.com/x');
    expect(canonicalizeUrl('?page=3', 'https://example.com/thoi-su?page=2')).toBe('https://example.com/thoi-su?page=3');
  });

  it('does not strip www, trailing slashes or directory indexes (they may be other resources)', () => {
    expect(canonicalizeUrl('https://www.example.com/thoi-su/')).toBe('https://www.example.com/thoi-su/');
    expect(canonicalizeUrl('https://example.com/index.html')).toBe('https://example.com/index.html');
    expect(canonicalizeUrl('https://example.com')).toBe('https://example.com/');
  });

  it('percent-encodes non-ASCII paths consistently', () => {
    expect(canonicalizeUrl('https://example.com/tin-tức/bài-1.html')).toBe(canonicalizeUrl('https://example.com/tin-t%E1%BB%A9c/b%C3%A0i-1.html'));
  });

  it('is idempotent', () => {
    const samples = [
      'https://Example.com:443/tin-tức/bài 1.html?b=2&a=tiếng việt&utm_source=x#c',
      'http://example.com/a//b/./c/../d?x&y=&z=1+2',
      'https://example.com/?',
      'https://example.com/path%2Fwith%2Fslashes?q=%26',
    ];
    for (const href of samples) {
      const once = canonicalizeUrl(href);
      expect(once, href).not.toBeNull();
      expect(canonicalizeUrl(once!), href).toBe(once);
    }
  });

  it('drops credentials', () => {
    expect(canonicalizeUrl('https://user:secret@example.com/a')).toBe('https://example.com/a');
  });

  it('returns null for non-http(s) and invalid URLs', () => {
    for (const bad of ['mailto:toa-soan@example.com', 'javascript:void(0)', 'ftp://example.com/a', 'tel:0123', 'http://', '', '   ', 'not a url']) {
      expect(canonicalizeUrl(bad), bad).toBeNull();
    }
    expect(canonicalizeUrl('#top', 'https://example.com/a')).toBe('https://example.com/a');
  });
});

describe('isSameSite', () => {
  it('compares registrable domains', () => {
    expect(isSameSite('https://vnexpress.net/a', 'https://e.vnexpress.net/b')).toBe(true);
    expect(isSameSite('https://tuoitre.vn/a', 'https://thanhnien.vn/a')).toBe(false);
    expect(isSameSite('https://a.example.co.uk/', 'https://b.example.co.uk/')).toBe(true);
    expect(isSameSite('https://example.co.uk/', 'https://other.co.uk/')).toBe(false);
  });

  it('compares IP hosts and localhost by hostname', () => {
    expect(isSameSite('http://127.0.0.1:8080/a', 'http://127.0.0.1:9090/b')).toBe(true);
    expect(isSameSite('http://127.0.0.1/a', 'http://127.0.0.2/a')).toBe(false);
    expect(isSameSite('not a url', 'not a url')).toBe(false);
  });
});

describe('urlKey', () => {
  it('is a stable 20-hex-char hash that differs between URLs', () => {
    const a = urlKey('https://example.com/a');
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(urlKey('https://example.com/a')).toBe(a);
    expect(urlKey('https://example.com/b')).not.toBe(a);
  });
});

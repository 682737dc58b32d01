import type { Element } from 'domhandler';
import { domainParts } from '../../urls/domain.ts';
import type { ExtractRules } from '../../schemas/config.ts';
import { documentElements } from '../metadata/dom.ts';
import { classAttribute, idAttribute, type Page } from '../page.ts';

/** Selectors of Vietnamese CMS template families, recognised by their markup. */
export const builtinRules = {
  /** nhandan.vn, baophapluat.vn, vietnamplus.vn */
  articleBem: {
    title: ['h1.article__title', '.article__title'],
    lead: ['.article__sapo'],
    body: ['.article__body'],
    author: ['.article__author .name', '.article__author'],
    tags: ['.article__tag a', '.article__tags a'],
    remove: ['.article__social', '.article__relate', '.box-related', '.article__footer .social', '.article__meta'],
  },
  /** tuoitre.vn, thanhnien.vn, baochinhphu.vn */
  detail: {
    title: ['h1.detail-title', '.detail-title'],
    lead: ['.detail-sapo', 'h2.sapo'],
    body: ['.detail-content', '.detail-cmain'],
    author: ['.detail-author .name', '.author-info .name', '.detail-author'],
    remove: ['.detail-content .relate-container', '.detail-content .VCSortableInPreviewMode[type="RelatedNews"]', '.detail-content .box-relate', '.detail-content [type="RelatedOneNews"]'],
  },
  /** baoquocte.vn, thoidai.com.vn (MasterCMS) */
  masterCms: {
    title: ['h1.article-detail-title', '.detail-title', 'h1'],
    lead: ['.__MASTERCMS_LEAD', '.detail-sapo', '.article-detail-desc', '.__MB_ARTICLE_SAPO'],
    body: ['.__MASTERCMS_CONTENT', '#__MB_MASTERCMS_EL_3', '.detail-content'],
    remove: ['.__MB_ARTICLE_A', '.__MB_YEUCAU', '.box-related', '.__MB_RELATED'],
  },
  /** vnexpress.net */
  vnexpress: {
    title: ['h1.title-detail'],
    lead: ['p.description'],
    body: ['article.fck_detail', '.fck_detail'],
    author: ['article.fck_detail p.author_mail strong', 'article.fck_detail p.Normal[style*="right"] strong', 'p.author_mail strong'],
    remove: ['.box-tinlienquanv2', '.box_brief_info', '.width_common.box-tinlienquan', '#box_comment_vne', '.list-news'],
  },
  /** baotintuc.vn */
  baotintuc: {
    title: ['h1.detail-title', 'h1'],
    lead: ['.boxdetail h2.sapo', 'h2.sapo', '.boxdetail .sapo'],
    body: ['.boxdetail .contents', '.detail-content'],
    remove: ['.boxdetail .relate', '.tinlienquan', '.related', '.box-news-other'],
  },
  /** biengioilanhtho.gov.vn (Ủy ban Biên giới quốc gia): table layout, *-news classes */
  biengioi: {
    title: ['h1.title-news', '.title-news'],
    lead: ['.summary-news'],
    body: ['.body-news'],
    date: ['.date-news'],
    section: ['.path a:last-child'],
    tags: ['.keyword-news a'],
    remove: ['.tool-news', '.other-news', '.keyword-news'],
  },
} satisfies Record<string, ExtractRules>;

const BY_DOMAIN: Record<string, ExtractRules> = {
  'nhandan.vn': builtinRules.articleBem,
  'baophapluat.vn': builtinRules.articleBem,
  'vietnamplus.vn': builtinRules.articleBem,
  'tuoitre.vn': builtinRules.detail,
  'thanhnien.vn': builtinRules.detail,
  'baochinhphu.vn': builtinRules.detail,
  'baoquocte.vn': builtinRules.masterCms,
  'thoidai.com.vn': builtinRules.masterCms,
  'vnexpress.net': builtinRules.vnexpress,
  'baotintuc.vn': builtinRules.baotintuc,
  'biengioilanhtho.gov.vn': builtinRules.biengioi,
};

/** Built-in rules for a known site, by registrable domain; undefined for other sites. */
export function rulesForUrl(url: string): ExtractRules | undefined {
  const { domain } = domainParts(url);
  return domain ? BY_DOMAIN[domain] : undefined;
}

const MARKERS = new Set([
  'article__body', 'fck_detail', 'title-detail', '__MASTERCMS_CONTENT', 'detail-content', 'detail-title', 'detail-sapo',
  'boxdetail', 'contents', 'body-news', 'title-news',
]);

const MARKER_WORD = new RegExp(`(?:^|\\s)(?:${[...MARKERS].join('|')})(?:\\s|$)`);

/** Which marker classes the page uses, from the cached element list (cheaper than a CSS query per family). */
function markers(elements: readonly Element[]): Set<string> {
  const found = new Set<string>();
  for (const el of elements) {
    if (el.type !== 'tag') continue;
    const cls = classAttribute(el);
    // One regex test per class attribute; only the rare hits are split into words.
    if (cls && MARKER_WORD.test(cls)) for (const c of cls.split(/\s+/)) if (MARKERS.has(c)) found.add(c);
    if (idAttribute(el)?.startsWith('__MB_MASTERCMS_EL_')) found.add('__MASTERCMS_CONTENT');
  }
  return found;
}

/**
 * The template family a page is built on, from its markup rather than its address, so
 * mirrors and sister sites on the same CMS get the same treatment.
 */
export function detectTemplate(page: Page): ExtractRules | undefined {
  const m = markers(documentElements(page));
  if (m.has('article__body')) return builtinRules.articleBem;
  if (m.has('fck_detail') && m.has('title-detail')) return builtinRules.vnexpress;
  if (m.has('__MASTERCMS_CONTENT')) return builtinRules.masterCms;
  if (m.has('detail-content') && (m.has('detail-title') || m.has('detail-sapo'))) return builtinRules.detail;
  if (m.has('boxdetail') && m.has('contents')) return builtinRules.baotintuc;
  if (m.has('body-news') && m.has('title-news')) return builtinRules.biengioi;
  return undefined;
}

import type { CheerioAPI } from 'cheerio/slim';
import { getDomain } from 'tldts';
import type { ExtractRules } from '../../schemas/config.ts';

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
  const domain = getDomain(url);
  return domain ? BY_DOMAIN[domain] : undefined;
}

/**
 * The template family a page is built on, from its markup rather than its address, so
 * mirrors and sister sites on the same CMS get the same treatment.
 */
export function detectTemplate($: CheerioAPI): ExtractRules | undefined {
  if ($('.article__body').length) return builtinRules.articleBem;
  if ($('.fck_detail').length && $('.title-detail').length) return builtinRules.vnexpress;
  if ($('.__MASTERCMS_CONTENT, [id^="__MB_MASTERCMS_EL_"]').length) return builtinRules.masterCms;
  if ($('.detail-content').length && $('.detail-title, .detail-sapo').length) return builtinRules.detail;
  if ($('.boxdetail .contents').length) return builtinRules.baotintuc;
  if ($('.body-news').length && $('.title-news').length) return builtinRules.biengioi;
  return undefined;
}

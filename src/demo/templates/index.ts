import type { SampleArticle } from '../articles.ts';
import type { ArticleRenderer } from './common.ts';
import { renderArticle as baophapluat } from './baophapluat.ts';
import { renderArticle as baotintuc } from './baotintuc.ts';
import { renderArticle as biengioilanhtho } from './biengioilanhtho.ts';
import { renderArticle as nhandan } from './nhandan.ts';
import { renderArticle as thoidai } from './thoidai.ts';

export type SiteStyle = 'nhandan' | 'baotintuc' | 'thoidai' | 'baophapluat' | 'biengioilanhtho';

export const siteStyles: SiteStyle[] = ['nhandan', 'baotintuc', 'thoidai', 'baophapluat', 'biengioilanhtho'];

export const renderers: Record<SiteStyle, ArticleRenderer> = { nhandan, baotintuc, thoidai, baophapluat, biengioilanhtho };

/** The outlet an article most plausibly comes from, by its agency credit. */
export function naturalStyle(a: SampleArticle): SiteStyle {
  switch (a.agency) {
    case 'NDO':
      return 'nhandan';
    case 'TTXVN':
      return 'baotintuc';
    case 'TG&VN':
      return 'thoidai';
    case 'PLVN':
    case 'Chinhphu.vn':
      return 'baophapluat';
    default:
      return 'biengioilanhtho';
  }
}

export type { ArticleRenderer, RenderContext, RenderOptions } from './common.ts';
export { articlePath, articleUrl, imagePath, sectionPath } from './common.ts';

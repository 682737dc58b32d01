/** Class/id hints and boilerplate wording used by the structural extractor. */

/** class/id words that mark page furniture rather than article text. */
export const NEGATIVE_HINT =
  /(^|[\s_-])(comment|comments|kommentar|binh-?luan|share|sharing|social|sns|sidebar|side-bar|widget|footer|foot|masthead|banner|advert|advertisement|ads?|adv|adsbygoogle|sponsor|sponsored|promo|promotion|newsletter|subscribe|signup|popup|modal|cookie|consent|gdpr|breadcrumbs?|pagination|pager|paging|related|relate|relatedposts|lienquan|tin-?lien-?quan|recommend|recommended|readmore|read-more|more-news|mostread|most-read|most-popular|popular|trending|docnhieu|tags?|tag-?list|keywords?|topics?|menu|navbar|nav|navigation|toolbar|tool|tools|print|rating|vote|author-box|authorbox|about-author|bio|disqus|jp-relatedposts|sharedaddy|outbrain|taboola|zalo|facebook|twitter|hidden|skip|login|search|header-top|top-bar|copyright|disclaimer|audio-player|player|video-list|box-news|tinkhac|other-news|same-cat|samecate|cung-chuyen-muc|xem-them|xemthem|box-tin|list-news|news-other|timeline)([\s_-]|$)/i;

/** class/id words that mark the article itself. */
export const POSITIVE_HINT =
  /(^|[\s_-])(article|articlebody|article-body|article-content|content|contents|entry|entry-content|post|post-content|post-body|postbody|story|story-body|body|main|main-content|text|detail|details|detail-content|fck_detail|news-content|singular|blog|page-content|td-post-content|field-body|rich-text|richtext|cms-body|maincontent|articletext|news-body|sapo|lead)([\s_-]|$)/i;

/** Matched against the whole class attribute of elements that are certainly not article text. */
export const CERTAIN_JUNK_HINT =
  /(^|[\s_-])(comments?|comment-list|commentlist|comment-respond|respond|share-?buttons?|social-?share|sharedaddy|jp-relatedposts|related-?posts?|yarpp|outbrain|taboola|disqus|newsletter|cookie|adsbygoogle|breadcrumbs?|sidebar)([\s_-]|$)/i;

const HEADING_WORDS = [
  // Vietnamese
  'tin liên quan', 'tin bài liên quan', 'bài liên quan', 'bài viết liên quan', 'cùng chuyên mục', 'tin cùng chuyên mục',
  'tin đọc nhiều', 'đọc nhiều', 'đọc nhiều nhất', 'xem nhiều', 'xem nhiều nhất', 'đọc thêm', 'xem thêm', 'các tin bài khác',
  'các tin khác', 'tin khác', 'tin mới', 'tin mới nhất', 'tin mới hơn', 'tin cũ hơn', 'bình luận', 'ý kiến bạn đọc', 'chia sẻ',
  'multimedia', 'tin nổi bật', 'có thể bạn quan tâm', 'bạn có thể quan tâm', 'tin tức liên quan', 'tin xem nhiều',
  'bài đọc nhiều', 'video liên quan', 'tin ảnh', 'tiêu điểm', 'gửi bình luận', 'viết bình luận', 'từ khóa', 'tags',
  // English
  'related', 'related articles', 'related posts', 'related stories', 'related news', 'related content', 'related links',
  'read more', 'read also', 'read next', 'more stories', 'more from', 'more news', 'most read', 'most popular', 'most viewed',
  'popular posts', 'recent posts', 'latest news', 'latest posts', 'trending', 'comments', 'comment', 'leave a reply',
  'leave a comment', 'share', 'share this', 'share this article', 'share this post', 'share this story', 'you may also like',
  'you might also like', 'recommended', 'recommended for you', 'see also', 'also read', 'further reading', 'join the discussion',
  'sign up for our newsletter', 'subscribe to our newsletter', 'like this', 'about the author',
  // German
  'lesen sie auch', 'lesen sie außerdem', 'lesen sie mehr', 'mehr zum thema', 'weitere artikel', 'weitere beiträge',
  'weitere meldungen', 'weitere nachrichten', 'kommentare', 'kommentar verfassen', 'kommentar schreiben', 'schreibe einen kommentar',
  'hinterlasse einen kommentar', 'ähnliche beiträge', 'ähnliche artikel', 'verwandte artikel', 'verwandte beiträge',
  'das könnte sie auch interessieren', 'das könnte dich auch interessieren', 'auch interessant', 'meistgelesen',
  'meistgelesene artikel', 'neueste beiträge', 'neueste artikel', 'beitrag teilen', 'artikel teilen', 'teilen',
  'teilen sie dies mit', 'teile dies', 'teilen mit', 'folgen sie uns', 'zum thema', 'passend zum thema', 'themen', 'schlagworte',
  'aktuelle beiträge', 'top-artikel', 'empfehlungen', 'über den autor', 'letzte beiträge', 'gefällt mir', 'verwandte themen',
  // French / Spanish / Italian / Portuguese
  'à lire aussi', 'a lire aussi', 'lire aussi', 'sur le même sujet', 'les plus lus', 'commentaires', 'partager', 'articles liés',
  'leer más', 'lee también', 'te puede interesar', 'noticias relacionadas', 'comentarios', 'compartir', 'más leídas',
  'leggi anche', 'articoli correlati', 'commenti', 'condividi', 'leia também', 'comentários', 'notícias relacionadas',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole heading text (already normalized) that opens a boilerplate block. */
export const BOILERPLATE_HEADING = new RegExp(
  `^(?:${HEADING_WORDS.map(escape).join('|')})(?:\\s*\\(\\d+\\))?\\s*[:»›>.…!]*$`,
  'iu',
);

/** Short single lines of page furniture that never belong to the body. */
export const JUNK_LINE =
  /^(?:print|drucken|in-?\s?druck|e-?mail|mail|facebook|twitter|x|linkedin|whatsapp|pinterest|telegram|zalo|tweet|share|teilen|chia sẻ|in bài|gửi bài|lưu|like|thích|theo dõi|follow|back to top|nach oben|zurück|zurück zur übersicht|top|weiter|weiterlesen|read more|xem thêm|\+\s*\d*|[0-9]+\s*(?:comments?|kommentare?|bình luận)?)$/iu;

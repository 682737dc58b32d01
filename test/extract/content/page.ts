/** A small article page around the given body markup, in the style of a Vietnamese news site. */
export function page(article: string, opts: { title?: string; head?: string; around?: boolean } = {}): string {
  const title = opts.title ?? 'Hội thảo quốc tế về hợp tác phát triển bền vững vùng biên giới';
  const around = opts.around ?? true;
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:title" content="${title}">${opts.head ?? ''}</head><body>
${around ? `<header><nav class="menu"><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/the-gioi">Thế giới</a> <a href="/kinh-te">Kinh tế</a></nav></header>` : ''}
<div class="wrapper"><div class="main-col">
<h1>${title}</h1>
${article}
</div>
${around ? `<div class="sidebar"><h3>Đọc nhiều</h3><ul><li><a href="/a1">Giá vàng hôm nay tăng mạnh trở lại sau nhiều phiên giảm</a></li><li><a href="/a2">Thời tiết cuối tuần: miền Bắc đón không khí lạnh</a></li></ul></div>` : ''}
</div>
${around ? `<footer class="footer"><p>Bản quyền thuộc về Báo Điện tử Mẫu. Địa chỉ: số 1 phố Ví Dụ, Hà Nội.</p></footer>` : ''}
</body></html>`;
}

// Invented sample paragraphs in the style of a Vietnamese news report.
export const P1 =
  'Sáng 12/3, tại Hà Nội, Ủy ban nhân dân tỉnh Ví Dụ phối hợp với các đối tác quốc tế tổ chức hội thảo về phát triển bền vững vùng biên giới, thu hút hơn 200 đại biểu tham dự.';
export const P2 =
  'Phát biểu khai mạc, Phó Chủ tịch tỉnh cho biết những năm qua, tỉnh đã chú trọng đầu tư hạ tầng giao thông, cửa khẩu và các dịch vụ hỗ trợ thương mại, tạo động lực cho kinh tế khu vực.';
export const P3 =
  'Các đại biểu đề xuất tăng cường kết nối chuỗi cung ứng nông sản, đẩy mạnh chuyển đổi số trong quản lý xuất nhập khẩu và nâng cao năng lực cho cán bộ cơ sở ở các xã biên giới.';
export const P4 =
  'Kết thúc hội thảo, ban tổ chức thống nhất sẽ tổng hợp ý kiến để kiến nghị các bộ, ngành liên quan xem xét, bổ sung cơ chế chính sách phù hợp trong giai đoạn tới.';

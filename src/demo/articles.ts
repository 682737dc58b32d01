import { slugify, toOldStyleTones } from './slug.ts';

/**
 * Invented Vietnamese foreign-affairs articles: the ground truth the demo site and
 * the extraction fixtures are rendered from. Names of officials are fictitious.
 */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; items: string[] };

export interface SampleImage {
  /** File name served under /images/. */
  file: string;
  /** Caption as the reader sees it, without the photo credit and without a final period. */
  caption: string;
  /** Photo credit without "Ảnh:", e.g. "TTXVN", "VGP/Hải Minh". */
  credit: string | null;
  /** Number of body blocks printed before the image (0 = right after the lead). */
  afterBlock: number;
}

export interface SampleArticle {
  slug: string;
  id: number;
  title: string;
  /** The sapo, without the agency prefix; null when the page has none. */
  lead: string | null;
  /** Shown before the lead, e.g. "NDO", "(PLVN)", "TTXVN", "(Chinhphu.vn)". */
  agencyPrefix: string | null;
  /** What the record's agency must be, e.g. "NDO", "PLVN", "TTXVN". */
  agency: string | null;
  blocks: Block[];
  images: SampleImage[];
  authors: string[];
  /** ISO 8601 with +07:00. */
  publishedAt: string;
  section: string;
  tags: string[];
  /** e.g. "TTXVN/Báo Tin tức", printed at the end of the body; not part of the body. */
  trailingCredit?: string;
}

const p = (text: string): Block => ({ kind: 'p', text });
const h2 = (text: string): Block => ({ kind: 'h2', text });
const quote = (text: string): Block => ({ kind: 'quote', text });
const list = (...items: string[]): Block => ({ kind: 'list', items });

type Draft = Omit<SampleArticle, 'slug'> & { slug?: string };
const article = (d: Draft): SampleArticle => ({ ...d, slug: d.slug ?? slugify(d.title) });

export const indonesiaTalks = article({
  id: 812345,
  title: 'Việt Nam và Indonesia nhất trí nâng kim ngạch thương mại song phương lên 18 tỷ USD',
  lead: 'Chiều 12/3, tại Hà Nội, Bộ trưởng Ngoại giao Lê Minh Khang đã hội đàm với Ngoại trưởng Indonesia Sari Wulandari nhân dịp chuyến thăm chính thức Việt Nam từ ngày 11 đến 13/3.',
  agencyPrefix: 'NDO',
  agency: 'NDO',
  blocks: [
    p('Hai Bộ trưởng vui mừng nhận thấy quan hệ Đối tác chiến lược toàn diện Việt Nam - Indonesia tiếp tục phát triển tốt đẹp trên nhiều lĩnh vực, nhất là chính trị - ngoại giao, kinh tế - thương mại và hợp tác biển. Năm 2025, kim ngạch thương mại hai chiều đạt gần 16 tỷ USD, tăng 9% so với năm trước.'),
    p('Bộ trưởng Lê Minh Khang đề nghị hai bên sớm hoàn tất các thủ tục để mở đường bay thẳng giữa Thành phố Hồ Chí Minh và Surabaya, tạo thuận lợi cho doanh nghiệp và du khách hai nước. Bộ trưởng cũng đề nghị phía Indonesia tiếp tục tạo điều kiện để cộng đồng người Việt Nam tại Indonesia sinh sống, làm việc ổn định.'),
    h2('Phối hợp chặt chẽ tại các diễn đàn khu vực'),
    p('Ngoại trưởng Sari Wulandari khẳng định Indonesia coi trọng vai trò của Việt Nam trong ASEAN và mong muốn hai nước tiếp tục phối hợp chặt chẽ để củng cố đoàn kết, vai trò trung tâm của Hiệp hội. Hai bên nhất trí thúc đẩy sớm hoàn tất Bộ Quy tắc ứng xử ở Biển Đông (COC) hiệu lực, thực chất, phù hợp với luật pháp quốc tế, trong đó có Công ước Liên hợp quốc về Luật Biển năm 1982.'),
    quote('Indonesia và Việt Nam không chỉ là láng giềng trên biển mà còn là những người bạn cùng chia sẻ tầm nhìn về một khu vực hòa bình, ổn định và thịnh vượng.'),
    p('Nhân dịp này, hai Bộ trưởng đã ký Kế hoạch hành động giai đoạn 2026-2030 triển khai quan hệ Đối tác chiến lược toàn diện, đồng thời thống nhất tổ chức kỳ họp tiếp theo của Ủy ban hỗn hợp về hợp tác song phương tại Jakarta vào nửa cuối năm nay.'),
  ],
  images: [
    { file: 'hoi-dam-viet-nam-indonesia.jpg', caption: 'Bộ trưởng Ngoại giao Lê Minh Khang hội đàm với Ngoại trưởng Indonesia Sari Wulandari', credit: 'Đăng Khoa', afterBlock: 0 },
    { file: 'ky-ke-hoach-hanh-dong-2026-2030.jpg', caption: 'Hai Bộ trưởng ký Kế hoạch hành động giai đoạn 2026-2030', credit: 'Đăng Khoa', afterBlock: 5 },
  ],
  authors: ['Thu Hà'],
  publishedAt: '2026-03-12T18:40:00+07:00',
  section: 'Thế giới',
  tags: ['Indonesia', 'Đối tác chiến lược toàn diện', 'ASEAN'],
});

export const aseanForeignMinisters = article({
  id: 20260307,
  title: 'Hội nghị Hẹp Bộ trưởng Ngoại giao ASEAN thống nhất các ưu tiên hợp tác năm 2026',
  lead: 'Ngày 6/3, tại Manila, Philippines, Hội nghị Hẹp Bộ trưởng Ngoại giao ASEAN (AMM Retreat) đã diễn ra với sự tham dự của Bộ trưởng Ngoại giao các nước thành viên và Tổng Thư ký ASEAN.',
  agencyPrefix: null,
  agency: 'TTXVN',
  blocks: [
    p('Phát biểu khai mạc, Bộ trưởng Ngoại giao Philippines, Chủ tịch hội nghị, nhấn mạnh năm 2026 có ý nghĩa quan trọng khi ASEAN bắt đầu triển khai Tầm nhìn Cộng đồng ASEAN 2045 cùng các kế hoạch chiến lược đi kèm. Các Bộ trưởng nhất trí rằng đoàn kết nội khối và vai trò trung tâm của ASEAN là nền tảng để Hiệp hội ứng phó hiệu quả với những biến động của tình hình quốc tế.'),
    p('Các Bộ trưởng đã thảo luận thực chất về phương hướng hợp tác trong năm, tập trung vào ba nhóm ưu tiên:'),
    list(
      'Đẩy mạnh kết nối kinh tế, chuyển đổi số và chuyển đổi xanh trong khu vực;',
      'Tăng cường hợp tác ứng phó với các thách thức an ninh phi truyền thống như thiên tai, dịch bệnh và tội phạm xuyên quốc gia;',
      'Củng cố quan hệ với các đối tác bên ngoài trên cơ sở cùng có lợi và tôn trọng vai trò trung tâm của ASEAN.',
    ),
    p('Phát biểu tại hội nghị, Bộ trưởng Lê Minh Khang đánh giá cao các ưu tiên mà Philippines đề xuất và khẳng định Việt Nam sẽ phối hợp chặt chẽ với nước Chủ tịch để triển khai hiệu quả các sáng kiến. Bộ trưởng đề nghị ASEAN tiếp tục hỗ trợ Timor-Leste thực hiện các cam kết với tư cách thành viên mới của Hiệp hội.'),
    p('Về tình hình Biển Đông, các Bộ trưởng nhấn mạnh tầm quan trọng của việc duy trì hòa bình, an ninh, ổn định, an toàn và tự do hàng hải, hàng không trong khu vực; kiềm chế, không có hành động làm phức tạp thêm tình hình và giải quyết tranh chấp bằng biện pháp hòa bình, phù hợp với luật pháp quốc tế.'),
    p('Bên lề hội nghị, Bộ trưởng Lê Minh Khang đã có các cuộc gặp song phương với Bộ trưởng Ngoại giao Malaysia, Singapore và Thái Lan để trao đổi về các biện pháp thúc đẩy quan hệ song phương.'),
  ],
  images: [{ file: 'amm-retreat-manila.jpg', caption: 'Các Bộ trưởng Ngoại giao ASEAN chụp ảnh chung tại hội nghị', credit: 'TTXVN', afterBlock: 1 }],
  authors: [],
  publishedAt: '2026-03-07T00:05:00+07:00',
  section: 'Thế giới',
  tags: ['ASEAN', 'AMM', 'Biển Đông'],
  trailingCredit: 'TTXVN/Báo Tin tức',
});

export const laosBorderCommission = article({
  id: 401125,
  title: 'Phiên họp lần thứ 15 Ủy ban liên hợp về biên giới Việt Nam - Lào',
  lead: null,
  agencyPrefix: null,
  agency: null,
  blocks: [
    p('Ngày 25/1, tại tỉnh Điện Biên, Ủy ban liên hợp về biên giới Việt Nam - Lào đã tổ chức Phiên họp lần thứ 15 dưới sự đồng chủ trì của Chủ nhiệm Ủy ban Biên giới quốc gia Việt Nam và Trưởng ban Biên giới quốc gia Lào.'),
    p('Tham dự phiên họp có đại diện các bộ, ngành liên quan và lãnh đạo các tỉnh có chung đường biên giới của hai nước. Phiên họp diễn ra trong không khí hữu nghị, thẳng thắn và tin cậy lẫn nhau.'),
    p('Hai bên đánh giá cao kết quả triển khai Hiệp định về Quy chế quản lý biên giới và cửa khẩu biên giới trên đất liền giữa hai nước. Trong năm qua, lực lượng chức năng hai bên đã phối hợp tuần tra song phương 126 lần, xử lý kịp thời các vụ việc phát sinh, góp phần giữ gìn an ninh, trật tự khu vực biên giới.'),
    p('Tại phiên họp, hai bên thống nhất kế hoạch tôn tạo, sửa chữa 37 cột mốc bị hư hỏng do thiên tai, đồng thời đẩy mạnh công tác tuyên truyền pháp luật về biên giới cho nhân dân hai bên biên giới.'),
    p('Hai Trưởng đoàn đã ký Biên bản Phiên họp và nhất trí tổ chức Phiên họp lần thứ 16 tại Lào vào năm 2027.'),
  ],
  images: [{ file: 'phien-hop-15-viet-lao.jpg', caption: 'Toàn cảnh Phiên họp lần thứ 15 Ủy ban liên hợp về biên giới Việt Nam - Lào', credit: null, afterBlock: 1 }],
  authors: ['Minh Phương'],
  publishedAt: '2026-01-26T09:15:00+07:00',
  section: 'Biên giới đất liền',
  tags: ['Việt Nam - Lào', 'Ủy ban liên hợp', 'cột mốc'],
});

export const borderGateOpening = article({
  id: 398812,
  title: 'Khai trương cặp cửa khẩu chính Thạnh Phú - Phnom Dăm',
  lead: 'Sáng 18/12, Ủy ban nhân dân tỉnh Tây Ninh phối hợp với chính quyền tỉnh Svay Rieng (Campuchia) tổ chức lễ khai trương cặp cửa khẩu chính Thạnh Phú - Phnom Dăm.',
  agencyPrefix: null,
  agency: null,
  blocks: [
    p('Việc khai trương cặp cửa khẩu chính Thạnh Phú - Phnom Dăm là kết quả của quá trình phối hợp chặt chẽ giữa các cơ quan chức năng hai nước, thực hiện thỏa thuận đạt được tại cuộc gặp giữa lãnh đạo hai tỉnh năm 2024.'),
    p('Theo quy định, cửa khẩu mở cửa từ 7 giờ đến 19 giờ hằng ngày, phục vụ các hoạt động sau:'),
    list('Xuất cảnh, nhập cảnh của công dân hai nước và công dân nước thứ ba;', 'Xuất khẩu, nhập khẩu hàng hóa và phương tiện vận tải;', 'Giao lưu văn hóa, thăm thân của cư dân biên giới.'),
    p('Phát biểu tại buổi lễ, đại diện Ủy ban Biên giới quốc gia nhấn mạnh việc mở cửa khẩu sẽ góp phần xây dựng đường biên giới Việt Nam - Campuchia hòa bình, ổn định, hợp tác và phát triển, đồng thời tạo động lực mới cho kinh tế của các địa phương biên giới.'),
    p('Các lực lượng chức năng tại cửa khẩu được yêu cầu áp dụng thủ tục điện tử, rút ngắn thời gian thông quan và bảo đảm an ninh, trật tự trong quá trình vận hành.'),
  ],
  images: [
    { file: 'cua-khau-thanh-phu.jpg', caption: 'Đại biểu hai nước cắt băng khai trương cặp cửa khẩu chính Thạnh Phú - Phnom Dăm', credit: 'Quang Huy', afterBlock: 0 },
    { file: 'nha-kiem-soat-lien-hop.jpg', caption: 'Nhà kiểm soát liên hợp tại cửa khẩu Thạnh Phú', credit: 'Quang Huy', afterBlock: 3 },
  ],
  authors: ['Quang Huy'],
  publishedAt: '2025-12-18T16:20:00+07:00',
  section: 'Biên giới đất liền',
  tags: ['Việt Nam - Campuchia', 'cửa khẩu', 'Tây Ninh'],
});

export const citizenEvacuation = article({
  id: 813002,
  title: 'Sơ tán an toàn 312 công dân Việt Nam khỏi vùng xung đột',
  lead: 'Đến ngày 20/2, các cơ quan đại diện Việt Nam ở nước ngoài đã phối hợp sơ tán an toàn 312 công dân Việt Nam khỏi khu vực xảy ra giao tranh, đưa về nước hoặc tới các nước thứ ba.',
  agencyPrefix: 'NDO',
  agency: 'NDO',
  blocks: [
    p('Ngay khi tình hình an ninh diễn biến phức tạp, Bộ Ngoại giao đã thành lập Tổ công tác đặc biệt, duy trì đường dây nóng bảo hộ công dân 24/7 và chỉ đạo các cơ quan đại diện trong khu vực lập danh sách, liên hệ với từng nhóm công dân.'),
    p('Phần lớn công dân được sơ tán là người lao động làm việc tại các công trường xây dựng và nhà máy. Các đoàn được đưa bằng đường bộ tới nước láng giềng, sau đó về nước trên các chuyến bay do hãng hàng không trong nước bố trí.'),
    quote('Chúng tôi xác định an toàn tính mạng của công dân là ưu tiên cao nhất, không để bất kỳ người Việt Nam nào bị bỏ lại phía sau.'),
    p('Theo Cục trưởng Cục Lãnh sự Nguyễn Thị Thanh Vân, công tác sơ tán gặp nhiều khó khăn do giao thông bị gián đoạn và liên lạc không ổn định. Các cán bộ của cơ quan đại diện đã trực tiếp đến các điểm tập trung để hỗ trợ giấy tờ, lương thực và thuốc men cho bà con.'),
    p('Bộ Ngoại giao khuyến cáo công dân Việt Nam chưa đến khu vực xung đột trong thời điểm hiện nay; những người đang ở lại cần theo dõi sát thông báo của cơ quan đại diện và đăng ký thông tin liên lạc để được hỗ trợ kịp thời.'),
  ],
  images: [{ file: 'cong-dan-ve-nuoc.jpg', caption: 'Công dân Việt Nam làm thủ tục nhập cảnh tại sân bay Nội Bài', credit: 'Thành Đạt', afterBlock: 2 }],
  authors: ['Hoài Nam', 'Thanh Tâm'],
  publishedAt: '2026-02-20T21:05:00+07:00',
  section: 'Thời sự',
  tags: ['bảo hộ công dân', 'Cục Lãnh sự'],
});

export const onlinePassports = article({
  id: 512776,
  title: 'Thí điểm cấp hộ chiếu phổ thông trực tuyến tại 20 cơ quan đại diện ở nước ngoài',
  lead: 'Từ ngày 1/7, công dân Việt Nam ở nước ngoài có thể nộp hồ sơ đề nghị cấp hộ chiếu phổ thông qua Cổng dịch vụ công trực tuyến tại 20 cơ quan đại diện được lựa chọn thí điểm.',
  agencyPrefix: '(PLVN)',
  agency: 'PLVN',
  blocks: [
    p('Theo Cục Lãnh sự, Bộ Ngoại giao, các cơ quan đại diện tham gia thí điểm là những nơi có đông người Việt Nam sinh sống, học tập và làm việc, trong đó có các Đại sứ quán và Tổng Lãnh sự quán tại Nhật Bản, Hàn Quốc, Đức, Australia và Hoa Kỳ.'),
    h2('Hồ sơ cần chuẩn bị'),
    p('Người đề nghị cấp hộ chiếu cần tải lên Cổng dịch vụ công các giấy tờ sau:'),
    list('Tờ khai đề nghị cấp hộ chiếu theo mẫu điện tử;', 'Ảnh chân dung chụp không quá 6 tháng, nền trắng;', 'Bản chụp hộ chiếu cũ hoặc giấy tờ chứng minh quốc tịch Việt Nam;', 'Giấy tờ chứng minh nơi cư trú tại nước sở tại.'),
    p('Sau khi hồ sơ được tiếp nhận, người đề nghị nộp lệ phí trực tuyến và nhận hộ chiếu qua đường bưu điện hoặc trực tiếp tại cơ quan đại diện. Thời hạn giải quyết không quá 8 ngày làm việc đối với trường hợp đủ điều kiện.'),
    p('Sau 6 tháng thí điểm, Bộ Ngoại giao sẽ đánh giá kết quả để xem xét mở rộng dịch vụ ra toàn bộ hệ thống cơ quan đại diện Việt Nam ở nước ngoài.'),
  ],
  images: [],
  authors: ['Ngọc Lan'],
  publishedAt: '2025-07-07T12:47:00+07:00',
  section: 'Bạn đọc',
  tags: ['hộ chiếu', 'dịch vụ công trực tuyến', 'người Việt Nam ở nước ngoài'],
});

export const humanRightsCouncil = article({
  id: 203871,
  title: 'Tại Hội đồng Nhân quyền, Việt Nam kêu gọi cách tiếp cận "lấy con người làm trung tâm" với lao động di cư',
  lead: 'Ngày 4/3, tại Geneva, Thụy Sỹ, Đại sứ Đỗ Hùng Việt Anh, Trưởng Phái đoàn đại diện thường trực Việt Nam, đã phát biểu tại phiên thảo luận chung của Khóa họp lần thứ 61 Hội đồng Nhân quyền Liên hợp quốc.',
  agencyPrefix: 'TG&VN',
  agency: 'TG&VN',
  blocks: [
    p('Phát biểu thay mặt nhóm nước cùng quan điểm, Đại sứ nhấn mạnh người lao động di cư đang đóng góp quan trọng cho tăng trưởng kinh tế của cả nước gửi và nước nhận, song vẫn dễ bị tổn thương trước các hành vi bóc lột, phân biệt đối xử và rủi ro từ biến đổi khí hậu.'),
    p('Đại sứ kêu gọi các quốc gia tăng cường hợp tác song phương và đa phương nhằm bảo đảm điều kiện làm việc an toàn, quyền tiếp cận dịch vụ y tế và giáo dục cho người lao động di cư cùng gia đình họ.'),
    quote('Không một quốc gia nào có thể tự mình giải quyết các thách thức của di cư lao động; chúng ta cần cách tiếp cận lấy con người làm trung tâm.'),
    p('Trong khuôn khổ khóa họp, Phái đoàn Việt Nam đã phối hợp với Bangladesh và Philippines tổ chức sự kiện bên lề về chia sẻ kinh nghiệm quản lý di cư an toàn, thu hút đại diện của hơn 40 quốc gia và tổ chức quốc tế.'),
    p('Khóa họp lần thứ 61 Hội đồng Nhân quyền kéo dài đến đầu tháng 4, xem xét hơn 80 báo cáo chuyên đề. Việt Nam đang là thành viên Hội đồng nhiệm kỳ 2026-2028 và cam kết tiếp tục đối thoại xây dựng với các nước trên tinh thần tôn trọng, hiểu biết lẫn nhau.'),
  ],
  images: [{ file: 'hoi-dong-nhan-quyen-khoa-61.jpg', caption: 'Đại sứ Đỗ Hùng Việt Anh phát biểu tại Khóa họp lần thứ 61 Hội đồng Nhân quyền', credit: 'Phái đoàn Việt Nam tại Geneva', afterBlock: 0 }],
  authors: ['Bảo Chi'],
  publishedAt: '2026-03-05T06:30:00+07:00',
  section: 'Đa phương',
  tags: ['Hội đồng Nhân quyền', 'Liên hợp quốc', 'lao động di cư'],
});

export const australiaDialogue = article({
  id: 203902,
  title: 'Đối thoại Chiến lược Ngoại giao - Quốc phòng Việt Nam - Australia lần thứ tám',
  lead: 'Ngày 13/5, tại Canberra, Thứ trưởng Ngoại giao Phan Quốc Bảo và Thứ trưởng Quốc phòng Trần Văn Lực đồng chủ trì Đối thoại Chiến lược Ngoại giao - Quốc phòng Việt Nam - Australia lần thứ tám cùng các quan chức cấp cao của Australia.',
  agencyPrefix: 'TG&VN',
  agency: 'TG&VN',
  blocks: [
    p('Hai bên đánh giá cao những bước phát triển mạnh mẽ của quan hệ Đối tác chiến lược toàn diện kể từ khi được nâng cấp, trong đó hợp tác quốc phòng - an ninh tiếp tục là một trụ cột quan trọng.'),
    p('Tại đối thoại, hai bên trao đổi về tình hình khu vực Ấn Độ Dương - Thái Bình Dương, cạnh tranh chiến lược giữa các nước lớn và các thách thức an ninh phi truyền thống như an ninh mạng, an ninh năng lượng và biến đổi khí hậu.'),
    h2('Mở rộng hợp tác gìn giữ hòa bình'),
    p('Phía Australia khẳng định tiếp tục hỗ trợ Việt Nam đào tạo tiếng Anh và kỹ năng chuyên môn cho lực lượng tham gia gìn giữ hòa bình Liên hợp quốc, đồng thời hỗ trợ vận chuyển bệnh viện dã chiến cấp 2 của Việt Nam tới phái bộ.'),
    p('Hai bên nhất trí thúc đẩy hợp tác về an ninh biển, tìm kiếm cứu nạn và khắc phục hậu quả chiến tranh; tăng cường trao đổi đoàn các cấp và phối hợp tại các diễn đàn đa phương như ARF, ADMM+ và Hội nghị Cấp cao Đông Á.'),
    p('Đối thoại lần thứ chín dự kiến được tổ chức tại Hà Nội vào năm 2027.'),
  ],
  images: [
    { file: 'doi-thoai-viet-nam-australia.jpg', caption: 'Quang cảnh Đối thoại Chiến lược Ngoại giao - Quốc phòng Việt Nam - Australia lần thứ tám', credit: 'Đại sứ quán Việt Nam tại Australia', afterBlock: 0 },
    { file: 'hai-truong-doan-chup-anh.jpg', caption: 'Các Trưởng đoàn chụp ảnh chung', credit: 'Đại sứ quán Việt Nam tại Australia', afterBlock: 4 },
  ],
  authors: ['Minh Quân'],
  publishedAt: '2023-05-13T17:27:00+07:00',
  section: 'Đối ngoại',
  tags: ['Australia', 'đối thoại chiến lược', 'quốc phòng'],
});

export const thaiFisheries = article({
  id: 814410,
  title: 'Phiên họp thứ 6 Ủy ban hỗn hợp Việt Nam - Thái Lan về hợp tác thủy sản',
  lead: 'Ngày 9/4, tại Bangkok, Phiên họp thứ 6 Ủy ban hỗn hợp Việt Nam - Thái Lan về hợp tác thủy sản đã diễn ra nhằm thúc đẩy khai thác thủy sản bền vững và xử lý nhân đạo ngư dân vi phạm.',
  agencyPrefix: 'NDO',
  agency: 'NDO',
  blocks: [
    p('Phiên họp do Thứ trưởng Bộ Nông nghiệp và Môi trường Việt Nam và Thứ trưởng Bộ Nông nghiệp và Hợp tác xã Thái Lan đồng chủ trì, với sự tham gia của đại diện Ủy ban Biên giới quốc gia, Bộ Quốc phòng và Đại sứ quán hai nước.'),
    p('Hai bên ghi nhận hợp tác thủy sản là lĩnh vực giàu tiềm năng, góp phần vào quan hệ Đối tác chiến lược tăng cường Việt Nam - Thái Lan. Kim ngạch thương mại thủy sản hai chiều năm 2025 đạt khoảng 850 triệu USD.'),
    p('Phía Việt Nam đề nghị Thái Lan đối xử nhân đạo với ngư dân Việt Nam bị bắt giữ, bảo đảm sức khỏe và sớm trao trả họ về nước. Hai bên nhất trí duy trì đường dây nóng giữa các cơ quan chấp pháp trên biển để xử lý hòa bình các vụ việc phát sinh.'),
    p('Hai bên cũng thống nhất đẩy mạnh hợp tác trong nuôi trồng thủy sản ứng dụng công nghệ cao, chế biến và truy xuất nguồn gốc, góp phần đáp ứng yêu cầu chống khai thác bất hợp pháp, không báo cáo và không theo quy định.'),
    p('Kết thúc phiên họp, hai Trưởng đoàn đã ký Biên bản thỏa thuận và nhất trí tổ chức Phiên họp thứ 7 tại Thành phố Hồ Chí Minh vào năm 2027.'),
  ],
  images: [{ file: 'uy-ban-hon-hop-thuy-san.jpg', caption: 'Hai Trưởng đoàn ký Biên bản Phiên họp thứ 6', credit: 'Thủy Tiên', afterBlock: 3 }],
  authors: ['Thủy Tiên'],
  publishedAt: '2026-04-09T19:10:00+07:00',
  section: 'Thế giới',
  tags: ['Thái Lan', 'thủy sản', 'ngư dân'],
});

export const unclosSeminar = article({
  id: 512903,
  title: 'Tọa đàm khoa học về thực thi Công ước Liên hợp quốc về Luật Biển năm 1982',
  lead: 'Ngày 21/8, tại Hà Nội, Học viện Ngoại giao phối hợp với Hội Luật gia Việt Nam tổ chức tọa đàm khoa học về thực thi Công ước Liên hợp quốc về Luật Biển năm 1982 (UNCLOS) trong bối cảnh mới.',
  agencyPrefix: '(PLVN)',
  agency: 'PLVN',
  blocks: [
    p('Tọa đàm thu hút sự tham gia của hơn 120 đại biểu là chuyên gia luật quốc tế, nhà nghiên cứu, cán bộ các bộ, ngành và đại diện một số cơ quan đại diện nước ngoài tại Hà Nội.'),
    p('Các đại biểu nhấn mạnh UNCLOS là "hiến pháp của đại dương", tạo khuôn khổ pháp lý toàn diện cho mọi hoạt động trên biển. Việc tuân thủ nghiêm túc Công ước là điều kiện tiên quyết để duy trì hòa bình, ổn định và hợp tác ở các vùng biển.'),
    h2('Vai trò của cơ chế giải quyết tranh chấp'),
    p('Nhiều tham luận phân tích thực tiễn áp dụng các cơ chế giải quyết tranh chấp theo Phần XV của Công ước, trong đó có Tòa án Quốc tế về Luật Biển và các tòa trọng tài, cùng những đóng góp của các phán quyết đối với sự phát triển của luật biển quốc tế.'),
    p('Các chuyên gia cũng thảo luận về những vấn đề mới nổi như nước biển dâng và tác động tới đường cơ sở, bảo tồn đa dạng sinh học ở vùng biển ngoài quyền tài phán quốc gia, cũng như trách nhiệm của các quốc gia trong bảo vệ môi trường biển.'),
    p('Kết thúc tọa đàm, ban tổ chức cho biết các tham luận sẽ được tập hợp thành kỷ yếu để phục vụ công tác nghiên cứu, giảng dạy và tuyên truyền về luật biển.'),
  ],
  images: [
    { file: 'toa-dam-unclos.jpg', caption: 'Các đại biểu tham dự tọa đàm', credit: 'Ngọc Ánh', afterBlock: 0 },
    { file: 'dai-bieu-phat-bieu-unclos.jpg', caption: 'Chuyên gia luật quốc tế trình bày tham luận tại tọa đàm', credit: 'Ngọc Ánh', afterBlock: 3 },
  ],
  authors: ['Ngọc Ánh'],
  publishedAt: '2025-08-21T15:02:00+07:00',
  section: 'Pháp luật',
  tags: ['UNCLOS', 'luật biển', 'Học viện Ngoại giao'],
});

export const credentialsCeremony = article({
  id: 815077,
  title: 'Chủ tịch nước tiếp Đại sứ các nước trình Quốc thư',
  lead: 'Sáng 16/1, tại Phủ Chủ tịch, Chủ tịch nước đã tiếp Đại sứ các nước Argentina, Hà Lan, Kenya và Uzbekistan đến trình Quốc thư nhân dịp bắt đầu nhiệm kỳ công tác tại Việt Nam.',
  agencyPrefix: 'NDO',
  agency: 'NDO',
  blocks: [
    p('Chúc mừng các Đại sứ nhận nhiệm vụ tại Việt Nam, Chủ tịch nước đề nghị các Đại sứ tiếp tục là cầu nối quan trọng, góp phần làm sâu sắc hơn nữa quan hệ hữu nghị và hợp tác giữa Việt Nam với các nước.'),
    p('Trao đổi với Đại sứ Argentina, Chủ tịch nước đề nghị hai bên phát huy hiệu quả các cơ chế hợp tác, mở rộng hợp tác trong nông nghiệp, năng lượng và khoa học công nghệ, đồng thời phối hợp thúc đẩy đàm phán các thỏa thuận thương mại giữa ASEAN và khối Thị trường chung Nam Mỹ.'),
    p('Với Đại sứ Hà Lan, Chủ tịch nước đánh giá cao hợp tác trong quản lý nước, ứng phó biến đổi khí hậu tại Đồng bằng sông Cửu Long và đề nghị Hà Lan tiếp tục chia sẻ kinh nghiệm, hỗ trợ Việt Nam phát triển nông nghiệp bền vững.'),
    p('Tiếp Đại sứ Kenya và Đại sứ Uzbekistan, Chủ tịch nước mong muốn các Đại sứ thúc đẩy trao đổi đoàn, kết nối doanh nghiệp và mở rộng hợp tác trong giáo dục, du lịch và giao lưu nhân dân.'),
    p('Các Đại sứ bày tỏ vinh dự được nhận nhiệm vụ tại Việt Nam và cam kết sẽ nỗ lực hết sức để đưa quan hệ giữa nước mình với Việt Nam phát triển lên tầm cao mới.'),
  ],
  images: [{ file: 'trinh-quoc-thu.jpg', caption: 'Chủ tịch nước tiếp Đại sứ các nước trình Quốc thư', credit: 'Trọng Hải', afterBlock: 0 }],
  authors: ['Văn Toản'],
  publishedAt: '2026-01-16T11:48:00+07:00',
  section: 'Chính trị',
  tags: ['trình Quốc thư', 'Chủ tịch nước'],
});

export const vietnamDayStockholm = article({
  id: 204115,
  title: 'Ngày Việt Nam tại Stockholm lan tỏa văn hóa và ẩm thực Việt',
  lead: 'Ngày 7/6, Đại sứ quán Việt Nam tại Thụy Điển phối hợp với Hội người Việt Nam tại Stockholm tổ chức Ngày Việt Nam, thu hút hàng nghìn người dân sở tại và du khách quốc tế.',
  agencyPrefix: 'TG&VN',
  agency: 'TG&VN',
  blocks: [
    p('Không gian sự kiện tại công viên trung tâm thành phố được chia thành nhiều khu vực trưng bày áo dài, tranh dân gian Đông Hồ, nón lá và các sản phẩm thủ công mỹ nghệ của các làng nghề Việt Nam.'),
    p('Khu ẩm thực với phở, nem rán, bánh mì và cà phê phin luôn đông khách. Nhiều người dân Thụy Điển xếp hàng chờ thưởng thức và hỏi cách chế biến các món ăn.'),
    quote('Tôi đã đến Hội An hai lần và hôm nay như được trở lại Việt Nam ngay giữa Stockholm.'),
    p('Phát biểu khai mạc, Đại sứ Việt Nam tại Thụy Điển cho biết sự kiện nằm trong chuỗi hoạt động quảng bá hình ảnh đất nước, con người Việt Nam, góp phần tăng cường hiểu biết và tình hữu nghị giữa nhân dân hai nước.'),
    p('Chương trình nghệ thuật với đàn bầu, múa sạp và các ca khúc về quê hương do cộng đồng người Việt biểu diễn đã khép lại ngày hội trong không khí ấm áp.'),
  ],
  images: [
    { file: 'ngay-viet-nam-stockholm.jpg', caption: 'Du khách tìm hiểu tranh dân gian Đông Hồ tại Ngày Việt Nam', credit: 'Đại sứ quán Việt Nam tại Thụy Điển', afterBlock: 1 },
    { file: 'mua-sap-stockholm.jpg', caption: 'Tiết mục múa sạp của cộng đồng người Việt', credit: 'Đại sứ quán Việt Nam tại Thụy Điển', afterBlock: 4 },
    { file: 'gian-hang-am-thuc.jpg', caption: 'Gian hàng ẩm thực Việt Nam thu hút đông đảo người dân sở tại', credit: null, afterBlock: 5 },
  ],
  authors: ['Hải Yến'],
  publishedAt: '2025-06-08T08:45:00+07:00',
  section: 'Văn hóa đối ngoại',
  tags: ['Thụy Điển', 'ngoại giao văn hóa', 'cộng đồng người Việt'],
});

export const middleEastExports = article({
  id: 20251103,
  title: 'Ngoại giao kinh tế mở đường cho nông sản Việt vào thị trường Trung Đông',
  lead: 'Các cơ quan đại diện Việt Nam tại khu vực Trung Đông đang đẩy mạnh kết nối doanh nghiệp, hỗ trợ nông sản Việt Nam đáp ứng tiêu chuẩn Halal và mở rộng thị phần tại các nước vùng Vịnh.',
  agencyPrefix: null,
  agency: 'TTXVN',
  blocks: [
    p('Năm 2025, xuất khẩu nông, lâm, thủy sản của Việt Nam sang các nước Hội đồng Hợp tác vùng Vịnh (GCC) ước đạt 1,6 tỷ USD, trong đó gạo, cà phê, hạt điều và rau quả là những mặt hàng chủ lực.'),
    p('Theo Thương vụ Việt Nam tại Các Tiểu vương quốc Arập Thống nhất, nhu cầu nhập khẩu lương thực của khu vực rất lớn do điều kiện khí hậu khô hạn, song người tiêu dùng ngày càng đòi hỏi cao về chất lượng và chứng nhận Halal.'),
    h2('Hỗ trợ doanh nghiệp vượt rào cản kỹ thuật'),
    p('Các Đại sứ quán đã phối hợp tổ chức hàng chục hội nghị giao thương trực tuyến và trực tiếp, đưa doanh nghiệp Việt Nam tham gia các hội chợ thực phẩm lớn tại Dubai và Riyadh, đồng thời cung cấp thông tin về quy định nhập khẩu của từng thị trường.'),
    p('Đại diện một doanh nghiệp xuất khẩu trái cây tại Tiền Giang cho biết nhờ sự kết nối của cơ quan đại diện, công ty đã ký được hợp đồng cung cấp sầu riêng và thanh long đông lạnh cho một chuỗi siêu thị tại Saudi Arabia.'),
    p('Thời gian tới, các cơ quan đại diện sẽ tiếp tục phối hợp với các bộ, ngành và địa phương xây dựng thương hiệu nông sản Việt Nam tại khu vực, hướng tới mục tiêu nâng kim ngạch xuất khẩu lên 2,5 tỷ USD vào năm 2030.'),
  ],
  images: [{ file: 'nong-san-trung-dong.jpg', caption: 'Gian hàng nông sản Việt Nam tại một hội chợ thực phẩm ở Dubai', credit: 'TTXVN', afterBlock: 3 }],
  authors: ['Hồng Nhung'],
  publishedAt: '2025-11-03T07:30:00+07:00',
  section: 'Kinh tế',
  tags: ['ngoại giao kinh tế', 'Halal', 'Trung Đông'],
  trailingCredit: 'TTXVN/Báo Tin tức',
});

export const quangTriSavannakhet = article({
  id: 401190,
  title: 'Hội đàm thường niên giữa đoàn đại biểu biên giới tỉnh Quảng Trị và tỉnh Savannakhet',
  lead: 'Trong hai ngày 27 và 28/2, tại thành phố Đông Hà, đoàn đại biểu biên giới tỉnh Quảng Trị (Việt Nam) và tỉnh Savannakhet (Lào) đã tiến hành hội đàm thường niên năm 2026.',
  agencyPrefix: null,
  agency: null,
  blocks: [
    p('Tại hội đàm, hai bên đánh giá tình hình quản lý, bảo vệ đường biên giới và cột mốc trên tuyến biên giới chung cơ bản ổn định; các lực lượng chức năng đã phối hợp chặt chẽ trong đấu tranh phòng, chống buôn lậu, ma túy và xuất nhập cảnh trái phép.'),
    p('Hai bên thống nhất một số nội dung hợp tác trọng tâm năm 2026 như sau:'),
    list('Tiếp tục phối hợp tuần tra song phương ít nhất mỗi quý một lần;', 'Phối hợp giải quyết dứt điểm tình trạng di cư tự do và kết hôn không giá thú ở khu vực biên giới;', 'Nâng cấp cặp cửa khẩu quốc tế Lao Bảo - Đensavan theo mô hình kiểm tra một lần dừng một lần.'),
    p('Trưởng đoàn đại biểu biên giới tỉnh Savannakhet cảm ơn tỉnh Quảng Trị đã hỗ trợ xây dựng trường học và trạm y tế cho các bản biên giới của Lào trong những năm qua.'),
    p('Kết thúc hội đàm, hai Trưởng đoàn đã ký biên bản và nhất trí tổ chức cuộc hội đàm năm 2027 tại tỉnh Savannakhet.'),
  ],
  images: [{ file: 'hoi-dam-quang-tri-savannakhet.jpg', caption: 'Hai Trưởng đoàn ký biên bản hội đàm', credit: 'Văn Lợi', afterBlock: 4 }],
  authors: ['Văn Lợi'],
  publishedAt: '2026-02-28T17:05:00+07:00',
  section: 'Hợp tác quốc tế',
  tags: ['Quảng Trị', 'Savannakhet', 'biên giới Việt Nam - Lào'],
});

export const mekongWaterSecurity = article({
  id: 513140,
  title: 'Hợp tác Mekong - Lan Thương cần đặt an ninh nguồn nước ở vị trí trung tâm',
  lead: 'Các chuyên gia tại Diễn đàn hợp tác tài nguyên nước Mekong - Lan Thương lần thứ năm cho rằng việc chia sẻ dữ liệu thủy văn quanh năm là điều kiện để các nước trong lưu vực cùng ứng phó với hạn hán và xâm nhập mặn.',
  agencyPrefix: '(PLVN)',
  agency: 'PLVN',
  blocks: [
    p('Diễn đàn được tổ chức trực tiếp kết hợp trực tuyến, với sự tham gia của đại diện sáu quốc gia trong lưu vực, Ủy hội sông Mê Công quốc tế và một số tổ chức nghiên cứu.'),
    p('Đại diện Việt Nam cho biết Đồng bằng sông Cửu Long đang chịu tác động kép của biến đổi khí hậu và việc vận hành các công trình thủy điện ở thượng nguồn, khiến dòng chảy mùa khô suy giảm và phù sa về đồng bằng ngày càng ít.'),
    quote('Nguồn nước sông Mê Công là tài sản chung; mọi quyết định khai thác cần tính đến lợi ích của các cộng đồng ở hạ du.'),
    p('Các đại biểu đề xuất mở rộng cơ chế chia sẻ dữ liệu mực nước và lượng mưa từ mùa lũ sang cả năm, xây dựng hệ thống cảnh báo sớm chung và tăng cường nghiên cứu đánh giá tác động xuyên biên giới của các dự án.'),
    p('Diễn đàn cũng thống nhất khuyến nghị các nước thúc đẩy phối hợp giữa cơ chế hợp tác Mekong - Lan Thương với Ủy hội sông Mê Công quốc tế nhằm tránh trùng lặp và nâng cao hiệu quả.'),
  ],
  images: [{ file: 'song-me-cong-mua-kho.jpg', caption: 'Mực nước sông Mê Công xuống thấp trong mùa khô', credit: 'Trần Việt', afterBlock: 1 }],
  authors: ['Lê Vy'],
  publishedAt: '2025-10-14T10:22:00+07:00',
  section: 'Thế giới',
  tags: ['Mekong - Lan Thương', 'an ninh nguồn nước', 'Đồng bằng sông Cửu Long'],
});

export const diplomaticConference = article({
  id: 513388,
  title: 'Khai mạc Hội nghị Ngoại vụ toàn quốc lần thứ 22',
  lead: 'Sáng 10/12, tại Hà Nội, Bộ Ngoại giao tổ chức Hội nghị Ngoại vụ toàn quốc lần thứ 22 nhằm đánh giá công tác đối ngoại của các địa phương và bàn giải pháp hỗ trợ địa phương hội nhập quốc tế.',
  agencyPrefix: '(Chinhphu.vn)',
  agency: 'Chinhphu.vn',
  blocks: [
    p('Hội nghị có sự tham dự của lãnh đạo 34 tỉnh, thành phố, đại diện các bộ, ngành Trung ương và trưởng các cơ quan đại diện Việt Nam ở nước ngoài tham gia trực tuyến.'),
    p('Báo cáo tại hội nghị cho thấy trong năm qua, các địa phương đã tổ chức và đón hơn 2.300 đoàn công tác quốc tế, ký kết trên 400 thỏa thuận hợp tác quốc tế, góp phần thu hút đầu tư và mở rộng thị trường cho sản phẩm địa phương.'),
    p('Phát biểu chỉ đạo, Phó Thủ tướng đề nghị các địa phương tiếp tục đổi mới tư duy về đối ngoại, gắn hoạt động đối ngoại với nhiệm vụ phát triển kinh tế - xã hội, đồng thời nâng cao năng lực cho đội ngũ cán bộ làm công tác ngoại vụ sau khi sắp xếp lại đơn vị hành chính.'),
    h2('Phát huy vai trò của các cơ quan đại diện'),
    p('Bộ Ngoại giao cam kết tiếp tục đồng hành cùng các địa phương, phát huy mạng lưới 97 cơ quan đại diện ở nước ngoài để kết nối đối tác, quảng bá tiềm năng và hỗ trợ doanh nghiệp địa phương tiếp cận thị trường quốc tế.'),
    p('Trong khuôn khổ hội nghị, các đại biểu đã tham gia bốn phiên thảo luận chuyên đề về ngoại giao kinh tế, công tác biên giới, người Việt Nam ở nước ngoài và thông tin đối ngoại.'),
  ],
  images: [
    { file: 'hoi-nghi-ngoai-vu-22.jpg', caption: 'Phó Thủ tướng phát biểu chỉ đạo hội nghị', credit: 'VGP/Hải Minh', afterBlock: 2 },
    { file: 'dai-bieu-hoi-nghi-ngoai-vu.jpg', caption: 'Các đại biểu dự hội nghị', credit: 'VGP/Hải Minh', afterBlock: 4 },
  ],
  authors: [],
  publishedAt: '2025-12-10T12:15:00+07:00',
  section: 'Thời sự',
  tags: ['Hội nghị Ngoại vụ', 'đối ngoại địa phương'],
});

export const gccSummitOpening = article({
  id: 816201,
  title: 'Thủ tướng dự phiên khai mạc Hội nghị Cấp cao ASEAN - GCC lần thứ ba',
  lead: 'Chiều 27/5, tại Kuala Lumpur, Thủ tướng dẫn đầu đoàn Việt Nam dự phiên khai mạc Hội nghị Cấp cao ASEAN - Hội đồng Hợp tác vùng Vịnh (GCC) lần thứ ba.',
  agencyPrefix: 'NDO',
  agency: 'NDO',
  blocks: [
    p('Hội nghị diễn ra với sự tham dự của lãnh đạo các nước ASEAN, sáu nước thành viên GCC và Tổng Thư ký hai tổ chức. Đây là dịp để hai bên rà soát việc triển khai Khuôn khổ hợp tác ASEAN - GCC giai đoạn 2024-2028.'),
    p('Phát biểu tại phiên khai mạc, Thủ tướng nhấn mạnh ASEAN và GCC là hai khu vực năng động, có nhiều tiềm năng bổ trợ, trong đó ASEAN có thế mạnh về sản xuất, lương thực và thị trường 680 triệu dân, còn GCC có thế mạnh về năng lượng và nguồn vốn đầu tư.'),
    p('Thủ tướng đề xuất ba định hướng hợp tác:'),
    list('Sớm khởi động nghiên cứu khả thi về hiệp định thương mại tự do ASEAN - GCC;', 'Hợp tác bảo đảm an ninh lương thực và an ninh năng lượng cho cả hai khu vực;', 'Tăng cường kết nối hàng không, du lịch và giao lưu nhân dân.'),
    p('Kết thúc hội nghị, lãnh đạo các nước thông qua Tuyên bố chung, khẳng định cam kết thúc đẩy hòa bình, ổn định và phát triển bền vững ở cả hai khu vực.'),
  ],
  images: [{ file: 'cap-cao-asean-gcc.jpg', caption: 'Thủ tướng phát biểu tại phiên khai mạc Hội nghị Cấp cao ASEAN - GCC', credit: 'Nhật Bắc', afterBlock: 1 }],
  authors: ['Đăng Khoa'],
  publishedAt: '2026-05-27T17:30:00+07:00',
  section: 'Chính trị',
  tags: ['ASEAN', 'GCC', 'Thủ tướng'],
});

export const gccSummitSidelines = article({
  id: 20260528,
  title: 'Bên lề Hội nghị Cấp cao ASEAN - GCC, Thủ tướng gặp lãnh đạo Qatar và Kuwait',
  lead: 'Bên lề Hội nghị Cấp cao ASEAN - GCC lần thứ ba tại Kuala Lumpur, chiều 27/5, Thủ tướng đã có các cuộc gặp với Thủ tướng Qatar và Thái tử Kuwait.',
  agencyPrefix: null,
  agency: 'TTXVN',
  blocks: [
    p('Tại cuộc gặp Thủ tướng Qatar, hai bên bày tỏ vui mừng trước sự phát triển của quan hệ song phương, nhất trí sớm tổ chức kỳ họp tiếp theo của Ủy ban hỗn hợp và thúc đẩy Quỹ Đầu tư Quốc gia Qatar đầu tư vào các dự án hạ tầng, năng lượng tái tạo tại Việt Nam.'),
    p('Thủ tướng đề nghị Qatar tạo thuận lợi cho hàng nông sản và thực phẩm Halal của Việt Nam tiếp cận thị trường, đồng thời tiếp tục tiếp nhận lao động Việt Nam có tay nghề.'),
    p('Gặp Thái tử Kuwait, Thủ tướng cảm ơn Kuwait đã cung cấp nguồn dầu thô ổn định cho Liên hợp Lọc hóa dầu Nghi Sơn và đề nghị hai bên mở rộng hợp tác sang các lĩnh vực dầu khí hạ nguồn và hóa dầu.'),
    p('Thái tử Kuwait khẳng định coi trọng quan hệ với Việt Nam và nhất trí thúc đẩy việc ký kết hiệp định khuyến khích và bảo hộ đầu tư giữa hai nước trong năm nay.'),
  ],
  images: [],
  authors: [],
  publishedAt: '2026-05-27T22:40:00+07:00',
  section: 'Chính trị',
  tags: ['Qatar', 'Kuwait', 'GCC'],
  trailingCredit: 'TTXVN/Báo Tin tức',
});

export const consularHotline = article({
  id: 816455,
  title: 'Đường dây nóng bảo hộ công dân tiếp nhận hơn 9.000 cuộc gọi trong năm',
  lead: 'Năm 2025, tổng đài bảo hộ công dân của Bộ Ngoại giao đã tiếp nhận và xử lý hơn 9.000 cuộc gọi đề nghị hỗ trợ của công dân Việt Nam ở nước ngoài.',
  agencyPrefix: 'NDO',
  agency: 'NDO',
  blocks: [
    p('Các yêu cầu hỗ trợ chủ yếu liên quan đến mất giấy tờ tùy thân, bị tạm giữ khi nhập cảnh, tai nạn, ốm đau và tranh chấp lao động. Nhiều trường hợp được giải quyết ngay trong ngày nhờ sự phối hợp giữa tổng đài và các cơ quan đại diện.'),
    p('Cục Lãnh sự cho biết số cuộc gọi liên quan đến lừa đảo tuyển dụng lao động qua mạng xã hội tăng mạnh, đặc biệt là các lời mời làm việc nhẹ lương cao ở một số nước trong khu vực.'),
    quote('Người dân cần kiểm tra kỹ thông tin tuyển dụng và chỉ đi làm việc ở nước ngoài thông qua các doanh nghiệp được cấp phép.'),
    p('Để thuận tiện cho người dân, Bộ Ngoại giao đã đưa vào vận hành ứng dụng Công dân Việt Nam ở nước ngoài, cho phép đăng ký thông tin, nhận cảnh báo an ninh và gửi yêu cầu bảo hộ trực tuyến.'),
    p('Số điện thoại của tổng đài bảo hộ công dân được in trên trang thông tin của các cơ quan đại diện và gửi tự động qua tin nhắn tới thuê bao Việt Nam khi vừa đến nước ngoài.'),
  ],
  images: [],
  authors: ['Thanh Tâm'],
  publishedAt: '2026-01-05T09:00:00+07:00',
  section: 'Xã hội',
  tags: ['bảo hộ công dân', 'đường dây nóng'],
});

/** The demo site and fixtures render these; each is a distinct article. */
export const sampleArticles: SampleArticle[] = [
  indonesiaTalks,
  aseanForeignMinisters,
  laosBorderCommission,
  borderGateOpening,
  citizenEvacuation,
  onlinePassports,
  humanRightsCouncil,
  australiaDialogue,
  thaiFisheries,
  unclosSeminar,
  credentialsCeremony,
  vietnamDayStockholm,
  middleEastExports,
  quangTriSavannakhet,
  mekongWaterSecurity,
  diplomaticConference,
  gccSummitOpening,
  gccSummitSidelines,
  consularHotline,
];

function mapText(a: SampleArticle, f: (s: string) => string): Pick<SampleArticle, 'title' | 'lead' | 'blocks' | 'images'> {
  return {
    title: f(a.title),
    lead: a.lead === null ? null : f(a.lead),
    blocks: a.blocks.map((b) => (b.kind === 'list' ? { kind: 'list', items: b.items.map(f) } : { ...b, text: f(b.text) })),
    images: a.images.map((i) => ({ ...i, caption: f(i.caption) })),
  };
}

/**
 * One article and its republications, for duplicate detection:
 * - `copy`: the same text on a second outlet (different URL, template and prefix);
 * - `variant`: the same text with another lead prefix, old-style tone marks
 *   ("hoà", "thuỷ") and NFD-decomposed Unicode.
 * All three must end up as one record.
 */
export const syndicatedPair: { original: SampleArticle; copy: SampleArticle; variant: SampleArticle } = {
  original: thaiFisheries,
  copy: { ...thaiFisheries, id: 20260410, slug: `${thaiFisheries.slug}-2`, authors: [], section: 'Kinh tế' },
  variant: {
    ...thaiFisheries,
    ...mapText(thaiFisheries, (s) => toOldStyleTones(s).normalize('NFD')),
    id: 204388,
    slug: 'uy-ban-hon-hop-viet-nam-thai-lan-hop-tac-thuy-san',
    agencyPrefix: 'TG&VN',
    agency: 'TG&VN',
  },
};

/** Two genuinely different articles on the same summit: dedupe must keep both. */
export const sameEventDifferentArticles: [SampleArticle, SampleArticle] = [gccSummitOpening, gccSummitSidelines];

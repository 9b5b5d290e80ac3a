/**
 * The consent a person gives when registering. Changing the text means a new version: the version
 * and the time of consent are stored with each account.
 */
export const CONSENT = {
  version: '2026-11-v1',
  text: [
    'Tôi đồng ý để nền tảng Bình dân học vụ số xử lý các dữ liệu cá nhân tôi cung cấp (họ tên, số điện thoại hoặc email, năm sinh, nhóm đối tượng, đơn vị hành chính nơi cư trú hoặc làm việc, cơ quan/tổ chức) cùng kết quả học tập của tôi.',
    'Mục đích: tạo và bảo vệ tài khoản, ghi nhận tiến độ học tập, cấp và xác minh xác nhận hoàn thành, và lập số liệu thống kê tổng hợp cho chính quyền các cấp. Cán bộ quản trị chỉ xem được thông tin của người học trong địa bàn mình phụ trách.',
    'Số điện thoại và email được mã hóa khi lưu trữ. Dữ liệu không được bán hay chia sẻ cho bên thứ ba vì mục đích thương mại.',
    'Tôi có thể xem, sửa, tải về toàn bộ dữ liệu của mình và xóa tài khoản bất cứ lúc nào tại trang Hồ sơ; khi xóa, dữ liệu cá nhân bị xóa và chỉ còn lại số liệu thống kê ẩn danh.',
    'Việc xử lý dữ liệu tuân theo quy định của pháp luật Việt Nam về bảo vệ dữ liệu cá nhân.',
  ].join('\n\n'),
} as const;

import { describe, expect, it } from 'vitest';
import { isRequiredComponent } from './seed-mapping.ts';

describe('which sample components an applicant must always provide', () => {
  it('requires papers to hand in, but not those for one case only, papers to show, or notes', () => {
    const hand = 'Giấy tờ phải nộp';
    expect(isRequiredComponent(hand, 'Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản…')).toBe(
      true,
    );
    expect(isRequiredComponent(hand, 'Trường hợp trẻ em bị bỏ rơi thì phải có biên bản…')).toBe(false);
    expect(isRequiredComponent(hand, 'Văn bản ủy quyền (được chứng thực) … trong trường hợp ủy quyền thực hiện…')).toBe(
      false,
    );
    expect(isRequiredComponent('Giấy tờ phải xuất trình', 'Hộ chiếu/Thẻ căn cước công dân…')).toBe(false);
    expect(isRequiredComponent('Lưu ý', 'Tờ khai đăng ký khai sinh theo mẫu')).toBe(false);
    expect(isRequiredComponent(null, 'Đơn đề nghị cấp giấy phép xây dựng')).toBe(true);
  });
});

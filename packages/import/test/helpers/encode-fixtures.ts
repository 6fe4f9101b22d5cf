import iconv from 'iconv-lite';
import { encodeTcvn3, encodeVni, type VietnameseEncoding } from '../../src/index.js';

/**
 * Windows-1258 as Excel writes it: the vowel letters â ă ê ô ơ ư đ precomposed, the tone as a
 * combining mark after them (the code page has no precomposed toned letters but a few).
 */
export function encodeCp1258(text: string): Uint8Array {
  const composed = text.normalize('NFD').replace(/([a-zA-Z])([\u0300-\u036f]+)/g, (_m, base: string, marks: string) => {
    const vowel = marks.replace(/[^\u0302\u0306\u031B]/g, '');
    const tones = marks.replace(/[\u0302\u0306\u031B]/g, '');
    return (base + vowel).normalize('NFC') + tones;
  });
  return new Uint8Array(iconv.encode(composed, 'cp1258'));
}

/** `text` in `encoding`, as real bytes. */
export function encodeAs(text: string, encoding: VietnameseEncoding, bom = false): Uint8Array {
  switch (encoding) {
    case 'utf-8': {
      const body = new TextEncoder().encode(text);
      return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
    }
    case 'windows-1258':
      return encodeCp1258(text);
    case 'tcvn3':
      return encodeTcvn3(text);
    case 'vni':
      return encodeVni(text);
  }
}

/** Vietnamese text every legacy encoding can hold (uppercase letters carry no tone, as TCVN3 needs). */
export const SAMPLE_TEXT =
  [
    'Mã đơn vị,Tên đơn vị,Mã QR,Mã huyện,Loại hình,Địa chỉ',
    'tg-1,Chợ thành phố Hà Tĩnh,QR-001,436,Chợ,"Phường Nam Hà, thành phố Hà Tĩnh"',
    'tg-2,Trường trung học phổ thông Nguyễn Du,QR-002,437,Trường học,Phường Bắc Hồng',
    'tg-3,Bệnh viện đa khoa huyện Kỳ Anh,QR-003,447,Bệnh viện,Xã Kỳ Tân',
    'tg-4,Siêu thị điện máy Đức Thọ,QR-004,440,Cơ sở sản xuất kinh doanh,Thị trấn Đức Thọ',
    'tg-5,Uỷ ban nhân dân huyện Hương Sơn,QR-005,439,"UBND huyện, thành phố, thị xã",Thị trấn Phố Châu',
    'tg-6,Công ty cổ phần sữa,QR-006,445,Doanh nghiệp,Xã Thạch Long; ấp ở ữ ự ỷ ỹ',
  ].join('\r\n') + '\r\n';

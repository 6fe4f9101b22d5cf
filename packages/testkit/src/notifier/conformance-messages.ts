import type { MessageAttachment, OutboundMessage } from '@pccovid-inspect/core';

/**
 * Every Vietnamese letter, lower and upper case, NFC (the same set as the renderer kit's
 * `VIETNAMESE_LETTERS`, kept here so the notifier entry does not load the renderer's fixtures).
 *
 * @example
 * ```ts
 * NOTIFIER_VIETNAMESE_LETTERS.includes('Ự') // true
 * ```
 */
export const NOTIFIER_VIETNAMESE_LETTERS = (() => {
  const lower = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
  return (lower + lower.toUpperCase()).normalize('NFC');
})();

let counter = 0;

/**
 * A fresh idempotency key, unique in this process (`conformance-<time>-<n>`).
 *
 * @example
 * ```ts
 * const key = conformanceKey(); // 'conformance-lz3k9a-1'
 * ```
 */
export function conformanceKey(): string {
  counter += 1;
  return `conformance-${Date.now().toString(36)}-${counter}`;
}

/**
 * A message as core's deliverer hands it to a notifier: a Vietnamese subject holding every
 * diacritic, a multi-line body, refs, no attachment. Pass fields to override.
 *
 * @example
 * ```ts
 * await notifier.send(conformanceMessage({ channel: 'email' }), { signal: new AbortController().signal });
 * ```
 */
export function conformanceMessage(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    key: conformanceKey(),
    channel: 'email',
    recipient: { role: 'target-representative', id: 'rep-0001', organizationId: 'unit-0001' },
    topic: 'visit.scheduled',
    subject: `Lịch kiểm tra PC-Covid / Inspection schedule — ${NOTIFIER_VIETNAMESE_LETTERS}`,
    body: [
      'Kính gửi: Ban Giám đốc Bệnh viện Đa khoa tỉnh Hà Tĩnh,',
      '',
      'Đoàn kiểm tra của Sở Thông tin và Truyền thông sẽ đến kiểm tra việc triển khai quét mã QR',
      'vào lúc 08 giờ 30 phút, ngày 29/11/2021. Đề nghị đơn vị bố trí người làm việc với Đoàn.',
      `Chữ: ${NOTIFIER_VIETNAMESE_LETTERS}`,
      '',
      'Dear Director: the inspection team will visit on 29/11/2021 at 08:30.',
    ].join('\n'),
    refs: { campaignId: 'campaign-ht-2021', visitId: 'visit-0001' },
    attempt: 1,
    attachments: [],
    ...overrides,
  };
}

/**
 * A small valid PDF (one blank page) with high bytes in its header comment, so a channel that
 * mangles binary content (7-bit, a text encoding) is caught.
 *
 * @example
 * ```ts
 * conformanceMessage({ attachments: [conformancePdfAttachment()] })
 * ```
 */
export function conformancePdfAttachment(): MessageAttachment {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n',
  ];
  const head = new Uint8Array([...Buffer.from('%PDF-1.4\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]);
  const parts: Uint8Array[] = [head];
  const offsets: number[] = [];
  let length = head.length;
  for (const o of objects) {
    offsets.push(length);
    const bytes = Buffer.from(o, 'latin1');
    parts.push(bytes);
    length += bytes.length;
  }
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer, 'latin1'));
  return { filename: 'TB-12-STTTT Thông báo kết quả.pdf', contentType: 'application/pdf', content: new Uint8Array(Buffer.concat(parts)) };
}

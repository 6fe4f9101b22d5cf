import { Inflate } from 'fflate';

/**
 * A file read at any offset: a Node file handle or a browser `Blob`. The zip's directory is at its
 * end, so a part is read where it is, in any order, without a temporary copy.
 */
export interface RandomAccessSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer only at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** One entry of the zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** A zip that cannot be read: Vietnamese / English, and what kind of fault. */
export class ZipProblem extends Error {
  constructor(
    readonly kind: 'not-zip' | 'truncated' | 'unsupported',
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'ZipProblem';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

const truncated = (what: string, whatVi: string): ZipProblem => new ZipProblem('truncated', `tệp bị cắt cụt hoặc hỏng: ${whatVi}`, `the file is truncated or damaged: ${what}`);

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x100000000;

async function readExactly(source: RandomAccessSource, offset: number, length: number, what: string, whatVi: string): Promise<Uint8Array> {
  if (offset < 0 || offset + length > source.size) throw truncated(what, whatVi);
  const bytes = await source.read(offset, length);
  if (bytes.length < length) throw truncated(what, whatVi);
  return bytes;
}

/**
 * The zip's central directory, by lower-cased name (OPC part names are case-insensitive). A file
 * that does not start like a zip is `not-zip`; one that does but has no directory at its end (cut
 * off by a download or a copy) is `truncated`.
 */
export async function readZipDirectory(source: RandomAccessSource): Promise<Map<string, ZipEntry>> {
  const head = await source.read(0, Math.min(4, source.size));
  if (head.length < 4 || u32(head, 0) !== LOCAL) {
    const ole = head.length >= 4 && u32(head, 0) === 0xe011cfd0;
    throw new ZipProblem(
      'not-zip',
      ole ? 'tệp là sổ tính Excel 97–2003 (.xls), không phải XLSX' : 'tệp không phải sổ tính XLSX (không phải tệp zip)',
      ole ? 'the file is an Excel 97–2003 workbook (.xls), not XLSX' : 'the file is not an XLSX workbook (not a zip file)',
    );
  }
  const tailLength = Math.min(source.size, 22 + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD && i + 22 + u16(tail, i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw truncated('no zip directory at its end', 'không có thư mục zip ở cuối tệp');
  let count = u16(tail, at + 10);
  let size = u32(tail, at + 12);
  let offset = u32(tail, at + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = tailStart + at - 20;
    const locator = await readExactly(source, locatorAt, 20, 'no zip64 directory locator', 'không có bộ định vị thư mục zip64');
    if (u32(locator, 0) !== ZIP64_LOCATOR) throw truncated('no zip64 directory locator', 'không có bộ định vị thư mục zip64');
    const record = await readExactly(source, u64(locator, 8), 56, 'no zip64 directory', 'không có thư mục zip64');
    if (u32(record, 0) !== ZIP64_EOCD) throw truncated('no zip64 directory', 'không có thư mục zip64');
    count = u64(record, 32);
    size = u64(record, 40);
    offset = u64(record, 48);
  }
  const directory = await readExactly(source, offset, size, 'the zip directory is cut off', 'thư mục zip bị cắt');
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.length || u32(directory, p) !== CENTRAL) throw truncated('a bad zip directory entry', 'mục thư mục zip hỏng');
    const nameLength = u16(directory, p + 28);
    const extraLength = u16(directory, p + 30);
    const commentLength = u16(directory, p + 32);
    const entry: ZipEntry = {
      name: decoder.decode(directory.subarray(p + 46, p + 46 + nameLength)).replace(/\\/g, '/'),
      flags: u16(directory, p + 8),
      method: u16(directory, p + 10),
      compressedSize: u32(directory, p + 20),
      uncompressedSize: u32(directory, p + 24),
      localHeaderOffset: u32(directory, p + 42),
    };
    readZip64Extra(entry, directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.set(entry.name.toLowerCase(), entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset of a zip64 entry (extra field 0x0001, only the fields whose 32-bit value is full). */
function readZip64Extra(entry: ZipEntry, extra: Uint8Array): void {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = u16(extra, p);
    const length = u16(extra, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      if (entry.uncompressedSize === 0xffffffff) {
        entry.uncompressedSize = u64(extra, q);
        q += 8;
      }
      if (entry.compressedSize === 0xffffffff) {
        entry.compressedSize = u64(extra, q);
        q += 8;
      }
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = u64(extra, q);
      return;
    }
    p += 4 + length;
  }
}

/**
 * The inflated bytes of one entry, read `chunkSize` compressed bytes at a time: each step reads
 * and inflates only when the consumer asks for more (backpressure). The inflated length is checked
 * against the directory's, so a damaged entry fails here rather than giving short data.
 */
export async function* zipEntryChunks(source: RandomAccessSource, entry: ZipEntry, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  if ((entry.flags & 1) !== 0) throw new ZipProblem('unsupported', `phần ${entry.name} được mã hoá (có mật khẩu)`, `the part ${entry.name} is encrypted (password-protected)`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipProblem(
      'unsupported',
      `phần ${entry.name} nén theo cách ${entry.method}, không đọc được`,
      `the part ${entry.name} uses compression method ${entry.method}, which cannot be read`,
    );
  }
  const local = await readExactly(source, entry.localHeaderOffset, 30, `the part ${entry.name} is missing`, `thiếu phần ${entry.name}`);
  if (u32(local, 0) !== LOCAL) throw truncated(`the part ${entry.name} is missing`, `thiếu phần ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + u16(local, 26) + u16(local, 28);
  const end = start + entry.compressedSize;
  if (end > source.size) throw truncated(`the part ${entry.name} is cut off`, `phần ${entry.name} bị cắt`);
  let produced = 0;
  const pending: Uint8Array[] = [];
  const inflate = entry.method === 8 ? new Inflate((data) => void pending.push(data)) : null;
  for (let at = start; at < end;) {
    const length = Math.min(chunkSize, end - at);
    const compressed = await readExactly(source, at, length, `the part ${entry.name} is cut off`, `phần ${entry.name} bị cắt`);
    at += length;
    if (inflate === null) pending.push(compressed);
    else {
      try {
        inflate.push(compressed, at >= end);
      } catch (error) {
        throw truncated(`the part ${entry.name} does not inflate (${(error as Error).message})`, `phần ${entry.name} không giải nén được (${(error as Error).message})`);
      }
    }
    while (pending.length > 0) {
      const data = pending.shift() as Uint8Array;
      produced += data.length;
      if (data.length > 0) yield data;
    }
  }
  if (produced !== entry.uncompressedSize) {
    throw truncated(
      `the part ${entry.name} inflates to ${produced} bytes, not ${entry.uncompressedSize}`,
      `phần ${entry.name} giải nén ra ${produced} byte, không phải ${entry.uncompressedSize}`,
    );
  }
}

/** A whole (small) entry as text: the workbook, its relationships, the styles. */
export async function zipEntryText(source: RandomAccessSource, entry: ZipEntry): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of zipEntryChunks(source, entry)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConfigurationError,
  ConflictError,
  EmbargoedError,
  ForbiddenError,
  ImportError,
  InspectError,
  InvalidTransitionError,
  NotFoundError,
  NotificationError,
  RenderError,
  StorageError,
  ValidationError,
} from '@pccovid-inspect/core';

type ErrorClass = { isInstance(e: unknown): boolean; name: string };

interface Case {
  cls: ErrorClass;
  code: string;
  name: string;
  make: (cause?: unknown) => InspectError;
  /** Fragments each message must contain: Vietnamese, English. */
  vi: string[];
  en: string[];
  /** Structured fields the error must expose. */
  fields: Record<string, unknown>;
}

const CASES: Case[] = [
  {
    cls: ValidationError,
    code: 'VALIDATION_FAILED',
    name: 'ValidationError',
    make: (cause) => new ValidationError({ subject: 'Campaign', issues: [{ path: ['period', 'to'], code: 'custom', message: '`from` must not be after `to`' }], cause }),
    vi: ['Dữ liệu Campaign không hợp lệ', '(period.to)', 'Hãy sửa'],
    en: ['Invalid Campaign', '(period.to)', 'Fix the listed fields'],
    fields: { subject: 'Campaign', issues: [{ path: ['period', 'to'], code: 'custom', message: '`from` must not be after `to`' }] },
  },
  {
    cls: InvalidTransitionError,
    code: 'INVALID_TRANSITION',
    name: 'InvalidTransitionError',
    make: () => new InvalidTransitionError({ machineId: 'visit', state: 'planned', event: 'minutes.sign', guard: 'isStarted' }),
    vi: ['Không thể thực hiện "minutes.sign"', '"planned"', '(isStarted)'],
    en: ['Cannot apply "minutes.sign"', 'visit is "planned"', '(isStarted)'],
    fields: { machineId: 'visit', state: 'planned', event: 'minutes.sign', guard: 'isStarted' },
  },
  {
    cls: NotFoundError,
    code: 'NOT_FOUND',
    name: 'NotFoundError',
    make: () => new NotFoundError({ collection: 'visits', id: 'v-1' }),
    vi: ['Không tìm thấy bản ghi "v-1"', 'visits'],
    en: ['No record "v-1" in visits'],
    fields: { collection: 'visits', id: 'v-1' },
  },
  {
    cls: ConflictError,
    code: 'CONFLICT',
    name: 'ConflictError',
    make: () => new ConflictError({ collection: 'visits', id: 'v-1', expectedVersion: 3, actualVersion: 4 }),
    vi: ['đã bị thay đổi', 'mong đợi phiên bản 3', 'hiện là 4', 'tải lại'],
    en: ['was changed by someone else', 'expected version 3', 'found 4', 'Reload and retry'],
    fields: { collection: 'visits', id: 'v-1', expectedVersion: 3, actualVersion: 4 },
  },
  {
    cls: ForbiddenError,
    code: 'FORBIDDEN',
    name: 'ForbiddenError',
    make: () => new ForbiddenError({ role: 'provincialViewer', action: 'visit.start', reasonVi: 'chỉ xem', reasonEn: 'read only' }),
    vi: ['Vai trò "provincialViewer" không được phép', '"visit.start"', 'chỉ xem'],
    en: ['Role "provincialViewer" may not perform "visit.start"', 'read only'],
    fields: { role: 'provincialViewer', action: 'visit.start' },
  },
  {
    cls: EmbargoedError,
    code: 'EMBARGOED',
    name: 'EmbargoedError',
    make: () => new EmbargoedError({ what: 'notification' }),
    vi: ['Không thể tiết lộ notification', 'đột xuất'],
    en: ['Cannot disclose notification', 'unannounced visit has not started'],
    fields: { what: 'notification' },
  },
  {
    cls: StorageError,
    code: 'STORAGE_FAILED',
    name: 'StorageError',
    make: (cause) => new StorageError({ adapterName: 'sqlite', operation: 'put', cause, detailEn: 'disk full' }),
    vi: ['Bộ lưu trữ "sqlite"', '"put"', 'thử lại'],
    en: ['Storage adapter "sqlite" failed during "put"', 'disk full', 'retry'],
    fields: { adapterName: 'sqlite', operation: 'put' },
  },
  {
    cls: NotificationError,
    code: 'NOTIFICATION_FAILED',
    name: 'NotificationError',
    make: (cause) => new NotificationError({ notifierName: 'email', messageKey: 'm-1', cause }),
    vi: ['Không gửi được thông báo "m-1"', '"email"', 'hàng đợi'],
    en: ['Could not deliver message "m-1" via "email"', 'outbox'],
    fields: { notifierName: 'email', messageKey: 'm-1' },
  },
  {
    cls: RenderError,
    code: 'RENDER_FAILED',
    name: 'RenderError',
    make: (cause) => new RenderError({ renderer: 'pdf', documentKind: 'KH', cause }),
    vi: ['Không tạo được văn bản KH', '"pdf"'],
    en: ['Could not render the KH document with the "pdf" renderer'],
    fields: { renderer: 'pdf', documentKind: 'KH' },
  },
  {
    cls: ImportError,
    code: 'IMPORT_FAILED',
    name: 'ImportError',
    make: (cause) => new ImportError({ source: 'targets.csv', row: 12, column: 'district', problemVi: 'mã huyện không tồn tại', problemEn: 'unknown district code', cause }),
    vi: ['Lỗi nhập dữ liệu targets.csv, dòng 12, cột "district"', 'mã huyện không tồn tại', 'Không có dòng nào được ghi'],
    en: ['Import of targets.csv failed at row 12, column "district"', 'unknown district code', 'No row was written'],
    fields: { source: 'targets.csv', row: 12, column: 'district' },
  },
  {
    cls: ConfigurationError,
    code: 'CONFIGURATION_INVALID',
    name: 'ConfigurationError',
    make: (cause) => new ConfigurationError({ problemVi: 'phiên bản hợp đồng lưu trữ 2 không được hỗ trợ', problemEn: 'storage contractVersion 2 is not supported', cause }),
    vi: ['Cấu hình không hợp lệ: phiên bản hợp đồng lưu trữ 2'],
    en: ['Invalid configuration: storage contractVersion 2 is not supported'],
    fields: {},
  },
];

describe.each(CASES)('$name', ({ cls, code, name, make, vi, en, fields }) => {
  it(`carries the stable code ${code} and its class name`, () => {
    const e = make();
    expect(e.code).toBe(code);
    expect(e.name).toBe(name);
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(InspectError);
    expect(e).toBeInstanceOf(cls as unknown as new (...args: never[]) => unknown);
  });

  it('says what went wrong in Vietnamese and in English', () => {
    const e = make();
    for (const f of vi) expect(e.messageVi).toContain(f);
    for (const f of en) expect(e.messageEn).toContain(f);
    expect(e.messageVi).not.toBe(e.messageEn);
    expect(e.message).toBe(`${e.messageVi} / ${e.messageEn}`);
    expect(e.messageVi).toBe(e.messageVi.normalize('NFC'));
  });

  it('exposes its structured fields', () => {
    expect(make()).toMatchObject(fields);
  });

  it('is recognised by its own isInstance and by InspectError.isInstance', () => {
    const e = make();
    expect(cls.isInstance(e)).toBe(true);
    expect(InspectError.isInstance(e)).toBe(true);
  });

  it('is not recognised by the isInstance of any other error class', () => {
    const e = make();
    for (const other of CASES) if (other.cls !== cls) expect(other.cls.isInstance(e), other.name).toBe(false);
  });

  it('isInstance is false for plain errors, look-alike objects and primitives', () => {
    const lookAlike = { name, code, messageVi: 'x', messageEn: 'x', [Symbol.for('pccovid-inspect.error')]: 'yes' };
    for (const x of [new Error('boom'), new TypeError(code), { code }, lookAlike, null, undefined, code, 42, () => code]) {
      expect(cls.isInstance(x)).toBe(false);
      expect(InspectError.isInstance(x)).toBe(false);
    }
  });

  it('isInstance works across copies of the package (Symbol.for markers, not the class)', () => {
    // Another copy of the package defines its own classes but the same global markers.
    class CopiedError extends Error {
      readonly code = code;
      constructor(message: string) {
        super(message);
        const self = this as unknown as Record<symbol, boolean>;
        self[Symbol.for('pccovid-inspect.error')] = true;
        self[Symbol.for(`pccovid-inspect.error.${code}`)] = true;
      }
    }
    const copy = new CopiedError('from another copy');
    expect(copy).not.toBeInstanceOf(InspectError);
    expect(cls.isInstance(copy)).toBe(true);
    expect(InspectError.isInstance(copy)).toBe(true);
    const plainCopy = { [Symbol.for('pccovid-inspect.error')]: true, [Symbol.for(`pccovid-inspect.error.${code}`)]: true };
    expect(cls.isInstance(plainCopy)).toBe(true);
  });

  it('keeps no stack and no cause in toJSON, and survives JSON.stringify', () => {
    const e = make(new Error('underlying'));
    const json = e.toJSON();
    expect(json).toMatchObject({ name, code, messageVi: e.messageVi, messageEn: e.messageEn });
    expect(json).not.toHaveProperty('stack');
    expect(json).not.toHaveProperty('cause');
    const round = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
    expect(round).toEqual(JSON.parse(JSON.stringify(json)));
    expect(JSON.stringify(e)).not.toContain('    at ');
  });
});

describe('cause', () => {
  it.each(CASES.filter((c) => c.make.length > 0))('$name keeps the cause it was given', ({ make }) => {
    const underlying = new Error('SQLITE_BUSY');
    expect(make(underlying).cause).toBe(underlying);
  });

  it('is absent when none was given', () => {
    const e = new NotFoundError({ collection: 'visits', id: 'v-1' });
    expect(e.cause).toBeUndefined();
    expect('cause' in e).toBe(false);
  });
});

describe('InspectError', () => {
  it('can be constructed directly with a hint, which toJSON includes', () => {
    const e = new InspectError('CONFLICT', { messageVi: 'Xung đột.', messageEn: 'Conflict.', hint: 'Reload.' });
    expect(e.hint).toBe('Reload.');
    expect(e.toJSON()).toEqual({ name: 'InspectError', code: 'CONFLICT', messageVi: 'Xung đột.', messageEn: 'Conflict.', hint: 'Reload.' });
    expect(InspectError.isInstance(e)).toBe(true);
    // The base carries no per-code marker: only the subclass does.
    expect(ConflictError.isInstance(e)).toBe(false);
  });

  it('leaves hint out of toJSON when there is none', () => {
    const e = new InspectError('NOT_FOUND', { messageVi: 'Không có.', messageEn: 'None.' });
    expect(e.toJSON()).not.toHaveProperty('hint');
  });
});

describe('message details', () => {
  it('ConflictError names a missing record when actualVersion is null', () => {
    const e = new ConflictError({ collection: 'visits', id: 'v-1', expectedVersion: 1, actualVersion: null });
    expect(e.messageVi).toContain('không tồn tại');
    expect(e.messageEn).toContain('found none');
    expect(e.toJSON()).toMatchObject({ actualVersion: null, expectedVersion: 1 });
  });

  it('ImportError without a column names only the row, and falls back to the English problem', () => {
    const e = new ImportError({ source: 'targets.csv', row: 3, problemEn: 'empty name' });
    expect(e.column).toBeUndefined();
    expect(e.messageEn).toBe('Import of targets.csv failed at row 3: empty name. No row was written.');
    expect(e.messageVi).toContain('dòng 3: empty name');
    expect(e.messageVi).not.toContain('cột');
  });

  it('EmbargoedError names neither a date nor a target', () => {
    const e = new EmbargoedError({ what: 'lịch kiểm tra' });
    expect(e.messageVi + e.messageEn).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}/);
  });

  it('RenderError keeps a custom hint', () => {
    expect(new RenderError({ renderer: 'docx', documentKind: 'BB', hint: 'Pass the Times New Roman font.' }).hint).toBe('Pass the Times New Roman font.');
  });

  it('subclasses add their fields to toJSON', () => {
    expect(new NotFoundError({ collection: 'targets', id: 'tg-1' }).toJSON()).toMatchObject({ collection: 'targets', id: 'tg-1' });
    expect(new StorageError({ adapterName: 'memory', operation: 'query' }).toJSON()).toMatchObject({ adapterName: 'memory', operation: 'query' });
    expect(new ForbiddenError({ role: 'target', action: 'visit.read' }).toJSON()).toMatchObject({ role: 'target', action: 'visit.read' });
    expect(new InvalidTransitionError({ machineId: 'visit', state: 'closed', event: 'visit.start' }).toJSON()).toMatchObject({
      machineId: 'visit',
      state: 'closed',
      event: 'visit.start',
    });
  });
});

describe('ValidationError', () => {
  it('fromZod keeps every issue with its full path, and the zod error as cause', () => {
    const schema = z.object({
      period: z.object({ from: z.string(), to: z.string() }),
      legalBasis: z.array(z.object({ numberSymbol: z.string().regex(/^\d+\//) })),
    });
    const parsed = schema.safeParse({ period: { from: 1, to: '2021-12-31' }, legalBasis: [{ numberSymbol: '7641/UBND' }, { numberSymbol: 'bad' }] });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const e = ValidationError.fromZod('Campaign', parsed.error);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.subject).toBe('Campaign');
    expect(e.cause).toBe(parsed.error);
    expect(e.issues.map((i) => i.path)).toEqual([
      ['period', 'from'],
      ['legalBasis', 1, 'numberSymbol'],
    ]);
    expect(e.issues[0]?.code).toBe('invalid_type');
    expect(e.issues[1]?.code).toBe('invalid_format');
    expect(e.messageEn).toContain('Invalid Campaign (period.from)');
    expect(e.toJSON()).toMatchObject({ subject: 'Campaign', issues: e.issues });
    expect(e.toJSON()).not.toHaveProperty('cause');
  });

  it('fromZod turns symbol path keys into strings', () => {
    const sym = Symbol('k');
    const error = new z.ZodError([{ code: 'custom', path: [sym, 0], message: 'bad', input: undefined }]);
    expect(ValidationError.fromZod('X', error).issues[0]?.path).toEqual(['Symbol(k)', 0]);
  });

  it('with a root-level issue mentions no path', () => {
    const e = new ValidationError({ subject: 'Visit', issues: [{ path: [], code: 'invalid_type', message: 'expected object' }] });
    expect(e.messageEn).toBe('Invalid Visit: expected object. Fix the listed fields and submit again.');
  });

  it('with no issues still builds a message', () => {
    const e = new ValidationError({ subject: 'Visit', issues: [] });
    expect(e.messageVi).toContain('không rõ');
    expect(e.messageEn).toContain('unknown');
  });
});

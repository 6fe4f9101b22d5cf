/**
 * The seed's round at the province's real scale, on synthetic data made from a fixed seed: about
 * 2,000 units across Hà Tĩnh's 13 district-level units and the plan's eight target types, the
 * PC-Covid portal's daily figures for November 2021, and — for each unit — what a team would find
 * on the day (the "truth" its answers are made from). Same seed → the same files on every machine.
 *
 * All names, codes and figures are fictional; the districts and their GSO codes are real.
 */
import { mulberry32, TARGET_TYPE_LABELS, type Person, type Target, type TeamMember } from '@pccovid-inspect/core';
import { HA_TINH_2021_DISTRICTS, HA_TINH_TENANT } from '@pccovid-inspect/province-ha-tinh';

/** The seed of every generated file. */
export const SCALE_SEED = 20211201;

/** mulberry32: a small seeded PRNG. */
export const prng: (seed: number) => () => number = mulberry32;

/** Communes and wards by district (a few each, for unit names and addresses). */
const PLACES: Record<string, readonly string[]> = {
  '436': ['Nam Hà', 'Bắc Hà', 'Trần Phú', 'Tân Giang', 'Thạch Linh', 'Văn Yên', 'Thạch Trung', 'Đại Nài'],
  '437': ['Bắc Hồng', 'Nam Hồng', 'Đức Thuận', 'Trung Lương', 'Thuận Lộc'],
  '439': ['Phố Châu', 'Tây Sơn', 'Sơn Kim 1', 'Sơn Tây', 'Sơn Ninh', 'Sơn Giang'],
  '440': ['Đức Thọ', 'Tùng Ảnh', 'Đức Đồng', 'Lâm Trung Thủy', 'Tân Dân'],
  '441': ['Vũ Quang', 'Hương Minh', 'Đức Lĩnh', 'Quang Thọ'],
  '442': ['Xuân An', 'Tiên Điền', 'Xuân Thành', 'Cổ Đạm', 'Xuân Hội'],
  '443': ['Nghèn', 'Đồng Lộc', 'Thiên Lộc', 'Tùng Lộc', 'Khánh Vĩnh Yên'],
  '444': ['Hương Khê', 'Phúc Đồng', 'Hương Trà', 'Hà Linh', 'Gia Phố'],
  '445': ['Thạch Hà', 'Thạch Đài', 'Thạch Kênh', 'Việt Tiến', 'Thạch Xuân'],
  '446': ['Cẩm Xuyên', 'Thiên Cầm', 'Cẩm Quan', 'Cẩm Vịnh', 'Cẩm Trung'],
  '447': ['Kỳ Đồng', 'Kỳ Tân', 'Kỳ Văn', 'Kỳ Xuân', 'Kỳ Phú'],
  '448': ['Thạch Bằng', 'Thịnh Lộc', 'Hộ Độ', 'Mai Phụ', 'Thạch Mỹ'],
  '449': ['Sông Trí', 'Kỳ Trinh', 'Hưng Trí', 'Kỳ Liên', 'Kỳ Phương', 'Kỳ Long'],
};

/** How many units of each type the synthetic province has (2,000 in all). */
const TYPE_COUNTS = {
  provincial_department: 28,
  central_agency: 18,
  district_peoples_committee: 13,
  hospital: 39,
  market: 156,
  school: 520,
  office: 546,
  business: 680,
} as const;
type BuiltInType = keyof typeof TYPE_COUNTS;

const DEPARTMENTS = [
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Tư pháp',
  'Sở Nội vụ',
  'Sở Công Thương',
  'Sở Xây dựng',
  'Sở Giáo dục và Đào tạo',
  'Sở Lao động – Thương binh và Xã hội',
];
const CENTRAL = ['Cục Thuế tỉnh', 'Cục Thống kê tỉnh', 'Bảo hiểm xã hội tỉnh', 'Cục Hải quan', 'Ngân hàng Nhà nước chi nhánh', 'Cục Thi hành án dân sự tỉnh'];
const SCHOOLS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Trường THPT'];
const OFFICES = ['UBND xã', 'Bưu điện', 'Chi cục Thuế', 'Trung tâm Y tế', 'Ngân hàng Nông nghiệp chi nhánh', 'Công an xã'];
const BUSINESSES = ['Công ty TNHH Thương mại', 'Siêu thị', 'Nhà hàng', 'Khách sạn', 'Công ty Cổ phần Xây dựng', 'Cửa hàng Điện máy', 'Bến xe khách'];

/**
 * What a team finds at a unit on the day. Each flag is one of the realistic defects of the round;
 * none set → the unit complies.
 */
export interface UnitTruth {
  /** No location QR point created at all (b1). */
  noQr: boolean;
  /** The old Bluezone code still posted instead of PC-Covid's (b2). */
  legacyBluezone: boolean;
  /** The code posted where visitors cannot see it (b2). */
  hiddenCode: boolean;
  /** Nobody guides or reminds visitors to scan (b3). */
  nobodyGuiding: boolean;
  /** Registered, but zero scans on most of the days reviewed (b4). */
  zeroScanDays: number;
  /** The portal (quanly.pccovid.gov.vn) not used to trace F1 contacts (c2). */
  portalUnusedForTracing: boolean;
  /** Staff total and with PC-Covid installed. */
  staff: { total: number; installed: number };
  /** Average scans per day when scanning works. */
  perDay: number;
}

/** A generated unit: the target as a province lists it, its portal code and what a visit finds. */
export interface SyntheticUnit {
  target: Target;
  qrCode: string | null;
  truth: UnitTruth;
}

/** The generated province: units, the extra people of the team, and the portal's figures. */
export interface SyntheticProvince {
  units: SyntheticUnit[];
  /** District culture-information officers for the ten districts the seed has no person for. */
  people: Person[];
}

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** District officers' names (fictional). */
const OFFICER_NAMES = [
  'Nguyễn Đình Phúc',
  'Trần Thị Hằng',
  'Lê Quang Vinh',
  'Phạm Thị Ngọc',
  'Hoàng Minh Tuấn',
  'Bùi Thị Thu',
  'Đỗ Văn Sơn',
  'Dương Thị Hạnh',
  'Thái Văn Lực',
  'Chu Thị Nga',
];

/** Generates the synthetic province from {@link SCALE_SEED}. */
export function syntheticProvince(seed = SCALE_SEED): SyntheticProvince {
  const random = prng(seed);
  const districts = HA_TINH_2021_DISTRICTS.map((d) => d.code);
  const districtName = new Map(HA_TINH_2021_DISTRICTS.map((d) => [d.code, d.name]));
  const units: SyntheticUnit[] = [];
  let n = 0;
  for (const [type, count] of Object.entries(TYPE_COUNTS) as [BuiltInType, number][]) {
    for (let i = 0; i < count; i++) {
      n += 1;
      // Provincial bodies sit in the city; district committees one per district; the rest spread.
      const districtCode =
        type === 'provincial_department' || type === 'central_agency'
          ? i % 5 === 0
            ? '449'
            : '436'
          : type === 'district_peoples_committee'
            ? districts[i]!
            : pick(random, districts);
      const place = pick(random, PLACES[districtCode]!);
      const dn = districtName.get(districtCode)!;
      const name =
        type === 'provincial_department'
          ? `${DEPARTMENTS[i % DEPARTMENTS.length]!}${i >= DEPARTMENTS.length ? ` – Chi cục ${i}` : ''}`
          : type === 'central_agency'
            ? `${CENTRAL[i % CENTRAL.length]!} Hà Tĩnh${i >= CENTRAL.length ? ` – Văn phòng ${i}` : ''}`
            : type === 'district_peoples_committee'
              ? `UBND ${dn
                  .replace(/^Huyện/, 'huyện')
                  .replace(/^Thị xã/, 'thị xã')
                  .replace(/^Thành phố/, 'thành phố')}`
              : type === 'hospital'
                ? `Bệnh viện Đa khoa ${place} số ${i + 1}`
                : type === 'market'
                  ? `Chợ ${place}${i >= 20 ? ` ${i + 1}` : ''}`
                  : type === 'school'
                    ? `${pick(random, SCHOOLS)} ${place} ${i + 1}`
                    : type === 'office'
                      ? `${pick(random, OFFICES)} ${place} ${i + 1}`
                      : `${pick(random, BUSINESSES)} ${place} ${i + 1}`;
      const id = `dv-${String(n).padStart(4, '0')}`;
      // Markets and businesses lag; provincial bodies mostly comply.
      const laggard = type === 'market' ? 0.45 : type === 'business' ? 0.3 : type === 'provincial_department' || type === 'central_agency' ? 0.08 : 0.18;
      const noQr = random() < laggard * 0.1;
      const qrCode = noQr ? null : `HT-${districtCode}-${String(n).padStart(6, '0')}`;
      const staffTotal = 10 + Math.floor(random() * (type === 'hospital' ? 400 : type === 'school' ? 60 : 90));
      const truth: UnitTruth = {
        noQr,
        legacyBluezone: !noQr && random() < laggard * 0.2,
        hiddenCode: !noQr && random() < laggard * 0.15,
        nobodyGuiding: random() < laggard * 0.4,
        zeroScanDays: noQr ? 30 : random() < laggard * 0.25 ? 8 + Math.floor(random() * 20) : random() < 0.2 ? 1 + Math.floor(random() * 2) : 0,
        portalUnusedForTracing: random() < laggard * 0.2,
        staff: { total: staffTotal, installed: staffTotal - Math.floor(random() * Math.min(8, staffTotal / 3)) },
        perDay: type === 'market' || type === 'hospital' ? 80 + Math.floor(random() * 600) : 5 + Math.floor(random() * 120),
      };
      units.push({
        qrCode,
        truth,
        target: {
          tenantId: HA_TINH_TENANT.id,
          id,
          campaignId: 'campaign-ht-2021-pccovid',
          name,
          type,
          districtCode,
          address: `${place}, ${dn}`,
          organizationId: null,
          representativePersonId: null,
          qrPoints: [],
        },
      });
    }
  }
  const covered = new Set(['436', '443', '449']); // the seed's own district officers
  const people: Person[] = districts
    .filter((d) => !covered.has(d))
    .map((d, i) => ({
      tenantId: HA_TINH_TENANT.id,
      id: `p-vhtt-${d}`,
      fullName: OFFICER_NAMES[i % OFFICER_NAMES.length]!,
      position: `Chuyên viên Phòng VHTT ${districtName
        .get(d)!
        .replace(/^Huyện/, 'huyện')
        .replace(/^Thị xã/, 'thị xã')}`,
      organizationId: `org-vhtt-${d}`,
      contact: null,
    }));
  return { units, people };
}

/** The team: the Inspectorate lead, the IT division's deputy, a secretary, Health and every district's officer. */
export function scaleTeam(): TeamMember[] {
  return [
    { personId: 'p-lead', role: 'lead', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
    { personId: 'p-it', role: 'deputy', organizationId: 'org-stttt-cntt', source: 'it_division', districtCode: null },
    { personId: 'p-secretary', role: 'secretary', organizationId: 'org-stttt-ttra', source: 'inspectorate', districtCode: null },
    { personId: 'p-health', role: 'member', organizationId: 'org-syt', source: 'health', districtCode: null },
    ...HA_TINH_2021_DISTRICTS.map((d): TeamMember => ({
      personId: `p-vhtt-${d.code}`,
      role: 'member',
      organizationId: `org-vhtt-${d.code}`,
      source: 'district_culture_info',
      districtCode: d.code,
    })),
  ];
}

const csvCell = (s: string): string => (/[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvLine = (cells: readonly (string | number)[]): string => `${cells.map((c) => csvCell(String(c))).join(',')}\r\n`;

/** The province's list of units, as a spreadsheet export (UTF-8 with BOM, CRLF, Vietnamese headers). */
export function targetsCsv(units: readonly SyntheticUnit[]): string {
  const lines = ['\uFEFF' + csvLine(['Mã đơn vị', 'Tên đơn vị', 'Loại hình', 'Mã huyện', 'Địa chỉ', 'Mã QR'])];
  for (const u of units)
    lines.push(csvLine([u.target.id, u.target.name, TARGET_TYPE_LABELS[u.target.type as BuiltInType].vi, u.target.districtCode, u.target.address, u.qrCode ?? '']));
  return lines.join('');
}

/**
 * The portal's export of daily scans per registered location for November 2021 (one row per unit
 * with a code and day). A unit's zero-scan days are its last ones.
 */
export function portalCsv(units: readonly SyntheticUnit[], seed = SCALE_SEED): string {
  const random = prng(seed ^ 0x5eed);
  const lines = ['\uFEFF' + csvLine(['Mã đơn vị', 'Mã QR', 'Mã huyện', 'Ngày', 'Số điểm QR', 'Lượt quét', 'Người quét'])];
  for (const u of units) {
    if (u.qrCode === null) continue;
    const points = 1 + Math.floor(random() * 4);
    for (let day = 1; day <= 30; day++) {
      const zero = day > 30 - u.truth.zeroScanDays;
      const scans = zero ? 0 : Math.max(1, Math.round(u.truth.perDay * (0.6 + random() * 0.8)));
      lines.push(csvLine([u.target.id, u.qrCode, u.target.districtCode, `${String(day).padStart(2, '0')}/11/2021`, points, scans, Math.round(scans * 0.7)]));
    }
  }
  return lines.join('');
}

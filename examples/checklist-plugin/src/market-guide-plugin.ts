/**
 * Hà Tĩnh's checklist plugin: at markets, the team also checks whether a staff member guides
 * visitors to scan the location QR code (item `d1`, in a new section `d`). A Chưa đạt (not met)
 * answer must carry a photo or a note — a rule kind of the plugin's own (`photoOrNote`).
 *
 * The plugin only ADDS to the shipped template `pc-covid-ii1@1`; applying it derives
 * `pc-covid-ii1@1+ha-tinh-markets@1`. Campaigns pinned to `1` are untouched.
 */
import { z } from 'zod';
import { applyChecklistPlugins, defineChecklistPlugin, defineChecklistRuleType, PC_COVID_CHECKLIST_V1, type ChecklistTemplate } from '@pccovid-inspect/core';

/** The plugin's id (lower-case kebab-case) and version: they become part of the derived version. */
export const PLUGIN_ID = 'ha-tinh-markets';
export const PLUGIN_VERSION = '1';

/** The item the plugin adds. */
export const MARKET_GUIDE_ITEM = 'd1';

/**
 * A rule kind: when it applies (`when` of the rule in the template), the answer needs evidence of
 * `params.evidenceKind` or a non-empty note. Pure and deterministic, as every plugin rule must be.
 */
export const photoOrNote = defineChecklistRuleType({
  name: 'photoOrNote',
  params: z.strictObject({ evidenceKind: z.enum(['photo', 'screenshot', 'document']) }),
  evaluate: ({ response, params }) => {
    const hasEvidence = response.evidence.some((e) => e.kind === params.evidenceKind);
    const hasNote = (response.note ?? '').trim() !== '';
    return hasEvidence || hasNote ? { satisfied: true } : { satisfied: false, path: ['note'] };
  },
});

/** The plugin: one section, one item, one rule type. */
export const haTinhMarketsPlugin = defineChecklistPlugin({
  id: PLUGIN_ID,
  version: PLUGIN_VERSION,
  rules: [photoOrNote],
  sections: [
    {
      id: 'd',
      title: { vi: 'Nội dung bổ sung tại chợ (Sở TT&TT Hà Tĩnh)', en: 'Extra check at markets (Hà Tĩnh DIC)' },
      items: [
        {
          id: MARKET_GUIDE_ITEM,
          label: {
            vi: 'Ban quản lý chợ bố trí nhân viên hướng dẫn người dân quét mã QR tại lối vào chợ',
            en: 'The market board has a staff member at the entrance guiding visitors to scan the QR code',
          },
          guidance: {
            vi: 'Chỉ đánh giá tại chợ; ở đơn vị khác để trống. Chưa đạt: chụp ảnh lối vào hoặc ghi chú lý do.',
            en: 'Only at markets; leave it unanswered elsewhere. Not met: photograph the entrance or write a note.',
          },
          critical: false,
          required: false,
          answerType: 'none',
          rules: [
            {
              kind: 'custom',
              type: `${PLUGIN_ID}:photoOrNote`,
              when: 'not_met',
              params: { evidenceKind: 'photo' },
              message: { vi: 'Chưa đạt phải kèm ảnh chụp hoặc ghi chú.', en: 'A not-met answer needs a photo or a note.' },
            },
          ],
        },
      ],
    },
  ],
});

/** The derived template, `pc-covid-ii1@1+ha-tinh-markets@1` (the service derives the same one). */
export const MARKETS_TEMPLATE: ChecklistTemplate = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [haTinhMarketsPlugin]);

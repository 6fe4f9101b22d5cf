import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';
import * as browser from '../src/browser/index.js';

describe('public API', () => {
  it('pins the export names of the root entry', () => {
    expect(Object.keys(root).sort()).toMatchInlineSnapshot(`
      [
        "STATISTICS_HEADERS",
        "TARGET_HEADERS",
        "VIETNAMESE_ENCODINGS",
        "blobChunks",
        "createStatisticsRowMapper",
        "createTargetRowMapper",
        "createVietnameseDecoder",
        "csvField",
        "csvLine",
        "decodeTcvn3",
        "decodeVietnamese",
        "decodeVni",
        "detectDelimiter",
        "detectEncoding",
        "encodeTcvn3",
        "encodeVni",
        "exportRowsCsv",
        "exportRowsXlsx",
        "foldVietnamese",
        "importPortalStatistics",
        "importTargets",
        "mergeHeaderMapping",
        "neutraliseCell",
        "readCsvRecords",
        "readXlsxRecords",
        "resolveHeaders",
        "rowIssueError",
      ]
    `);
  });
  it('pins the export names of the browser entry, which uses no Node built-in', () => {
    expect(Object.keys(browser).sort()).toMatchInlineSnapshot(`
      [
        "STATISTICS_HEADERS",
        "TARGET_HEADERS",
        "VIETNAMESE_ENCODINGS",
        "blobChunks",
        "createStatisticsRowMapper",
        "createTargetRowMapper",
        "createVietnameseDecoder",
        "csvField",
        "csvLine",
        "decodeVietnamese",
        "detectDelimiter",
        "detectEncoding",
        "foldVietnamese",
        "mergeHeaderMapping",
        "neutraliseCell",
        "readCsvRecords",
        "resolveHeaders",
        "rowIssueError",
      ]
    `);
  });
});

import type { InspectionService } from '@pccovid-inspect/core';

/** Writes the campaign's documents into `outDir`; returns the files written. (Filled in with the renderers.) */
export async function writeDocuments(_service: InspectionService, _campaignId: string, _outDir: string): Promise<string[]> {
  return [];
}

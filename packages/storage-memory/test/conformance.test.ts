import { describeStorageConformance } from '@pccovid-inspect/testkit/storage';
import { createMemoryStorage, inspectMemoryStorage } from '@pccovid-inspect/storage-memory';

describeStorageConformance({
  name: 'memory',
  createAdapter: () => createMemoryStorage(),
  inspect: (adapter) => inspectMemoryStorage(adapter),
});

// The same adapter limited as a smaller production store would be: the kit sizes its large
// value from capabilities.maxRecordBytes and checks that larger data is rejected.
describeStorageConformance({
  name: 'memory (maxRecordBytes 256 KiB)',
  createAdapter: () => createMemoryStorage({ maxRecordBytes: 256 * 1024 }),
  inspect: (adapter) => inspectMemoryStorage(adapter),
  skip: {
    queries: 'covered by the unlimited run above',
    races: 'covered by the unlimited run above',
    portalStatistics: 'covered by the unlimited run above',
    groupedCounts: 'covered by the unlimited run above',
  },
});

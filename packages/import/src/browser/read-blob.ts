/**
 * The bytes of a `Blob` / `File` as an async iterable of chunks (its web `ReadableStream`), for
 * `readCsvRecords` in a browser.
 *
 * @example
 * ```ts
 * for await (const record of readCsvRecords(blobChunks(input.files[0]))) { … }
 * ```
 */
export async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

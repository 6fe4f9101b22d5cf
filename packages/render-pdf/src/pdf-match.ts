/** @internal An exhaustive switch on a block's `type`: a new block kind is a compile error here. */
import type { BodyBlock } from '@pccovid-inspect/core/documents';

type Handlers<R> = { [K in BodyBlock['type']]: (block: Extract<BodyBlock, { type: K }>) => R };

export function match<R>(block: BodyBlock, handlers: Handlers<R>): R {
  const handler = handlers[block.type] as (b: BodyBlock) => R;
  return handler(block);
}

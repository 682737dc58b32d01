import { resolveSources } from '../../src/config/load.ts';
import { ConfigSchema, type ResolvedSource, type Source } from '../../src/schemas/config.ts';

type SourceInput = Partial<Omit<Source, 'id'>> & { id?: string };

/** A ResolvedSource built the way the CLI builds it: schema defaults, then resolveSources. */
export function makeSource(input: SourceInput = {}): ResolvedSource {
  const config = ConfigSchema.parse({ sources: [{ id: 'tin-test', ...input }] });
  return resolveSources(config).get(config.sources[0].id)!;
}

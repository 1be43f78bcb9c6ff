import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pcnConfigSchema, type PcnConfig } from '../../src/domain/pcn-config';

export const EXAMPLE_PCN_PATH = join(__dirname, '..', '..', 'config', 'pcn.example.json');

/** The shipped example configuration, parsed exactly as the bot parses it. */
export function examplePcn(
  overrides: (raw: Record<string, unknown>) => void = () => undefined,
): PcnConfig {
  const raw = JSON.parse(readFileSync(EXAMPLE_PCN_PATH, 'utf8')) as Record<string, unknown>;
  overrides(raw);
  return pcnConfigSchema.parse(raw);
}

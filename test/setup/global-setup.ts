import { rmSync } from 'node:fs';
import { IDENTIFIER_TAP_DIR, LOG_TAP_DIR } from '../helpers/log-tap';

/** A fresh log tap for this run. */
export default function globalSetup(): void {
  rmSync(LOG_TAP_DIR, { recursive: true, force: true });
  rmSync(IDENTIFIER_TAP_DIR, { recursive: true, force: true });
}

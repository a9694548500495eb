// What every use case is given: the database, the clock, and the built-in default playbook.

import type { Db } from '../store/database.js';

export interface AppContext {
  readonly db: Db;
  /** The clock; fixed in tests. */
  readonly now: () => number;
  /** The built-in default playbook document (YAML), the base of `extends: default`. */
  readonly defaultPlaybookText: string;
}

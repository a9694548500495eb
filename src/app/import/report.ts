// What an import reports: files read, records created, updated or left as they were, rows ignored
// or rejected (with their line and reason), owners it did not know, prospects re-decided.

import type { Encoding } from '../../integrations/csv/decode.js';
import type { FormatName } from '../../integrations/crm/unit.js';

export interface RejectedRow {
  file: string;
  line: number;
  reason: string;
}

export interface ImportReport {
  /** False when rows were rejected without skipBad: then nothing was written. */
  committed: boolean;
  files: { name: string; format: FormatName; kind: string; encoding: Encoding; rows: number }[];
  rowsRead: number;
  /** Rows with nothing to import (notes, tasks, cancelled meetings), by reason. */
  ignored: Record<string, number>;
  prospects: { created: number; updated: number; unchanged: number };
  contacts: { created: number; updated: number };
  events: { added: number; duplicates: number };
  productsCreated: string[];
  /** Owners in the files that are no user of the team (or not one the importer may assign): the importer got them. */
  unknownOwners: { owner: string; rows: number }[];
  /** The rejected rows (the first 10,000; `rejectedCount` counts them all). */
  rejected: RejectedRow[];
  rejectedCount: number;
  rejectsFiles: string[];
  /** Prospects re-decided; prospects left without a contact cannot be decided until one is added. */
  decided: number;
  withoutContacts: number;
}

/** A report before anything is read. */
export function emptyReport(): ImportReport {
  return {
    committed: false,
    files: [],
    rowsRead: 0,
    ignored: {},
    prospects: { created: 0, updated: 0, unchanged: 0 },
    contacts: { created: 0, updated: 0 },
    events: { added: 0, duplicates: 0 },
    productsCreated: [],
    unknownOwners: [],
    rejected: [],
    rejectedCount: 0,
    rejectsFiles: [],
    decided: 0,
    withoutContacts: 0,
  };
}

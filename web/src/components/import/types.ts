// What the import API answers: a preview of a file, and a job with its progress and report.

export interface Preview {
  format: string | null;
  kind: string | null;
  columns: string[];
  sample: string[][];
  fields: string[];
  suggested: Record<string, string>;
  problem: string | null;
}

export interface Report {
  files: { name: string; format: string; kind: string; rows: number }[];
  rowsRead: number;
  ignored: Record<string, number>;
  prospects: { created: number; updated: number; unchanged: number };
  contacts: { created: number; updated: number };
  events: { added: number; duplicates: number };
  unknownOwners: { owner: string; rows: number }[];
  rejected: { file: string; line: number; reason: string }[];
  rejectedCount: number;
  decided: number;
  withoutContacts: number;
}

export interface Job {
  id: string;
  fileName: string;
  status: 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  bytesTotal: number | null;
  bytesRead: number;
  rows: number;
  rejected: number;
  phase: 'reading' | 'deciding';
  decided: number;
  toDecide: number;
  cancelRequested: boolean;
  report: Report | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

// `pursuit import FILE...` (HubSpot, Salesforce, Pipedrive, generic CSV, Pursuit's own export) and
// `pursuit export`. Imports show a progress bar on a terminal, and Ctrl-C leaves the database as it was.

import { exportData } from '../../app/import/export.js';
import type { ExportFormat } from '../../app/import/export.js';
import { importFiles } from '../../app/import/import.js';
import type { ImportOptions, ImportReport } from '../../app/import/import.js';
import { checkFormat } from '../../app/import/preview.js';
import { plural } from '../../core/rules/words.js';
import { PursuitError } from '../../core/errors.js';
import { EXIT } from '../exit.js';
import type { Io } from '../program.js';
import { progressBar } from '../progress.js';
import { asActor, printJson } from '../session.js';
import type { GlobalOptions } from '../session.js';

export interface ImportCliOptions extends GlobalOptions {
  format?: string;
  map?: string;
  system?: string;
  skipBad?: boolean;
  rejects?: string;
  zone?: string;
}

function describe(report: ImportReport): string {
  const lines = report.files.map(
    (f) => `${f.name}: ${f.format} ${f.kind}, ${plural(f.rows, 'row')} (${f.encoding})`,
  );
  // After a roll-back nothing was added: counts of what was read would only mislead.
  if (report.committed) {
    lines.push(
      `Prospects: ${report.prospects.created} new, ${report.prospects.updated} updated, ${report.prospects.unchanged} unchanged; contacts: ${report.contacts.created} new, ${report.contacts.updated} updated.`,
      `Events: ${report.events.added} added, ${report.events.duplicates} already there.`,
    );
  }
  const ignored = Object.entries(report.ignored);
  if (ignored.length > 0) lines.push(`Ignored: ${ignored.map(([why, n]) => `${n} ${why}`).join(', ')}.`);
  if (report.unknownOwners.length > 0) {
    lines.push(
      `Owners who are not users (their prospects are yours): ${report.unknownOwners.map((o) => `${o.owner} (${o.rows})`).join(', ')}.`,
    );
  }
  if (report.rejectedCount > 0) {
    lines.push(`Rejected ${plural(report.rejectedCount, 'row')}:`);
    for (const r of report.rejected.slice(0, 20)) lines.push(`  ${r.file} line ${r.line}: ${r.reason}`);
    if (report.rejectedCount > 20)
      lines.push(
        `  ... and ${report.rejectedCount - 20} more${report.rejectsFiles.length > 0 ? '' : ' (--json for all)'}`,
      );
    if (report.rejectsFiles.length > 0)
      lines.push(`The rejected rows are in ${report.rejectsFiles.join(', ')}.`);
  }
  lines.push(
    report.committed
      ? `Imported; ${plural(report.decided, 'prospect')} decided${report.withoutContacts > 0 ? `, ${report.withoutContacts} wait for a contact` : ''}.`
      : 'Nothing was imported: fix the rows above, or use --skip-bad to import the good rows and set the bad ones aside.',
  );
  return `${lines.join('\n')}\n`;
}

export async function importCommand(files: string[], options: ImportCliOptions, io: Io): Promise<number> {
  const format = checkFormat(options.format, 'INVALID_ARGUMENTS');
  return asActor(io, options, async ({ ctx }, actor) => {
    const bar = progressBar(
      io,
      options.json,
      'importing {file} |{bar}| {percentage}% · {rows} rows · {rejected} rejected',
    );
    const abort = new AbortController();
    const onInterrupt = () => abort.abort();
    process.once('SIGINT', onInterrupt);
    let started = false;
    const importOptions: ImportOptions = {
      ...(format === undefined ? {} : { format }),
      ...(options.map === undefined ? {} : { mapping: options.map }),
      ...(options.system === undefined ? {} : { system: options.system }),
      ...(options.skipBad === undefined ? {} : { skipBad: options.skipBad }),
      ...(options.rejects === undefined ? {} : { rejectsPath: options.rejects }),
      ...(options.zone === undefined ? {} : { zone: options.zone }),
      signal: abort.signal,
      onProgress: (p) => {
        if (bar === undefined) return;
        if (!started) {
          bar.start(p.bytesTotal ?? 1, 0, { file: p.file, rows: 0, rejected: 0 });
          started = true;
        }
        bar.update(p.bytesTotal === undefined ? 0 : p.bytesRead, {
          file: p.file,
          rows: p.rows,
          rejected: p.rejected,
        });
      },
    };
    try {
      const report = await importFiles(
        ctx,
        actor,
        files.map((f) => (f === '-' ? { stream: io.stdin, name: 'stdin' } : { path: f })),
        importOptions,
      );
      bar?.stop();
      if (options.json === true) printJson(io, report);
      else io.stdout.write(describe(report));
      return report.committed ? EXIT.ok : EXIT.unusable;
    } finally {
      bar?.stop();
      process.removeListener('SIGINT', onInterrupt);
    }
  });
}

export async function exportCommand(
  options: GlobalOptions & { format?: string; out?: string },
  io: Io,
): Promise<number> {
  const format = (options.format ?? 'csv') as ExportFormat;
  if (format !== 'csv' && format !== 'jsonl') {
    throw new PursuitError(
      'INVALID_ARGUMENTS',
      `expected csv or jsonl, got "${String(options.format)}"`,
      'format',
    );
  }
  return asActor(io, options, async ({ ctx }, actor) => {
    const report = await exportData(ctx, actor, {
      format,
      ...(options.out === undefined ? { stream: io.stdout } : { path: options.out }),
    });
    if (options.out !== undefined) {
      if (options.json === true) printJson(io, report);
      else
        io.stdout.write(
          `Exported ${report.prospects} prospects, ${report.contacts} contacts and ${report.events} events to ${options.out}.\n`,
        );
    }
    return EXIT.ok;
  });
}

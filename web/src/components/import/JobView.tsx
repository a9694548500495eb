// A running import's progress (bytes read, then prospects decided) with a Stop button, and, once it
// has ended, what it made and the rows it set aside with their line and reason.

import type { Job } from './types.js';

const FORMAT_NAMES: Record<string, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
  jsonl: "Pursuit's JSON Lines",
};

const STATUS: Record<Job['status'], string> = {
  running: 'Importing',
  done: 'Imported',
  failed: 'Failed',
  cancelled: 'Stopped',
  interrupted: 'Interrupted (the server stopped)',
};

function share(job: Job): number | undefined {
  if (job.phase === 'deciding') return job.toDecide === 0 ? undefined : job.decided / job.toDecide;
  return job.bytesTotal === null || job.bytesTotal === 0 ? undefined : job.bytesRead / job.bytesTotal;
}

export function JobView({ job, onStop }: { job: Job; onStop: () => void }) {
  const part = share(job);
  const report = job.report;
  return (
    <section className="job" aria-live="polite">
      <h2>
        {STATUS[job.status]}: {job.fileName}
      </h2>
      {job.status === 'running' && (
        <>
          <progress max={1} value={part} aria-label="Import progress" />
          <p className="summary">
            {job.phase === 'deciding'
              ? `Deciding the next step: ${job.decided.toLocaleString()} of ${job.toDecide.toLocaleString()} prospects.`
              : `${job.rows.toLocaleString()} rows read${job.rejected > 0 ? `, ${job.rejected.toLocaleString()} set aside` : ''}.`}
          </p>
          <button type="button" className="quiet" disabled={job.cancelRequested} onClick={onStop}>
            {job.cancelRequested ? 'Stopping…' : 'Stop the import'}
          </button>
        </>
      )}
      {job.error !== null && <p className={job.status === 'failed' ? 'error' : 'summary'}>{job.error}</p>}
      {report !== null && (
        <>
          <ul className="facts">
            <li>
              {report.rowsRead.toLocaleString()} rows read from{' '}
              {report.files
                .map((f) =>
                  f.format === 'generic' ? 'a plain CSV' : `${FORMAT_NAMES[f.format] ?? f.format} ${f.kind}`,
                )
                .join(', ')}
              .
            </li>
            <li>
              Prospects: {report.prospects.created} new, {report.prospects.updated} updated,{' '}
              {report.prospects.unchanged} unchanged. Contacts: {report.contacts.created} new,{' '}
              {report.contacts.updated} updated. Events: {report.events.added} added,{' '}
              {report.events.duplicates} already there.
            </li>
            <li>
              {report.decided} prospect{report.decided === 1 ? '' : 's'} decided
              {report.withoutContacts > 0 ? `; ${report.withoutContacts} wait for a contact` : ''}.
            </li>
            {report.unknownOwners.length > 0 && (
              <li>
                Owners who are not users (their prospects are yours):{' '}
                {report.unknownOwners.map((o) => `${o.owner} (${o.rows})`).join(', ')}.
              </li>
            )}
          </ul>
          {report.rejectedCount > 0 && (
            <table className="rejected">
              <caption>
                {report.rejectedCount} row{report.rejectedCount === 1 ? '' : 's'} set aside
                {report.rejectedCount > 100 ? ' (the first 100)' : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.slice(0, 100).map((r) => (
                  <tr key={`${r.file}:${r.line}`}>
                    <td>{r.line}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

// Import: choose a CSV (or JSON Lines) file; its first bytes say which export it is and show its
// first rows; a generic CSV's columns are mapped (guesses pre-filled); then the upload, its progress
// (with Stop), and the report with the rows set aside. Export: the same data back out, re-importable.

import { useEffect, useRef, useState } from 'react';
import { api, problem, upload } from '../api.js';
import { JobView } from '../components/import/JobView.js';
import { MappingForm, SampleTable, mappingText } from '../components/import/Mapping.js';
import type { Job, Preview } from '../components/import/types.js';

const HEAD_BYTES = 262_144;
const FORMATS: [string, string][] = [
  ['', 'Tell from the columns'],
  ['hubspot', 'HubSpot'],
  ['salesforce', 'Salesforce'],
  ['pipedrive', 'Pipedrive'],
  ['generic', 'Any CSV (map the columns)'],
  ['jsonl', "Pursuit's JSON Lines"],
];

export function Import() {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  // The columns' mapping, when the file is a plain CSV (chosen so, or not told from its columns).
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [recent, setRecent] = useState<Job[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const poll = useRef<number | undefined>(undefined);

  const loadRecent = () =>
    api<{ items: Job[] }>('GET', '/api/imports').then(
      (r) => setRecent(r.items),
      () => undefined,
    );
  useEffect(() => {
    void loadRecent();
    return () => window.clearTimeout(poll.current);
  }, []);

  const options = () =>
    mapping === null
      ? format === ''
        ? {}
        : { format }
      : { format: 'generic', ...(mappingText(mapping) === '' ? {} : { mapping: mappingText(mapping) }) };

  /** Asks what the file is; with a mapping, whether that mapping reads it. */
  async function look(chosen: File, typedFormat: string, typedMapping: Record<string, string> | null) {
    setError(null);
    setJob(null);
    try {
      const head = await chosen.slice(0, HEAD_BYTES).text();
      const asGeneric = typedMapping !== null && mappingText(typedMapping) !== '';
      const p = await api<Preview>('POST', '/api/imports/preview', {
        name: chosen.name,
        head,
        complete: chosen.size <= HEAD_BYTES,
        ...(asGeneric
          ? { format: 'generic', mapping: mappingText(typedMapping) }
          : typedFormat === ''
            ? {}
            : { format: typedFormat }),
      });
      // A file whose export cannot be told, or one chosen as a plain CSV, is mapped by hand,
      // starting from the columns whose names say what they hold.
      if (typedMapping === null && (p.format === null || typedFormat === 'generic') && p.columns.length > 0)
        return await look(chosen, 'generic', p.suggested);
      setPreview(p);
      setMapping(typedMapping);
    } catch (e) {
      setPreview(null);
      setError(problem(e));
    }
  }

  function follow(id: string) {
    window.clearTimeout(poll.current);
    api<Job>('GET', `/api/imports/${id}`).then(
      (j) => {
        setJob(j);
        if (j.status === 'running') poll.current = window.setTimeout(() => follow(id), 500);
        else void loadRecent();
      },
      (e: unknown) => setError(problem(e)),
    );
  }

  async function start() {
    if (file === null) return;
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams({ name: file.name, ...options() });
      const jsonl = preview?.format === 'jsonl';
      const started = await upload<Job>(
        `/api/imports?${query.toString()}`,
        file,
        jsonl ? 'application/x-ndjson' : 'text/csv',
      );
      setJob(started);
      follow(started.id);
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  }

  async function stop() {
    if (job === null) return;
    try {
      setJob(await api<Job>('DELETE', `/api/imports/${job.id}`));
    } catch (e) {
      setError(problem(e));
    }
  }

  const ready = preview !== null && preview.problem === null;
  return (
    <section className="import">
      <h1>Import</h1>
      <p className="lede">
        Bring in an export from HubSpot, Salesforce or Pipedrive, any CSV with a company column, or a Pursuit
        export. Importing the same file again updates what it made; nothing is doubled.
      </p>
      <div className="import-choose">
        <div className="field">
          <label htmlFor="import-file">File</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv"
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              if (chosen !== null) void look(chosen, format, null);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="import-format">Format</label>
          <select
            id="import-format"
            value={format}
            onChange={(e) => {
              setFormat(e.target.value);
              if (file !== null) void look(file, e.target.value, null);
            }}
          >
            {FORMATS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {preview !== null && (
        <>
          <p className="summary">
            {mapping !== null
              ? `A plain CSV with ${preview.columns.length} columns: say which column holds what.`
              : `${FORMATS.find(([f]) => f === preview.format)?.[1] ?? preview.format} ${preview.kind ?? ''}, ${preview.columns.length} columns.`}
          </p>
          {preview.problem !== null && <p className="error">{preview.problem}</p>}
          <SampleTable preview={preview} />
          {mapping !== null && (
            <MappingForm
              preview={preview}
              mapping={mapping}
              onChange={(m) => {
                setMapping(m);
                if (file !== null) void look(file, 'generic', m);
              }}
            />
          )}
          <div className="buttons">
            <button
              type="button"
              disabled={busy || !ready || job?.status === 'running'}
              onClick={() => void start()}
            >
              Import {file?.name}
            </button>
          </div>
        </>
      )}
      {job !== null && <JobView job={job} onStop={() => void stop()} />}
      <h2>Export</h2>
      <p className="summary">
        Every prospect you can see, with contacts and history; import it again anywhere.
      </p>
      <div className="buttons">
        <a className="button" href="/api/export?format=csv" download>
          Download CSV
        </a>
        <a className="button quiet" href="/api/export?format=jsonl" download>
          Download JSON Lines
        </a>
      </div>
      {recent.length > 0 && (
        <>
          <h2>Recent imports</h2>
          <ul className="plain recent-imports">
            {recent.map((j) => (
              <li key={j.id}>
                <button type="button" className="link" onClick={() => follow(j.id)}>
                  {j.fileName}
                </button>{' '}
                <span className="summary">
                  {new Date(j.createdAt).toLocaleString()}: {j.status}, {j.rows.toLocaleString()} rows
                  {j.rejected > 0 ? `, ${j.rejected} set aside` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

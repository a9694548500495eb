// Which export a file is, from its header row (or as the user says), and the mapper for its rows.

import { PursuitError } from '../../core/errors.js';
import { mappingArgument, suggestMapping } from './suggest.js';
import type { Mapping } from './generic.js';
import { genericMapper, genericScore } from './generic.js';
import { hubspotKind, hubspotMapper } from './hubspot.js';
import { pipedriveKind, pipedriveMapper } from './pipedrive.js';
import { salesforceKind, salesforceMapper } from './salesforce.js';
import type { FormatName, MapContext, RowMapper } from './unit.js';
import { Columns } from './unit.js';

export const FORMATS: FormatName[] = ['hubspot', 'salesforce', 'pipedrive', 'generic', 'jsonl'];

export interface MapperOptions {
  format?: FormatName;
  mapping?: Mapping;
  /** The namespace of a generic file's ids: "pursuit" for Pursuit's own columns, else "csv". */
  system?: string;
}

/** Columns only HubSpot's exports have. */
const HUBSPOT_MARKS = [
  'Record ID',
  'Associated Company IDs',
  'Associated Contact IDs',
  'Associated Company',
  'Associated Contact',
  'Lifecycle Stage',
  'Unsubscribed from all email',
  'Company Domain Name',
  'Original Source',
  'Original Traffic Source',
  'Activity type',
  'Activity date',
  'Call outcome',
  'Call direction',
  'Email direction',
  'Meeting outcome',
  'Deal Stage',
  'Company owner',
  'Deal owner',
];

/** Columns only Salesforce's report and Data Loader exports have. */
const SALESFORCE_MARKS = [
  'Contact ID',
  'Account ID',
  'Lead ID',
  'Opportunity ID',
  'Activity ID',
  'Task ID',
  'Event ID',
  'Id',
  'HasOptedOutOfEmail',
  'DoNotCall',
  'Email Opt Out',
  'AccountId',
  'WhoId',
  'WhatId',
  'OwnerId',
  'StageName',
  'IsWon',
  'IsClosed',
  'TaskSubtype',
  'Call Result',
  'CallDisposition',
  'Company / Account',
  'Account Owner',
  'Lead Owner',
  'Opportunity Owner',
  'LeadSource',
];

/** The format a header row looks like, or undefined. Pipedrive's "Entity - Field" is unmistakable. */
export function detectFormat(header: string[]): Exclude<FormatName, 'jsonl'> | undefined {
  const cols = new Columns(header);
  if (pipedriveKind(cols) !== undefined) return 'pipedrive';
  if (genericScore(cols) >= 3 && cols.has('prospect', 'prospect-id')) return 'generic';
  const hubspot = HUBSPOT_MARKS.filter((m) => cols.has(m)).length;
  const salesforce = SALESFORCE_MARKS.filter((m) => cols.has(m)).length;
  if (hubspot > salesforce && hubspotKind(cols) !== undefined) return 'hubspot';
  if (salesforce > hubspot && salesforceKind(cols) !== undefined) return 'salesforce';
  return undefined;
}

export function createMapper(header: string[], ctx: MapContext, options: MapperOptions): RowMapper {
  const cols = new Columns(header);
  const format = options.format ?? (options.mapping !== undefined ? 'generic' : detectFormat(header));
  if (format === undefined) {
    // A plain CSV whose column names say what they hold: the mapping to try, ready to paste.
    const suggested = suggestMapping(header);
    const map =
      suggested.prospect === undefined
        ? 'map the columns with --map prospect=COLUMN,contact=COLUMN,...'
        : `map the columns; from their names: --map ${mappingArgument(suggested)}`;
    throw new PursuitError(
      'INVALID_INPUT',
      `cannot tell which export this is from its columns (${header.slice(0, 8).join(', ')}${header.length > 8 ? ', ...' : ''}); say --format hubspot|salesforce|pipedrive, or ${map}`,
      'format',
    );
  }
  const unknownKind = (name: string) =>
    new PursuitError(
      'INVALID_INPUT',
      `this does not look like a ${name} contacts, companies, deals or activities export (columns: ${header.slice(0, 8).join(', ')})`,
      'format',
    );
  switch (format) {
    case 'hubspot': {
      const kind = hubspotKind(cols);
      if (kind === undefined) throw unknownKind('HubSpot');
      return hubspotMapper(kind, cols, ctx);
    }
    case 'salesforce': {
      const kind = salesforceKind(cols);
      if (kind === undefined) throw unknownKind('Salesforce');
      return salesforceMapper(kind, cols, ctx);
    }
    case 'pipedrive': {
      const kind = pipedriveKind(cols);
      if (kind === undefined) throw unknownKind('Pipedrive');
      return pipedriveMapper(kind, cols, ctx);
    }
    case 'generic':
      return genericMapper(
        cols,
        ctx,
        options.mapping ?? {},
        options.system ?? (options.mapping === undefined ? 'pursuit' : 'csv'),
      );
    case 'jsonl':
      throw new PursuitError('INVALID_INPUT', 'a JSON Lines file has no header row', 'format');
  }
}

/** Import order across files: companies first, then people, then deals, then activities. */
export function kindRank(kind: string): number {
  if (/compan|account|organi/.test(kind)) return 0;
  if (/contact|lead|person|records/.test(kind)) return 1;
  if (/deal|opportunit/.test(kind)) return 2;
  return 3;
}

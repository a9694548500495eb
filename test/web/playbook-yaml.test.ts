// The structured playbook editor's YAML mapping: a setting changed in the form changes only its own
// text in the YAML (comments and order kept); YAML that does not parse is named with its line.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readYaml, setValue, valueAt } from '../../web/src/components/playbook/yaml-sync.js';
import { loadPlaybook } from '../../src/core/playbook/load.js';

const DEFAULT = readFileSync(new URL('../../playbooks/default.yaml', import.meta.url), 'utf8');

function changedLines(a: string, b: string): string[] {
  const x = a.split('\n');
  return b.split('\n').filter((line, i) => line !== x[i]);
}

describe('the playbook YAML behind the form', () => {
  it('reads a setting from the YAML', () => {
    const r = readYaml(DEFAULT);
    if (!r.ok) throw new Error(r.error);
    expect(valueAt(r.doc, ['followUp', 'hardMaximum'])).toBe(12);
    expect(valueAt(r.doc, ['followUp', 'spacingBusinessDays'])).toEqual([1, 2, 3, 5, 7, 10, 14]);
    expect(valueAt(r.doc, ['calendar', 'start'])).toBe('08:00');
    expect(valueAt(r.doc, ['nope'])).toBeUndefined();
  });

  it('changes only the line of the setting, keeping comments, order and quoting', () => {
    const a = setValue(DEFAULT, ['followUp', 'hardMaximum'], 9);
    expect(changedLines(DEFAULT, a)).toEqual(['  hardMaximum: 9']);
    const b = setValue(a, ['followUp', 'spacingBusinessDays'], [2, 3]);
    expect(changedLines(a, b)).toEqual(['  spacingBusinessDays: [2, 3]']);
    const c = setValue(b, ['calendar', 'start'], '09:30');
    expect(changedLines(b, c)).toEqual(["  start: '09:30'"]);
    const d = setValue(c, ['channels', 'nurture'], 'call');
    expect(changedLines(c, d)).toEqual(['  nurture: call']);
    expect(loadPlaybook(d).doc.followUp.hardMaximum).toBe(9);
  });

  it('adds a setting a short playbook leaves to the default', () => {
    const short = '# Ours\nextends: default\nfollowUp:\n  hardMaximum: 8\n';
    const out = setValue(short, ['nurture', 'intervalDays'], 60);
    expect(out).toContain('# Ours');
    expect(loadPlaybook(out, DEFAULT).doc.nurture.intervalDays).toBe(60);
    expect(loadPlaybook(out, DEFAULT).doc.followUp.hardMaximum).toBe(8);
  });

  it('names the line of YAML that does not parse', () => {
    const r = readYaml('followUp:\n  hardMaximum: [1, 2\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^line \d+: [^:]+[^:]$/);
    expect(readYaml('- a list').ok).toBe(false);
  });
});

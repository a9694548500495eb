import { describe, expect, it } from 'vitest';
import { autoSignal, senderSubject } from './automatic.js';

describe('autoSignal', () => {
  it('reads the RFC 3834 header and the de-facto ones', () => {
    expect(autoSignal('Re: x', { 'auto-submitted': 'auto-replied' }).byHeader).toBe(true);
    expect(autoSignal('Re: x', { 'auto-submitted': 'auto-generated' }).byHeader).toBe(true);
    expect(autoSignal('Re: x', { 'auto-submitted': 'no' }).byHeader).toBe(false);
    expect(autoSignal('Re: x', { 'x-autoreply': 'yes' }).byHeader).toBe(true);
    expect(autoSignal('Re: x', { precedence: 'auto_reply' }).byHeader).toBe(true);
    expect(autoSignal('Re: x', { 'X-Auto-Response-Suppress': 'All' }).byHeader).toBe(true);
    expect(autoSignal('Re: x', {}).byHeader).toBe(false);
    expect(autoSignal('Re: x', undefined).byHeader).toBe(false);
  });

  it("reads an auto-responder's subject in every language, telling an absence from a plain auto-reply", () => {
    const cases: [string, boolean, string][] = [
      ['Automatic reply: Quick question', false, 'en'],
      ['Out of Office: Quick question', true, 'en'],
      ['Abwesenheitsnotiz: Kurze Frage', true, 'de'],
      ['Automatische Antwort: Kurze Frage', false, 'de'],
      ['Réponse automatique : Question', false, 'fr'],
      ['Absence du bureau : Question', true, 'fr'],
      ['Respuesta automática: Pregunta', false, 'es'],
      ['Automatisch antwoord: Vraag', false, 'nl'],
      ['Resposta automática: Pergunta', false, 'pt'],
      ['Risposta automatica: Domanda', false, 'it'],
      ['Autosvar: Fråga', false, 'sv'],
    ];
    for (const [subject, absence, language] of cases) {
      expect(autoSignal(subject, {}).subject, subject).toMatchObject({ absence, language });
    }
  });

  it('never reads the original subject after a reply prefix', () => {
    expect(autoSignal('Re: Out of office policies and your reporting', {}).subject).toBeUndefined();
    expect(autoSignal('AW: Urlaub und Reporting', {}).subject).toBeUndefined();
  });

  it("keeps the sender's own subject only when they wrote one", () => {
    expect(senderSubject('Unsubscribe')).toBe('Unsubscribe');
    expect(senderSubject('Re: Unsubscribe from our list')).toBe('');
  });
});

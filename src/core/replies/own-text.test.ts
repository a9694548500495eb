import { describe, expect, it } from 'vitest';
import { ownText } from './own-text.js';

const REPLY = 'Sounds good, Thursday works.';

describe('ownText', () => {
  it('cuts the reply header and the quote in every language read', () => {
    const headers = [
      'On Tue, Mar 10, 2026 at 9:00 AM Dana Whitfield <dana@ourco.example> wrote:',
      'On Tue, Mar 10, 2026 at 9:00 AM Dana Whitfield <\ndana@ourco.example> wrote:',
      'On 10 Mar 2026, at 09:00, Dana Whitfield <dana@ourco.example> wrote:',
      'Am Di., 10. März 2026 um 09:00 Uhr schrieb Dana Whitfield <dana@ourco.example>:',
      'Dana Whitfield <dana@ourco.example> schrieb am Di., 10. März 2026, 09:00:',
      'Le mar. 10 mars 2026 à 09:00, Dana Whitfield <dana@ourco.example> a écrit :',
      'El mar, 10 mar 2026 a las 9:00, Dana Whitfield (<dana@ourco.example>) escribió:',
      'Op di 10 mrt 2026 om 09:00 schreef Dana Whitfield <dana@ourco.example>:',
      'Em ter., 10 de mar. de 2026 às 09:00, Dana Whitfield <dana@ourco.example> escreveu:',
      'Il giorno mar 10 mar 2026 alle ore 09:00 Dana Whitfield <dana@ourco.example> ha scritto:',
      'Den tis 10 mars 2026 kl 09:00 skrev Dana Whitfield <dana@ourco.example>:',
    ];
    for (const header of headers) {
      expect(ownText(`${REPLY}\n\n${header}\n> Not interested? Unsubscribe here.`), header).toBe(REPLY);
    }
  });

  it('cuts an Outlook header block in every language read, and the original-message line', () => {
    const blocks = [
      'From: Dana Whitfield <dana@ourco.example>\nSent: Tuesday, March 10, 2026 9:00 AM\nTo: Peter\nSubject: Quick question',
      '________________________________\nFrom: Dana Whitfield\nSent: Tuesday, March 10, 2026 9:00 AM',
      'Von: Dana Whitfield <dana@ourco.example>\nGesendet: Dienstag, 10. März 2026 09:00\nAn: Peter\nBetreff: Kurze Frage',
      'De : Dana Whitfield\nEnvoyé : mardi 10 mars 2026 09:00\nÀ : Pierre\nObjet : Question',
      'De: Dana Whitfield\nEnviado el: martes, 10 de marzo de 2026 9:00\nPara: Pedro\nAsunto: Pregunta',
      'Van: Dana Whitfield\nVerzonden: dinsdag 10 maart 2026 09:00\nAan: Piet\nOnderwerp: Vraag',
      'De: Dana Whitfield\nEnviada em: terça-feira, 10 de março de 2026 09:00\nPara: Pedro\nAssunto: Pergunta',
      '-----Original Message-----\nFrom: Dana',
      '-----Ursprüngliche Nachricht-----\nVon: Dana',
      '-----Message d’origine-----\nDe : Dana',
      '-----Mensaje original-----',
      '-----Oorspronkelijk bericht-----',
      '-----Mensagem original-----',
      '---------- Forwarded message ---------\nFrom: Dana',
    ];
    for (const block of blocks)
      expect(ownText(`${REPLY}\n\n${block}\n\nWould Thursday work?`), block).toBe(REPLY);
  });

  it('cuts a signature, a phone signature in every language and a disclaimer', () => {
    expect(ownText(`${REPLY}\n-- \nPeter Lee\nAcme`)).toBe(REPLY);
    for (const device of [
      'Sent from my iPhone',
      'Get Outlook for iOS',
      'Von meinem iPhone gesendet',
      'Gesendet von meinem iPad',
      'Envoyé de mon iPhone',
      'Enviado desde mi iPhone',
      'Verzonden vanaf mijn iPhone',
      'Enviado do meu iPhone',
      'Inviato da iPhone',
      'Skickat från min iPhone',
    ]) {
      expect(ownText(`${REPLY}\n\n${device}`), device).toBe(REPLY);
    }
    expect(ownText(`${REPLY}\n\nCONFIDENTIALITY NOTICE: This email is confidential.`)).toBe(REPLY);
    expect(ownText(`${REPLY}\n\nDiese E-Mail enthält vertrauliche Informationen.`)).toBe(REPLY);
    const away = 'Hi,\nThis message is to let you know that I am out of the office until 16 March.';
    expect(ownText(away)).toBe(away);
  });

  it('cuts a closing and the signature block under it, but not a "Thanks" that opens the reply', () => {
    expect(ownText(`${REPLY}\n\nBest regards,\nPeter Lee\nController | Acme\n+1 555 0100`)).toBe(REPLY);
    expect(ownText(`Hallo,\n\n${REPLY}\n\nMit freundlichen Grüßen\nPeter Müller`)).toBe(`Hallo,\n\n${REPLY}`);
    expect(ownText(`Thanks!\n\n${REPLY}`)).toBe(`Thanks!\n\n${REPLY}`);
    expect(
      ownText(`Hi Dana,\nThanks\nWould you be able to send the deck and a few times for a call next week?`),
    ).toContain('deck');
  });

  it('drops quoted lines written between the reply’s own, and reads a reply written below the quote', () => {
    expect(ownText('> Would Thursday work?\nYes, Thursday is fine.\n> Or Friday?\nFriday too.')).toBe(
      'Yes, Thursday is fine.\nFriday too.',
    );
    expect(
      ownText(
        'On Tue, Mar 10, 2026 Dana <dana@ourco.example> wrote:\n> Would Thursday work?\n\nYes, it does.',
      ),
    ).toBe('Yes, it does.');
  });

  it('drops what an HTML mail leaves behind: entities, line-break tags, inline images', () => {
    expect(
      ownText('Back on Wednesday&nbsp;2 September.&nbsp;<br>[image: Logo]\n[cid:image001.png@01DA]\nR&amp;D'),
    ).toBe('Back on Wednesday 2 September.\n\nR&D');
  });
});

// The keys of the do-not-contact (suppression) list: an objection to contact belongs to the person,
// so it is kept by what reaches them (an email address, a phone number), not by the record it was
// made on. Two spellings of one address or number give one key.

export type SuppressionKind = 'email' | 'phone';

export interface SuppressionKey {
  kind: SuppressionKind;
  value: string;
}

/** An email address as a key: trimmed, lower case (what every path stores anyway). */
export function emailKey(email: string | null | undefined): string | undefined {
  const v = email?.trim().toLowerCase() ?? '';
  return v.includes('@') ? v : undefined;
}

// Country calling codes of the time zones a contact most often has; a zone not listed leaves a
// national number as its digits (it then matches only the same digits).
const NANP = [
  'New_York',
  'Chicago',
  'Denver',
  'Los_Angeles',
  'Phoenix',
  'Anchorage',
  'Detroit',
  'Boise',
  'Indiana/Indianapolis',
  'Kentucky/Louisville',
  'Toronto',
  'Vancouver',
  'Edmonton',
  'Winnipeg',
  'Regina',
  'Halifax',
  'St_Johns',
  'Puerto_Rico',
];
const ZONES: Record<string, string> = {
  ...Object.fromEntries(NANP.map((z) => [`America/${z}`, '1'])),
  'Pacific/Honolulu': '1',
  'America/Mexico_City': '52',
  'America/Sao_Paulo': '55',
  'America/Argentina/Buenos_Aires': '54',
  'America/Bogota': '57',
  'America/Lima': '51',
  'America/Santiago': '56',
  'Europe/London': '44',
  'Europe/Dublin': '353',
  'Europe/Lisbon': '351',
  'Europe/Madrid': '34',
  'Europe/Paris': '33',
  'Europe/Brussels': '32',
  'Europe/Amsterdam': '31',
  'Europe/Luxembourg': '352',
  'Europe/Berlin': '49',
  'Europe/Zurich': '41',
  'Europe/Vienna': '43',
  'Europe/Rome': '39',
  'Europe/Copenhagen': '45',
  'Europe/Oslo': '47',
  'Europe/Stockholm': '46',
  'Europe/Helsinki': '358',
  'Europe/Warsaw': '48',
  'Europe/Prague': '420',
  'Europe/Budapest': '36',
  'Europe/Athens': '30',
  'Europe/Istanbul': '90',
  'Asia/Tokyo': '81',
  'Asia/Seoul': '82',
  'Asia/Shanghai': '86',
  'Asia/Hong_Kong': '852',
  'Asia/Singapore': '65',
  'Asia/Kolkata': '91',
  'Asia/Dubai': '971',
  'Australia/Sydney': '61',
  'Australia/Melbourne': '61',
  'Australia/Brisbane': '61',
  'Australia/Perth': '61',
  'Pacific/Auckland': '64',
  'Africa/Johannesburg': '27',
};

/** The calling code of the country a time zone lies in, when it is known here. */
export function callingCode(zone: string | null | undefined): string | undefined {
  return zone === null || zone === undefined ? undefined : ZONES[zone];
}

/**
 * A phone number as a key: its digits, with the country code where it is known (written with `+` or
 * `00`, or given by the contact's time zone; a national trunk `0` is then dropped). Extensions
 * ("x12", "ext. 12") are not part of the number that reaches the person.
 */
export function phoneKey(phone: string | null | undefined, zone?: string | null): string | undefined {
  if (phone === null || phone === undefined) return undefined;
  const main = phone.split(/(?:x|ext\.?|#)/i)[0]?.trim() ?? '';
  let digits = main.replace(/\D/g, '');
  if (digits.length < 5) return undefined;
  if (main.startsWith('+')) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  const cc = callingCode(zone);
  if (cc === undefined) return digits;
  if (cc === '1') return digits.length === 10 ? `1${digits}` : digits;
  if (digits.startsWith('0')) digits = digits.replace(/^0+/, '');
  else if (digits.startsWith(cc) && digits.length > 9) return digits;
  return `${cc}${digits}`;
}

/** The keys by which a contact may be on the list. */
export function contactKeys(c: {
  email: string | null;
  phone: string | null;
  timezone: string | null;
}): SuppressionKey[] {
  const out: SuppressionKey[] = [];
  const email = emailKey(c.email);
  if (email !== undefined) out.push({ kind: 'email', value: email });
  const phone = phoneKey(c.phone, c.timezone);
  if (phone !== undefined) out.push({ kind: 'phone', value: phone });
  return out;
}

/** A key as one string, for sets and maps. */
export const keyString = (k: SuppressionKey): string => `${k.kind}:${k.value}`;

// The demo's randomness and vocabulary: a seeded PRNG (mulberry32, so a seed always gives the same
// organisation), and the word lists that make believable companies, people and conversations.

/** A small seeded PRNG; every draw of the demo comes from one of these, never from Math.random. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Up to `n` distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0] as T);
    return out;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return (entries.at(-1) as readonly [T, number])[0];
  }

  /** One of the keys, drawn in proportion to its weight. */
  choose<K extends string>(weights: Record<K, number>): K {
    return this.weighted(Object.entries(weights) as [K, number][]);
  }

  /** A version-4-shaped UUID, so demo ids look like every other id and repeat for a seed. */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(this.next() * 4294967296)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** A second stream derived from the seed, so adding draws to one part leaves the other unchanged. */
export function derivedSeed(seed: number, salt: number): number {
  let h = (seed ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A list written as one string, so the word lists stay short to read. */
function words(text: string, separator: string): string[] {
  return text.split(separator).map((w) => w.trim());
}

const FIRST_NAMES = words(
  'Aisha Alejandro Amara Anders Ana Ben Bianca Carlos Chen Chloe Daniel Deepa Diego Elena ' +
    'Emeka Emily Erik Fatima Felix Grace Hana Hannah Hiro Ibrahim Ingrid Isabel Jack James ' +
    'Jasmine Javier Julia Kai Kavya Kenji Laura Leila Liam Lucas Maya Marcus Maria Mateo Mei ' +
    'Michael Nadia Nathan Nia Noah Olivia Omar Oscar Paul Peter Priscilla Rachel Rahul Rosa Ryan ' +
    'Samir Sara Sean Sofia Stefan Sue Tanya Thomas Tomas Valentina Victor Wei Yara Yusuf Zoe ' +
    'Greta Hugo Ines Jonas Kofi Lena Malik',
  ' ',
);

const LAST_NAMES = words(
  'Abbott Adeyemi Alvarez Andersen Baker Banerjee Becker Bennett Brooks Campbell Castillo Chen ' +
    'Clarke Cohen Costa Davies Dubois Edwards Evans Fischer Fitzgerald Foster Garcia Greene ' +
    'Gupta Hansen Harris Hayes Hughes Ito Jensen Johnson Kaur Keller Kim Kowalski Larsen Lee ' +
    "Lopez Mahmoud Martin Mendes Meyer Morales Murphy Nakamura Nguyen Novak Okafor O'Brien Olsen " +
    'Park Patel Perez Petrov Quinn Ramirez Reyes Richter Rossi Russo Santos Schmidt Shah Silva ' +
    'Singh Sullivan Tanaka Torres Turner Vogel Wagner Walsh Weber Williams Wright Yamamoto Young ' +
    'Zhang Ziegler',
  ' ',
);

const COMPANY_STEMS = words(
  'Bluefin Cedar Harbor Northgate Summit Ironwood Silverline Crescent Redwood Brightwater ' +
    'Keystone Lakeshore Granite Meridian Pinecrest Riverbend Copperleaf Stonebridge Fairview ' +
    'Highland Oakridge Evergreen Westbrook Bayside Foxglove Juniper Larkspur Orchard Tidewater ' +
    'Clearwater Falcon Beacon Canyon Atlas Sterling Willow Aspen Harvest Lighthouse Prairie ' +
    'Sequoia Cobalt Magnolia Bramble Kestrel Heron Polaris Thistle Alder Driftwood',
  ' ',
);

const INDUSTRIES = words(
  'Logistics, Foods, Health, Manufacturing, Labs, Systems, Outfitters, Dental Group, Freight, ' +
    'Energy, Robotics, Insurance, Realty, Software, Apparel, Biotech, Hospitality, Engineering, ' +
    'Packaging, Pharma, Media, Capital, Builders, Motors, Textiles, Supply Co., Brewing, ' +
    'Clinics, Furniture, Telecom, Marine, Aerospace, Retail Group, Home Care, Veterinary, Solar, ' +
    'Cold Storage, Print Works, Academy, Bank',
  ', ',
);

const COINED_HEADS = words('Veri Nova Opti Zen Alti Lumi Tera Cali Astra Vanta Quan Sola', ' ');
const COINED_TAILS = words('ly tix gent nix sion ra vance fy lytica mark dex via', ' ');
const LEGAL = ['Inc.', 'Corp.', 'GmbH', 'Ltd', 'LLC', ''];
const PARTNERSHIPS = ['Partners', 'Associates', 'LLP', 'Group'];

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

export function companyName(rng: Rng): string {
  const style = rng.choose({ stem: 8, coined: 2, partners: 1 });
  if (style === 'stem') return `${rng.pick(COMPANY_STEMS)} ${rng.pick(INDUSTRIES)}`;
  if (style === 'coined')
    return `${rng.pick(COINED_HEADS)}${rng.pick(COINED_TAILS)} ${rng.pick(LEGAL)}`.trim();
  const [a, b] = rng.sample(LAST_NAMES, 2) as [string, string];
  return `${a} & ${b} ${rng.pick(PARTNERSHIPS)}`;
}

/** A reserved-looking web domain for a company (the .example top-level domain never resolves). */
export function domainOf(company: string): string {
  const words = company
    .toLowerCase()
    .replace(/\b(inc|corp|gmbh|ltd|llc|llp|co)\b\.?/g, '')
    .replace(/[^a-z0-9 ]/g, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  return `${words.slice(0, 3).join('')}.example`;
}

export function emailOf(person: string, domain: string): string {
  const [first, ...rest] = person
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .split(' ');
  return `${first}.${rest.join('')}@${domain}`;
}

/** Where a company sits: its contacts' time zone and a fictional phone number there. */
export const REGIONS = [
  {
    zone: 'America/New_York',
    weight: 30,
    phone: (r: Rng) => `+1 ${r.pick(['212', '617', '404'])} 555 01${pad(r)}`,
  },
  {
    zone: 'America/Chicago',
    weight: 20,
    phone: (r: Rng) => `+1 ${r.pick(['312', '512', '612'])} 555 01${pad(r)}`,
  },
  { zone: 'America/Denver', weight: 10, phone: (r: Rng) => `+1 ${r.pick(['303', '801'])} 555 01${pad(r)}` },
  {
    zone: 'America/Los_Angeles',
    weight: 20,
    phone: (r: Rng) => `+1 ${r.pick(['415', '310', '206'])} 555 01${pad(r)}`,
  },
  { zone: 'Europe/London', weight: 12, phone: (r: Rng) => `+44 20 7946 0${pad(r)}${r.int(0, 9)}` },
  { zone: 'Europe/Berlin', weight: 8, phone: (r: Rng) => `+49 30 23125 ${pad(r)}${r.int(0, 9)}` },
] as const;

function pad(r: Rng): string {
  return String(r.int(0, 99)).padStart(2, '0');
}

/** What reps log about conversations: objectives, problems/opportunities/wants/needs, objections. */
export const OBJECTIVES = [
  'Understand how they report on revenue today',
  'Qualify the budget and the timeline for a reporting overhaul',
  'Agree the scope of a two-week pilot',
  'Map who signs off on analytics tooling',
  'Walk through the forecasting dashboard with their data',
  'Review the pilot results and agree a decision date',
];

export const POWNS = [
  'month-end reporting taking four days',
  'no single view of the pipeline across regions',
  'wanting churn alerts before renewals come up',
  'the board asking for weekly KPIs',
  'spreadsheets breaking every quarter',
  'a new CFO who wants forecasts she can trust',
  'opening two new warehouses this year',
  'replacing a BI tool whose contract ends in June',
  'ops and finance disagreeing on the numbers',
  'needing margin by customer, not just by product',
];

export const OBJECTIONS = [
  'the price',
  'the timing with their budget cycle',
  'the IT security review',
  'being happy with spreadsheets for now',
  'the effort of migrating their dashboards',
];

export const AGENDA_ITEMS = [
  'Recap what they told us last time',
  'Show the pipeline dashboard on their numbers',
  'Answer the security questions',
  'Agree pilot success criteria',
  'Confirm who else should join',
  'Agree a dated next step',
];

/** Commitment descriptions, as both sides would write them in a calendar. */
export const CALL_TOPICS = [
  '15-minute call to review the proposal',
  'demo of the forecasting dashboard',
  'pricing walkthrough with finance',
  'technical call with the data team',
  'pilot scoping call',
  'security review call with IT',
];

export const MEETING_TOPICS = [
  'workshop with the operations team',
  'demo for the leadership team',
  'pilot kick-off',
  'proposal review with the buying committee',
];

export const REPLY_TOPICS = [
  'an answer on the pilot proposal',
  'feedback from finance on the quote',
  'a yes or no on the security questionnaire',
  'a decision on the pilot',
];

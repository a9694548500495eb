// The demo's organisation: Northwind Analytics, its team (an admin, a manager and four reps in
// different time zones, the same for every seed: they are the demo's logins), its playbook and its
// two products, one of them deprioritized.

import { loadPlaybook } from '../../core/playbook/load.js';
import { credentials } from '../../store/repositories/accounts.repository.js';
import type { Organisation, Product, Role, User } from '../../core/records.js';
import { organisations, products, users } from '../../store/repositories/people.repository.js';
import { playbooks } from '../../store/repositories/playbooks.repository.js';
import type { Rng } from './words.js';
import type { Q } from '../context.js';
import { hashPassword } from '../accounts/credentials.js';

export const DEMO_ORGANISATION = 'Northwind Analytics';
/** Every demo login's password: the demo is for trying things out, never for real data. */
export const DEMO_PASSWORD = 'northwind-demo';

export interface DemoLogin {
  name: string;
  email: string;
  role: Role;
  timezone: string;
}

interface DemoUser extends DemoLogin {
  phone: string;
  hourlyValue: number | null;
}

const DEMO_USERS: readonly DemoUser[] = [
  {
    name: 'Avery Quinn',
    email: 'avery@northwind.test',
    role: 'admin',
    timezone: 'America/New_York',
    phone: '+1 212 555 0110',
    hourlyValue: null,
  },
  {
    name: 'Morgan Blake',
    email: 'morgan@northwind.test',
    role: 'manager',
    timezone: 'America/Chicago',
    phone: '+1 312 555 0120',
    hourlyValue: null,
  },
  {
    name: 'Dana Whitfield',
    email: 'dana@northwind.test',
    role: 'rep',
    timezone: 'America/Denver',
    phone: '+1 303 555 0199',
    hourlyValue: 120,
  },
  {
    name: 'Luis Ortega',
    email: 'luis@northwind.test',
    role: 'rep',
    timezone: 'America/Los_Angeles',
    phone: '+1 415 555 0131',
    hourlyValue: 100,
  },
  {
    name: 'Priya Raman',
    email: 'priya@northwind.test',
    role: 'rep',
    timezone: 'America/New_York',
    phone: '+1 617 555 0142',
    hourlyValue: 110,
  },
  {
    name: 'Tom Becker',
    email: 'tom@northwind.test',
    role: 'rep',
    timezone: 'Europe/London',
    phone: '+44 20 7946 0153',
    hourlyValue: 90,
  },
];

/** Who can sign in to the demo (`--as EMAIL`), admin first; the same for every seed. */
export function demoLogins(): DemoLogin[] {
  return DEMO_USERS.map(({ name, email, role, timezone }) => ({ name, email, role, timezone }));
}

/** The products the demo's prospects want: the main one, and one deprioritized. */
export interface Catalogue {
  main: Product;
  old: Product;
}

/** Writes the organisation, its team, its playbook and its products, every id drawn from `ids`. */
export async function insertOrganisation(
  q: Q,
  ids: Rng,
  founded: number,
  playbookText: string,
): Promise<{ org: Organisation; team: User[]; catalogue: Catalogue }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const org: Organisation = { id: ids.uuid(), name: DEMO_ORGANISATION, createdAt: founded };
  await organisations.insert(q, org);
  const team: User[] = [];
  for (const u of DEMO_USERS) {
    const user: User = {
      id: ids.uuid(),
      orgId: org.id,
      email: u.email,
      name: u.name,
      role: u.role,
      managerId: u.role === 'rep' ? (team.find((m) => m.role === 'manager')?.id ?? null) : null,
      timezone: u.timezone,
      phone: u.phone,
      hourlyValue: u.hourlyValue,
      createdAt: founded,
    };
    await users.insert(q, user);
    await credentials.set(q, user.id, passwordHash, founded);
    team.push(user);
  }
  const admin = team[0] as User;
  await playbooks.insert(q, {
    id: ids.uuid(),
    orgId: org.id,
    version: 1,
    name: loadPlaybook(playbookText).doc.name,
    document: playbookText,
    createdAt: founded,
    createdBy: admin.id,
    active: true,
  });
  const catalogue = {
    main: {
      id: ids.uuid(),
      orgId: org.id,
      name: 'Northwind Insights',
      status: 'active',
      createdAt: founded,
    },
    old: {
      id: ids.uuid(),
      orgId: org.id,
      name: 'Northwind Pulse',
      status: 'deprioritized',
      createdAt: founded,
    },
  } satisfies Record<string, Product>;
  await products.insert(q, catalogue.main);
  await products.insert(q, catalogue.old);
  return { org, team, catalogue };
}

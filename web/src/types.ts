// What the API returns, as the app reads it.

export interface User {
  id: string;
  name: string;
  email: string;
  role: 'rep' | 'manager' | 'admin';
  timezone: string;
  phone: string | null;
}

export interface Message {
  template: string;
  variant?: string;
  subject: string;
  body: string;
  voicemail?: string;
}

export interface ModelNumbers {
  attempt: number;
  pResponse: number;
  pWin: number;
  dealValue: number;
  expectedValue: number;
  minutes: number;
  hourlyValue: number;
  touchCost: number;
}

export interface Decision {
  prospectId: string;
  action: string;
  contactId?: string;
  channel?: string;
  due?: string;
  rule: string;
  reason: string;
  activeList: boolean;
  message?: Message;
  model?: ModelNumbers;
  diagnosis?: string[];
}

export interface Prospect {
  id: string;
  name: string;
  ownerId: string;
  relationship: string;
  source: string;
  dealValue: number | null;
  icpFit: string;
  qualification: { serious: boolean | null; goalsClear: boolean | null; priceOnly: boolean | null };
  productFit: string;
  doNotContact: boolean;
  snoozedUntil: string | null;
}

export interface Contact {
  id: string;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
  timezone: string | null;
  doNotContact: boolean;
}

export interface AgendaItem {
  prospect: Prospect;
  contact: Contact | null;
  decision: Decision;
  due: string;
  minutes: number;
  fits: boolean;
}

export interface Agenda {
  /** The server's clock: relative times count from it. */
  now: string;
  rep: User;
  date: string;
  items: AgendaItem[];
  totalMinutes: number;
  availableMinutes: number;
  fitting: number;
}

export interface TimelineEvent {
  id: string;
  type: string;
  at: string;
  channel?: string;
  outcome?: string;
  sentiment?: string;
  kind?: string;
  due?: string;
  description?: string;
  objective?: string;
  result?: string;
  contactId?: string;
}

export interface ResponseCurve {
  modelVersion: string;
  pResponse: number[];
  attempt: number;
  breakEven: number;
}

export interface ProspectPage extends Prospect {
  now: string;
  owner: { id: string; name: string } | null;
  contacts: Contact[];
  events: TimelineEvent[];
  decision: Decision | null;
  responseCurve: ResponseCurve | null;
}

export interface Logged {
  decision: Decision | null;
}

export interface Notification {
  id: string;
  kind: string;
  prospectId: string | null;
  message: string;
  createdAt: string;
  readAt: string | null;
}

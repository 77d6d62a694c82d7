/**
 * The words the seed data is made of: people, projects, statuses, types and work package subjects
 * that look like a real OpenProject instance (including non-ASCII names and emoji).
 */

export interface PersonSeed {
  login: string;
  firstName: string;
  lastName: string;
  admin?: boolean;
  locked?: boolean;
  language?: string;
}

/** Ids are assigned in this order, starting at 1 (id 2 is reserved for the anonymous user). */
export const PEOPLE: readonly PersonSeed[] = [
  { login: 'admin', firstName: 'OpenProject', lastName: 'Admin', admin: true },
  { login: 'jane', firstName: 'Jane', lastName: 'Doe' },
  { login: 'zoe', firstName: 'Zoë', lastName: 'Müller', language: 'de' },
  { login: 'juergen', firstName: 'Jürgen', lastName: 'Weiß', language: 'de' },
  { login: 'yamada', firstName: '太郎', lastName: '山田', language: 'ja' },
  { login: 'amara', firstName: 'Amara', lastName: 'Okafor' },
  { login: 'mateo', firstName: 'Mateo', lastName: 'García', language: 'es' },
  { login: 'priya', firstName: 'Priya', lastName: 'Raman' },
  { login: 'sven', firstName: 'Sven', lastName: 'Lindqvist', locked: true },
];

export const DEMO_LOGIN = 'jane';
export const OTHER_LOGIN = 'zoe';
export const ADMIN_LOGIN = 'admin';

/** Display name as OpenProject's default user format shows it ("firstname lastname"), except CJK. */
export function displayName(person: { firstName: string; lastName: string }): string {
  const cjk = /[\u3040-\u30ff\u3400-\u9fff]/.test(person.lastName);
  return cjk ? `${person.lastName} ${person.firstName}` : `${person.firstName} ${person.lastName}`;
}

export const PROJECTS = [
  {
    identifier: 'website-relaunch',
    name: 'Website Relaunch',
    idPrefix: 'WEB',
    description: 'The new public website: design system, CMS migration and go-live.',
  },
  {
    identifier: 'mobile-app',
    name: 'Mobile App',
    idPrefix: 'APP',
    description: 'iOS and Android apps for field teams.',
  },
  {
    identifier: 'infrastructure',
    name: 'Infrastructure & Operations',
    idPrefix: 'OPS',
    description: 'Servers, backups, monitoring and the on-call rota.',
  },
  {
    identifier: 'marketing-emea',
    name: 'Éléphant Rouge — Marketing EMEA',
    idPrefix: 'MKT',
    description: 'Campaigns, trade fairs and translations for Europe, the Middle East and Africa.',
  },
  {
    identifier: 'customer-support',
    name: 'Customer Support',
    idPrefix: 'SUP',
    description: 'Escalated tickets and the knowledge base.',
  },
  {
    identifier: 'tokyo-office',
    name: '東京オフィス移転',
    idPrefix: 'TKY',
    description: 'Moving the Tokyo office to Shibuya.',
  },
] as const;

/** OpenProject's default statuses (name, closed?, colour, default done ratio). */
export const STATUSES = [
  ['New', false, '#1098AD', 0],
  ['In specification', false, '#0B7285', 10],
  ['Specified', false, '#5C940D', 20],
  ['Confirmed', false, '#2B8A3E', 20],
  ['To be scheduled', false, '#E67700', 20],
  ['Scheduled', false, '#D9480F', 30],
  ['In progress', false, '#1864AB', 50],
  ['Developed', false, '#5F3DC4', 70],
  ['In testing', false, '#862E9C', 80],
  ['Tested', false, '#A61E4D', 90],
  ['Test failed', false, '#C92A2A', 70],
  ['Closed', true, '#495057', 100],
  ['On hold', false, '#F08C00', 0],
  ['Rejected', true, '#343A40', 100],
] as const;

/** OpenProject's default types (name, milestone?, colour). */
export const TYPES = [
  ['Task', false, '#1A67A3'],
  ['Milestone', true, '#35C53F'],
  ['Phase', false, '#F18000'],
  ['Feature', false, '#336600'],
  ['Epic', false, '#8B4513'],
  ['User story', false, '#00B0F0'],
  ['Bug', false, '#CC0000'],
] as const;

export const PRIORITIES = [
  ['Low', '#C5F6FA'],
  ['Normal', '#74C0FC'],
  ['High', '#FF922B'],
  ['Immediate', '#E03131'],
] as const;

/** Hand-written subjects: some long (> 120 characters), some non-ASCII or with emoji. */
export const FIXED_SUBJECTS: readonly string[] = [
  'Login fails with SSO when the session cookie has expired',
  'Ship v1 of the customer portal',
  '🚀 Launch checklist for release 2.0',
  'Übersetzung der Hilfeseiten ins Deutsche aktualisieren',
  '検索結果の日本語が文字化けする',
  'Migrate the blog from WordPress to the new CMS without breaking any of the old permalinks, RSS feeds or the 2019 campaign landing pages',
  'Dark mode: contrast of secondary buttons is below WCAG AA on the settings page, the invoice list and the onboarding wizard (all themes)',
  'Crash on Android 15 when rotating the device during photo upload',
  'Nightly backup of the PostgreSQL cluster takes longer than 4 hours',
  'Préparer le salon professionnel de Lyon 🇫🇷',
  'Renew the TLS certificates for *.example.com',
  'Customer cannot reset password — email never arrives',
  'Quarterly security review (ISO 27001)',
  'Evaluate monitoring stack: Prometheus vs. Zabbix',
  'Newsletter template breaks in Outlook 2016',
  '🐛 Date picker shows the wrong week number in January',
  'Onboarding flow: reduce the number of steps from 7 to 4',
  'Set up the on-call rota for the holidays',
  'Write the FAQ article about two-factor authentication',
  'Angebot für die Messe in Köln einholen',
  'Signage for the new meeting rooms — 会議室の案内表示',
  'Push notifications arrive twice on iOS after the app was updated from the App Store while it was running in the background',
  'Go-live',
  'Design review',
  'Kick-off meeting with the agency',
];

export const SUBJECT_VERBS = [
  'Fix',
  'Implement',
  'Review',
  'Document',
  'Refactor',
  'Test',
  'Design',
  'Update',
  'Investigate',
  'Remove',
  'Translate',
  'Plan',
] as const;

export const SUBJECT_OBJECTS = [
  'the search results page',
  'the checkout form',
  'invoice PDF export',
  'user avatar upload',
  'the release notes',
  'LDAP group sync',
  'the pricing table',
  'CSV import of contacts',
  'the status dashboard',
  'rate limiting on the public API',
  'offline mode',
  'the cookie banner',
  'Slack integration',
  'the deployment pipeline',
  'accessibility of the main menu',
  'the welcome email',
  'time zone handling in reports',
  'the mobile navigation',
  'database indexes for work packages',
  'the press kit',
] as const;

export const SUBJECT_CONTEXTS = [
  '',
  '',
  '',
  ' for the EMEA launch',
  ' on Safari',
  ' after the upgrade',
  ' (follow-up)',
  ' in the admin area',
  ' for screen readers',
  ' before the audit',
] as const;

export const COMMENTS: readonly string[] = [
  'I had a look at this, the root cause is in the session handling. Can you review my proposal?',
  'Could you take over from here? I am out of office next week.',
  'Updated the estimate after talking to the customer.',
  'Looks good to me 👍',
  'Das betrifft auch die österreichische Variante der Seite.',
  'Screenshots are attached. The issue only happens on the second page.',
  'Blocked until the vendor answers our ticket.',
  '確認しました。来週対応します。',
  'Moved to the next sprint, see the planning notes.',
  'Can we pair on this tomorrow morning?',
];

export const REMINDER_NOTES: readonly string[] = [
  'Follow up with the customer',
  'Check whether the fix is deployed',
  'Prepare the demo for Friday',
  'Ask Jürgen about the budget',
];

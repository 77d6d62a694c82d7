/**
 * Deterministic seed data: the same seed and the same "now" give exactly the same instance
 * (users, projects, statuses, types, ~200 work packages, tokens, notifications).
 */
import { createRandom, type Random } from '../prng';
import { DAY, isoDate } from './clock';
import type { ApiToken, Project, User, WorkPackage } from './model';
import { addJournal } from './mutations';
import { seedNotifications, type NotificationPlan } from './seed-notifications';
import { ANONYMOUS_USER_ID, type SeededTokens, type State } from './state';
import {
  ADMIN_LOGIN,
  DEMO_LOGIN,
  FIXED_SUBJECTS,
  OTHER_LOGIN,
  PEOPLE,
  PRIORITIES,
  PROJECTS,
  STATUSES,
  SUBJECT_CONTEXTS,
  SUBJECT_OBJECTS,
  SUBJECT_VERBS,
  TYPES,
} from './vocabulary';

export const DEFAULT_SEED = 20_260_601;
export const WORK_PACKAGE_COUNT = 200;

export interface SeedOptions {
  seed: number;
  now: number;
  plan: NotificationPlan;
}

export function seedState(options: SeedOptions): { state: State; tokens: SeededTokens } {
  const rng = createRandom(options.seed);
  const { now } = options;
  const state: State = {
    users: new Map(),
    projects: new Map(),
    statuses: new Map(),
    types: new Map(),
    priorities: new Map(),
    workPackages: new Map(),
    journals: new Map(),
    notifications: new Map(),
    tokens: new Map(),
    nextNotificationId: 1,
    nextJournalId: 1,
    demoUserId: 0,
    otherUserId: 0,
    adminUserId: 0,
  };
  seedUsers(state, now);
  seedCatalogues(state, now);
  seedWorkPackages(state, rng, now);
  const tokens = seedTokens(state, rng);
  // Notifications get their own random stream, so the work packages do not depend on the plan.
  seedNotifications(state, createRandom(options.seed ^ 0x5eed), now, options.plan);
  return { state, tokens };
}

function seedUsers(state: State, now: number): void {
  let id = 1;
  PEOPLE.forEach((person, index) => {
    if (id === ANONYMOUS_USER_ID) id += 1;
    const user: User = {
      id,
      login: person.login,
      firstName: person.firstName,
      lastName: person.lastName,
      email: `${person.login}@example.com`,
      admin: person.admin ?? false,
      status: person.locked ? 'locked' : 'active',
      language: person.language ?? 'en',
      createdAt: now - (800 - index * 37) * DAY,
      updatedAt: now - (90 - index * 7) * DAY,
    };
    state.users.set(id, user);
    if (person.login === DEMO_LOGIN) state.demoUserId = id;
    if (person.login === OTHER_LOGIN) state.otherUserId = id;
    if (person.login === ADMIN_LOGIN) state.adminUserId = id;
    id += 1;
  });
}

function seedCatalogues(state: State, now: number): void {
  PROJECTS.forEach((p, index) => {
    const project: Project = {
      id: index + 1,
      identifier: p.identifier,
      name: p.name,
      description: p.description,
      idPrefix: p.idPrefix,
      createdAt: now - (700 - index * 50) * DAY,
      updatedAt: now - (20 - index) * DAY,
    };
    state.projects.set(project.id, project);
  });
  STATUSES.forEach(([name, isClosed, color, defaultDoneRatio], index) => {
    const id = index + 1;
    state.statuses.set(id, {
      id,
      name,
      isClosed,
      color,
      defaultDoneRatio,
      isDefault: index === 0,
      position: id,
    });
  });
  TYPES.forEach(([name, isMilestone, color], index) => {
    const id = index + 1;
    state.types.set(id, {
      id,
      name,
      isMilestone,
      color,
      position: id,
      isDefault: index === 0,
      createdAt: now - 900 * DAY,
      updatedAt: now - 900 * DAY,
    });
  });
  PRIORITIES.forEach(([name, color], index) => {
    const id = index + 7; // OpenProject's default priorities start after other enumerations
    state.priorities.set(id, {
      id,
      name,
      color,
      position: index + 1,
      isDefault: name === 'Normal',
    });
  });
}

function subjects(rng: Random, count: number): string[] {
  const out = [...FIXED_SUBJECTS];
  const seen = new Set(out);
  while (out.length < count) {
    const subject = `${rng.pick(SUBJECT_VERBS)} ${rng.pick(SUBJECT_OBJECTS)}${rng.pick(SUBJECT_CONTEXTS)}`;
    if (seen.has(subject)) continue;
    seen.add(subject);
    out.push(subject);
  }
  return out.slice(0, count);
}

function seedWorkPackages(state: State, rng: Random, now: number): void {
  const activeUsers = [...state.users.values()].filter((u) => u.status === 'active');
  const openStatuses = [...state.statuses.values()].filter((s) => !s.isClosed).map((s) => s.id);
  const closedStatuses = [...state.statuses.values()].filter((s) => s.isClosed).map((s) => s.id);
  const typeIds = { Task: 1, Milestone: 2, Phase: 3, Feature: 4, Epic: 5, 'User story': 6, Bug: 7 };
  const projectSeq = new Map<number, number>();
  const priorityIds = [...state.priorities.keys()];
  subjects(rng, WORK_PACKAGE_COUNT).forEach((subject, index) => {
    const id = index + 1;
    const projectId = rng.int(1, state.projects.size);
    const seq = (projectSeq.get(projectId) ?? 0) + 1;
    projectSeq.set(projectId, seq);
    const typeName = rng.weighted({
      Task: 35,
      Bug: 20,
      Feature: 15,
      'User story': 12,
      Epic: 5,
      Phase: 5,
      Milestone: 8,
    });
    const milestone = typeName === 'Milestone';
    const closed = rng.chance(0.3);
    const createdAt = now - rng.int(30, 300) * DAY - rng.int(0, DAY);
    const start = rng.chance(0.85) ? isoDate(now, rng.int(-60, 20)) : null;
    const due = milestone
      ? start
      : start && rng.chance(0.9)
        ? isoDate(Date.parse(start), rng.int(1, 30))
        : null;
    const assignee = rng.chance(0.25)
      ? state.demoUserId
      : rng.chance(0.8)
        ? rng.pick(activeUsers).id
        : null;
    const wp: WorkPackage = {
      id,
      projectSeq: seq,
      subject,
      description: `${subject}.\n\nAcceptance criteria are in the linked specification.`,
      projectId,
      typeId: typeIds[typeName],
      statusId: closed ? rng.pick(closedStatuses) : rng.pick(openStatuses),
      priorityId: rng.pick(priorityIds),
      authorId: rng.pick(activeUsers).id,
      assigneeId: assignee,
      responsibleId: rng.chance(0.5) ? rng.pick(activeUsers).id : null,
      startDate: start,
      dueDate: due,
      percentageDone: closed ? 100 : rng.pick([0, 0, 10, 20, 50, 80]),
      lockVersion: 0,
      createdAt,
      updatedAt: createdAt,
    };
    state.workPackages.set(id, wp);
    addJournal(state, {
      workPackageId: id,
      userId: wp.authorId,
      notes: '',
      changes: [],
      at: createdAt,
    });
  });
}

function seedTokens(state: State, rng: Random): SeededTokens {
  const add = (userId: number, kind: ApiToken['kind'], deny: ApiToken['deny'] = []): string => {
    const value = kind === 'legacy' ? rng.hex(40) : `opapi-${rng.hex(64)}`;
    state.tokens.set(value, { value, userId, kind, deny });
    return value;
  };
  const lockedUser = [...state.users.values()].find((u) => u.status === 'locked');
  return {
    apiKey: add(state.demoUserId, 'legacy'),
    bearer: add(state.demoUserId, 'opapi'),
    other: add(state.otherUserId, 'legacy'),
    admin: add(state.adminUserId, 'legacy'),
    limited: add(state.demoUserId, 'opapi', ['notifications']),
    locked: add(lockedUser?.id ?? state.otherUserId, 'legacy'),
  };
}

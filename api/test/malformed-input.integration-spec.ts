import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { ERROR_CODES } from '@lmr/domain';
import { newClass, newPupil, newStaff, newWorld, signInPupil, signInStaff, type World } from './factories';
import { newAssignment, newBrief, newTeam, newWork } from './project-factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * Every mutation of schema.gql gets wrong inputs generated from its argument types, sent by a
 * signed-in person whose role may call it. Whatever arrives, the answer is never a 500, always
 * carries typed codes, never a stack trace or a file path, and a refused request writes nothing
 * (row counts of every table are compared before and after). Generation is seeded:
 * MALFORMED_SEED=n reproduces a run.
 */
const SEED = Number(process.env.MALFORMED_SEED ?? 9);

/** Our typed codes (never INTERNAL_SERVER_ERROR), and what graphql-js and Apollo say about ill-formed requests. */
const TYPED_CODES = new Set<string>([
  ...ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR'),
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);
/** What a body must never show: stack frames, source files, the machine's folders. */
const LEAKS = /stacktrace|\n\s+at | {4}at [\w<]|\(\/|\.(?:ts|js|mjs):\d+|node_modules|\/work\/|\/home\/|\/tmp\//;
/** The body cap is 1 MiB: a string this long fits with room for the rest of the request. */
const HUGE = 900 * 1024;
const OVER_CAP = 1536 * 1024;

type Persona = 'pupil' | 'teacher' | 'educator' | 'admin';
const PERSONAS: Persona[] = ['pupil', 'teacher', 'educator', 'admin'];

/**
 * Who may call each mutation (as in authorization-matrix.integration-spec.ts, whose rows are not
 * exported). A mutation missing here is sent by every persona in turn.
 */
const CALLER: Record<string, Persona> = {
  acceptInvitation: 'teacher',
  addBankComment: 'teacher',
  addCheckIn: 'teacher',
  addClassTeacher: 'teacher',
  addCollectionObjectImage: 'educator',
  addPartComment: 'teacher',
  addPupil: 'teacher',
  archiveClass: 'teacher',
  changePassword: 'teacher',
  completePasswordReset: 'teacher',
  copyBrief: 'teacher',
  createAssignment: 'teacher',
  createBrief: 'teacher',
  createClass: 'teacher',
  createCollectionObject: 'educator',
  createInvitation: 'admin',
  createPasswordReset: 'admin',
  createSchool: 'admin',
  decideNomination: 'educator',
  deletePupil: 'admin',
  deletePartComment: 'teacher',
  gradeWork: 'teacher',
  importCollectionObjects: 'educator',
  importRoster: 'teacher',
  joinTeam: 'pupil',
  makeBalancedTeams: 'teacher',
  markNotificationsRead: 'pupil',
  nominateWork: 'teacher',
  openSubmission: 'teacher',
  publishBrief: 'educator',
  releaseGrades: 'teacher',
  removeBankComment: 'teacher',
  removeCollectionObjectImage: 'educator',
  requestUpload: 'pupil',
  resetPupilCode: 'teacher',
  returnWork: 'teacher',
  saveFeedback: 'teacher',
  saveWorkPart: 'pupil',
  scoreNomination: 'educator',
  setAccountDisabled: 'admin',
  setRetentionPeriod: 'admin',
  setTeams: 'teacher',
  signIn: 'teacher',
  signInPupil: 'teacher',
  signOut: 'pupil',
  submitWork: 'pupil',
  updateBrief: 'teacher',
  updateCollectionObject: 'educator',
  updateSchool: 'admin',
  withdrawConsent: 'teacher',
  withdrawSubmission: 'pupil',
};

/** Tables a refused request may legitimately write: failed sign-ins are counted on purpose. */
const WRITES_WHEN_REFUSED: Record<string, string[]> = {
  signIn: ['sign_in_failure_count'],
  signInPupil: ['sign_in_failure_count'],
};

/** Mutations whose own success would end the sessions this test uses: only never-executed cases. */
const DOCUMENT_CASES_ONLY = new Set(['signOut']);

/** mulberry32: small, seeded, the same sequence everywhere. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const schema = buildSchema(readFileSync(join(process.cwd(), 'schema.gql'), 'utf8'));
const mutations = Object.values(schema.getMutationType()!.getFields());

type Path = (string | number)[];
interface Leaf {
  path: Path;
  type: GraphQLInputType;
  /** The input object field's name (or the argument's), to pick a real id. */
  name: string;
  parent: string;
}

/** Real objects of the test world that ids can name, so well-typed bad values reach the checks behind them. */
type RealIds = (parent: string, name: string) => string | undefined;

/** A well-shaped value for a type: every field filled, ids real where the world has one. */
function skeleton(type: GraphQLInputType, name: string, parent: string, ids: RealIds, random: () => number): unknown {
  if (isNonNullType(type)) return skeleton(type.ofType, name, parent, ids, random);
  if (isListType(type)) return [skeleton(type.ofType, name, parent, ids, random)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, skeleton(f.type, f.name, type.name, ids, random)]));
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  switch (type.name) {
    case 'ID':
      return ids(parent, name) ?? seededUuid(random);
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2026-12-01T08:00:00.000Z';
    case 'RichText':
      return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '我看到了' }] }] };
    default:
      return 'Bronze mirror';
  }
}

/** Every position in an input where a value can go wrong, with its declared type. */
function positions(type: GraphQLInputType, path: Path, name: string, parent: string, out: Leaf[] = []): Leaf[] {
  out.push({ path, type, name, parent });
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) positions(inner.ofType, [...path, 0], name, parent, out);
  else if (isInputObjectType(inner)) for (const f of Object.values(inner.getFields())) positions(f.type, [...path, f.name], f.name, inner.name, out);
  return out;
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown | typeof MISSING): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: any = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1]!;
  if (value === MISSING) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}
const MISSING = Symbol('missing');

interface Case {
  label: string;
  /** Reaches the resolvers (well-typed); the others must be refused before execution. */
  executes: boolean;
  body: string;
  contentType?: string;
  expectStatus?: number;
}

function documentFor(field: GraphQLField<unknown, unknown>, args = field.args, typeOverride?: Record<string, string>): string {
  const decl = args.map((a) => `$${a.name}: ${typeOverride?.[a.name] ?? String(a.type)}`).join(', ');
  const use = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation Malformed${decl ? `(${decl})` : ''} { ${field.name}${use ? `(${use})` : ''} { __typename } }`;
}

/** Values of the wrong GraphQL type for a leaf (picked by the seed from a few). */
function wrongTypeValues(type: GraphQLInputType, random: () => number): unknown[] {
  const named = getNamedType(type);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  if (isListType(isNonNullType(type) ? type.ofType : type)) return [pick([{ not: 'a list' }, 'a string', 42])];
  if (isInputObjectType(named)) return [pick(['a string', 42, true]), [['nested', 'lists']]];
  if (isEnumType(named)) return ['NOT_A_VALUE', pick([42, true, { a: 1 }])];
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
        return [pick(['seven', true]), 1.5, 2 ** 40];
      case 'Float':
        return [pick(['seven', true]), { n: 1 }];
      case 'Boolean':
        return [pick(['yes', 1]), { b: true }];
      case 'ID':
        return [pick([true, 1.5]), { id: 'x' }];
      case 'String':
        return [pick([42, true, 1.5]), { s: 'x' }];
      case 'RichText':
        return [];
      default:
        return [pick([42, true]), { s: 'x' }];
    }
  }
  return [];
}

/** Well-typed values that are wrong for what the field means; these run the resolvers. */
function badButWellTyped(leaf: Leaf, random: () => number): [string, unknown][] {
  const named = getNamedType(leaf.type);
  const inner = isNonNullType(leaf.type) ? leaf.type.ofType : leaf.type;
  if (isListType(inner)) return [['an empty list', []]];
  if (isEnumType(named) || isInputObjectType(named)) return [];
  switch (named.name) {
    case 'ID':
      return [
        ['not a uuid', 'not-a-uuid'],
        ['an empty id', ''],
        ['a uuid that names nothing', seededUuid(random)],
        ['SQL in an id', "1' OR '1'='1"],
        ['a NUL byte in an id', `${seededUuid(random)}\u0000`],
      ];
    case 'String':
      return [
        ['a huge string', 'x'.repeat(HUGE)],
        ['an empty string', ''],
        ['a NUL byte', 'a\u0000b'],
        ['a lone surrogate', 'a\ud800b'],
        ['only whitespace', ' \t\n '],
      ];
    case 'Int':
      return [
        ['a negative number', -1],
        ['the largest Int', 2147483647],
        ['the smallest Int', -2147483648],
      ];
    case 'Float':
      return [['a negative number', -1e308]];
    case 'RichText':
      return [
        ['a number as rich text', 42],
        ['a string as rich text', 'plain'],
        ['a list as rich text', [1, 2]],
        ['a document of the wrong shape', { type: 'doc', content: 'x' }],
        ['a deeply nested document', nest(200)],
        ['a huge text node', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(HUGE) }] }] }],
      ];
    default:
      return [
        ['a huge string', 'x'.repeat(HUGE)],
        ['not a value of its kind', 'not-a-value'],
      ];
  }
}

function nest(depth: number): unknown {
  let node: unknown = { type: 'text', text: 'deep' };
  for (let i = 0; i < depth; i++) node = { type: 'paragraph', content: [node] };
  return { type: 'doc', content: [node] };
}

/** Generates the cases for one mutation, in a fixed order for a given seed. */
function casesFor(field: GraphQLField<unknown, unknown>, ids: RealIds, seed: number): Case[] {
  const random = rng(seed);
  const doc = documentFor(field);
  const cases: Case[] = [];
  const json = (label: string, variables: unknown, executes: boolean, query = doc) => cases.push({ label, executes, body: JSON.stringify({ query, variables }) });

  // The HTTP body and the document itself.
  cases.push({ label: 'a broken JSON body', executes: false, body: JSON.stringify({ query: doc }).slice(0, 40) });
  cases.push({ label: 'an empty JSON body', executes: false, body: '' });
  cases.push({ label: 'JSON null', executes: false, body: 'null' });
  cases.push({ label: 'a JSON array body', executes: false, body: JSON.stringify([{ query: doc }]) });
  cases.push({ label: 'a text/plain body', executes: false, body: JSON.stringify({ query: doc }), contentType: 'text/plain' });
  cases.push({ label: 'an XML content type', executes: false, body: '<mutation/>', contentType: 'application/xml' });
  cases.push({ label: 'a form body', executes: false, body: `query=${encodeURIComponent(doc)}`, contentType: 'application/x-www-form-urlencoded' });
  cases.push({ label: 'a query that is not a string', executes: false, body: JSON.stringify({ query: 42 }) });
  cases.push({ label: 'variables as a string', executes: false, body: JSON.stringify({ query: doc, variables: 'input' }) });
  cases.push({ label: 'a cut-off document', executes: false, body: JSON.stringify({ query: doc.slice(0, doc.length - 7) }) });
  cases.push({ label: 'an unknown argument', executes: false, body: JSON.stringify({ query: `mutation { ${field.name}(bogus: 1) { __typename } }` }) });
  cases.push({
    label: 'a body over the cap',
    executes: false,
    body: JSON.stringify({ query: doc, variables: { padding: 'x'.repeat(OVER_CAP) } }),
    expectStatus: 413,
  });
  if (DOCUMENT_CASES_ONLY.has(field.name) || field.args.length === 0) return cases;

  const base: Record<string, unknown> = Object.fromEntries(field.args.map((a) => [a.name, skeleton(a.type, a.name, field.name, ids, random)]));
  for (const arg of field.args) {
    json(`${arg.name} declared as String`, { ...base, [arg.name]: 'x' }, false, documentFor(field, field.args, { [arg.name]: 'String' }));
  }
  const leaves = field.args.flatMap((a: GraphQLArgument) => positions(a.type, [a.name], a.name, field.name));
  for (const leaf of leaves) {
    const at = leaf.path.join('.');
    for (const value of wrongTypeValues(leaf.type, random)) json(`${at} = ${JSON.stringify(value).slice(0, 40)}`, setAt(base, leaf.path, value), false);
    if (isNonNullType(leaf.type)) {
      json(`${at} = null`, setAt(base, leaf.path, null), false);
      if (typeof leaf.path[leaf.path.length - 1] === 'string') json(`${at} missing`, setAt(base, leaf.path, MISSING), false);
    }
    const inner = isNonNullType(leaf.type) ? leaf.type.ofType : leaf.type;
    if (isInputObjectType(inner) && !isListType(inner)) {
      json(`${at} with an unknown field`, setAt(base, [...leaf.path, 'bogusField'], 'x'), false);
    }
    for (const [label, value] of badButWellTyped(leaf, random)) json(`${at}: ${label}`, setAt(base, leaf.path, value), true);
  }
  return cases;
}

interface Finding {
  mutation: string;
  case: string;
  problem: string;
}

describe(`malformed input to every mutation (seed ${SEED})`, () => {
  let t: TestApp;
  let w: World;
  const tokens = new Map<Persona, string>();
  let tables: string[] = [];
  let ids: RealIds = () => undefined;

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env.MALFORMED_LOG ?? 'silent', SIGN_IN_FREE_FAILURES_PER_ACCOUNT_ADDRESS: '1000', SIGN_IN_FREE_FAILURES_PER_ACCOUNT: '100000', SIGN_IN_FREE_FAILURES_PER_ADDRESS: '100000', SIGN_IN_FREE_FAILURES_PER_CLASS_ADDRESS: '100000', SIGN_IN_FREE_FAILURES_PER_CLASS: '100000' });
    w = await newWorld(t);
    tokens.set('pupil', await signInPupil(t, w.pupil));
    tokens.set('teacher', await signInStaff(t, w.teacher));
    tokens.set('educator', await signInStaff(t, w.educator));
    tokens.set('admin', await signInStaff(t, w.admin));

    // Objects the ids in generated inputs name, so that a bad value beside them meets the real checks.
    const q = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0];
    const spareClass = await newClass(t, { schoolId: w.schoolA.id, teacherIds: [w.teacher.id] });
    const sparePupil = await newPupil(t, spareClass);
    const spareStaff = await newStaff(t, { role: 'TEACHER', schoolId: w.schoolA.id });
    const libraryBrief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const draftBrief = await newBrief(t, { authorId: w.teacher.id, schoolId: w.schoolA.id, status: 'DRAFT' });
    const assignment = await newAssignment(t, { classId: w.cls.id, briefId: libraryBrief.id, createdById: w.teacher.id });
    const teamAssignment = await newAssignment(t, { classId: w.cls.id, briefId: libraryBrief.id, createdById: w.teacher.id, mode: 'TEAM' });
    const team = await newTeam(t, teamAssignment.id);
    const draft = await newWork(t, { assignmentId: assignment.id, pupilId: w.pupil.id, submitted: false });
    const otherBrief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const submittedAssignment = await newAssignment(t, { classId: w.cls.id, briefId: otherBrief.id, createdById: w.teacher.id });
    const submitted = await newWork(t, { assignmentId: submittedAssignment.id, pupilId: w.pupil.id, submitted: true });
    const gradedAssignment = await newAssignment(t, { classId: w.cls.id, briefId: (await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id })).id, createdById: w.teacher.id });
    const graded = await newWork(t, { assignmentId: gradedAssignment.id, pupilId: w.classmate.id, submitted: true });
    await t.dataSource.query(`UPDATE work_version SET status = 'GRADED' WHERE id = $1`, [graded.versionId]);
    const nomination = await q(
      `INSERT INTO nomination (version_id, statement, nominated_by_id, guardian_consent, credit_style, consent_recorded_by_id, consent_recorded_at)
       VALUES ($1, 'Careful drawing', $2, true, 'ANONYMOUS', $2, now()) RETURNING id`,
      [graded.versionId, w.teacher.id],
    );
    await t.dataSource.query(`INSERT INTO lead_reviewer (educator_id, museum_id) VALUES ($1, $2)`, [w.educator.id, w.museum.id]);
    const object = await q(`INSERT INTO collection_object (museum_id, accession_number, title_zh, title_en) VALUES ($1, 'M-1', '铜镜', 'Bronze mirror') RETURNING id`, [w.museum.id]);
    const file = await q(
      `INSERT INTO stored_file (uploaded_by_id, purpose, content_type, size_bytes, sha256, storage_key, width, height)
       VALUES ($1, 'COLLECTION_IMAGE', 'image/png', 1, '', 'originals/malformed', 1, 1) RETURNING id`,
      [w.educator.id],
    );
    const bankEntry = await q(`INSERT INTO comment_bank_entry (teacher_id, text) VALUES ($1, 'x') RETURNING id`, [w.teacher.id]);
    const byField: Record<string, string> = {
      workId: draft.id,
      classId: spareClass.id,
      fileId: file.id,
      objectId: object.id,
      versionId: submitted.versionId!,
      briefId: libraryBrief.id,
      schoolId: w.schoolA.id,
      accountId: spareStaff.id,
      nominationId: nomination.id,
      teamId: team.id,
      pupilId: sparePupil.id,
      pupilIds: sparePupil.id,
      suggestedObjectIds: object.id,
    };
    const byInput: Record<string, Record<string, string>> = {
      NominateWorkInput: { versionId: graded.versionId! },
      UpdateBriefInput: { id: draftBrief.id },
      BriefIdInput: { id: libraryBrief.id },
      UpdateCollectionObjectInput: { id: object.id },
      IdInput: { id: bankEntry.id },
      SetTeamsInput: { assignmentId: teamAssignment.id },
      MakeBalancedTeamsInput: { assignmentId: teamAssignment.id },
      ReleaseGradesInput: { assignmentId: assignment.id },
    };
    ids = (parent, name) => byInput[parent]?.[name] ?? byField[name];

    tables = (
      await t.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)
    ).map((r: { table_name: string }) => r.table_name);
  });
  afterAll(async () => t?.close());

  async function rowCounts(): Promise<Map<string, number>> {
    const rows: { name: string; n: string }[] = await t.dataSource.query(tables.map((name) => `SELECT '${name}' AS name, count(*) AS n FROM "${name}"`).join(' UNION ALL '));
    return new Map(rows.map((r) => [r.name, Number(r.n)]));
  }

  function changed(before: Map<string, number>, after: Map<string, number>, allowed: string[]): string[] {
    return tables.filter((name) => before.get(name) !== after.get(name) && !allowed.includes(name)).map((name) => `${name} ${before.get(name)}→${after.get(name)}`);
  }

  it('covers every mutation of the schema', () => {
    expect(mutations.length).toBeGreaterThan(40);
    // A mutation without a caller runs below as every persona in turn; a caller for a mutation that is gone is a stale row.
    expect(Object.keys(CALLER).filter((name) => !mutations.some((m) => m.name === name))).toEqual([]);
  });

  it.each(mutations.map((m) => [m.name, m] as const))('%s', async (name, field) => {
    const callers = CALLER[name] ? [CALLER[name]] : PERSONAS;
    const allowedWrites = WRITES_WHEN_REFUSED[name] ?? [];
    const findings: Finding[] = [];
    let seen = 0;
    for (const persona of callers) {
      const cases = casesFor(field, ids, SEED * 1000 + mutations.indexOf(field));
      let before = await rowCounts();
      for (const c of cases) {
        const res = await t
          .http()
          .post('/graphql')
          .set('content-type', c.contentType ?? 'application/json')
          .set('authorization', `Bearer ${tokens.get(persona)}`)
          .send(c.body);
        seen += 1;
        const problem = (p: string) => findings.push({ mutation: name, case: `${c.label} as ${persona}`, problem: p });
        const text = res.text ?? '';
        if (res.status >= 500) problem(`HTTP ${res.status}`);
        if (c.expectStatus && res.status !== c.expectStatus) problem(`HTTP ${res.status}, expected ${c.expectStatus}`);
        if (LEAKS.test(text)) problem(`leaks internals: ${text.match(LEAKS)![0]}`);
        let body: any;
        try {
          body = JSON.parse(text);
        } catch {
          problem(`not JSON: ${text.slice(0, 80)}`);
          continue;
        }
        const errors: any[] | undefined = body?.errors;
        const refused = Array.isArray(errors) && errors.length > 0;
        if (!refused && !c.executes) problem(`accepted: ${text.slice(0, 120)}`);
        if (!refused && !(body?.data && name in body.data)) problem(`neither errors nor data: ${text.slice(0, 120)}`);
        for (const e of errors ?? []) {
          const code = e?.extensions?.code;
          if (!TYPED_CODES.has(code)) problem(`code ${code}: ${String(e?.message).slice(0, 120)}`);
          if (e?.extensions && 'stacktrace' in e.extensions) problem('stacktrace in extensions');
        }
        if (refused && body?.data?.[name]) problem('errors together with data');
        // MALFORMED_REPORT=1 lists the generated values the API took (well-typed, so not wrong as such).
        if (!refused && process.env.MALFORMED_REPORT) console.log(`accepted: ${name}: ${c.label} as ${persona}`);
        // A refused request leaves nothing behind; an accepted one (a well-typed value the API takes) may write.
        const after = await rowCounts();
        if (refused) {
          const diff = changed(before, after, allowedWrites);
          if (diff.length > 0) problem(`wrote rows while refusing: ${diff.join(', ')}`);
        }
        before = after;
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(findings).toEqual([]);
    // Generous: a few mutations hash hundreds of generated passwords; this bounds a hang, not speed.
  }, 240000);
});

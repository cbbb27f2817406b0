// Builds a district-sized programme in PostgreSQL with plain SQL, reproducibly from a seed:
// the same seed and size always give the same rows (ids are md5 of names, choices are hashes).
import { createHash } from 'node:crypto';

export const SIZES = {
  district: { schools: 40, classes: 400, pupils: 12000, briefs: 200, assignmentsPerClass: 5, objects: 5000 },
  small: { schools: 4, classes: 40, pupils: 1200, briefs: 20, assignmentsPerClass: 5, objects: 500 },
};

/** The id the generator gives a named row (same expression as md5(name)::uuid in SQL). */
export function benchId(name) {
  const h = createHash('md5').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const BIG_CLASS = 45;
/** Bump when the data set changes: a database built by an older generator is rebuilt. */
export const DATA_VERSION = 2;
export const MARKER_TABLE = `bench_marker_v${DATA_VERSION}`;
/** The season every nomination of the data set belongs to (made in October–November 2026). */
export const BENCH_SEASON = '2026-AUTUMN';
export const milestoneKey = (brief, step) => benchId(`milestone-${brief}-${step}`);
export const criterionKey = (brief, c) => benchId(`criterion-${brief}-${c}`);

function briefContent(b) {
  const t = (zh, en) => ({ zh, en });
  return {
    title: t(`研究项目 ${b}`, `Research project ${b}`),
    theme: ['HISTORY', 'CRAFTS', 'SCIENCE', 'ART', 'CHARACTERS'][b % 5],
    gradeFrom: 3,
    gradeTo: 9,
    drivingQuestion: t('这件文物告诉我们什么？', 'What does this object tell us?'),
    learningGoals: [t('学会观察', 'Learn to observe')],
    suggestedObjectIds: [],
    milestones: ['观察 Observe', '提问 Ask', '探究 Investigate', '创作 Create', '分享 Share'].map((name, s) => ({
      key: milestoneKey(b, s),
      title: t(name.split(' ')[0], name.split(' ')[1]),
      prompt: t('仔细看一看', 'Look closely'),
      handIn: null,
    })),
    rubric: [0, 1, 2, 3].map((c) => ({
      key: criterionKey(b, c),
      title: t(`标准 ${c + 1}`, `Criterion ${c + 1}`),
      levels: [1, 2, 3].map((points) => ({ points, descriptor: t(`${points} 分`, `${points} points`) })),
    })),
  };
}

const DOC = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '我观察到这件文物的颜色和形状，并查找了资料。' }] }] });

/** Writes the data set through a pg client inside one transaction. */
export async function buildDistrict(client, size, seed) {
  const S = SIZES[size];
  const C = S.classes;
  const perSchool = C / S.schools;
  const A = C * S.assignmentsPerClass;
  const h = (expr, salt) => `(abs(hashtext(${expr} || '-${salt}-${seed}')) % 100)`;
  await client.query('BEGIN');
  await client.query(`INSERT INTO museum (id, name_zh, name_en) VALUES (md5('museum')::uuid, '辽宁省博物馆', 'Liaoning Provincial Museum')`);
  await client.query(`INSERT INTO school (id, museum_id, name) SELECT md5('school' || i)::uuid, md5('museum')::uuid, '学校 ' || i FROM generate_series(1, ${S.schools}) i`);
  await client.query(
    `INSERT INTO app_user (id, role, display_name, email, museum_id)
     SELECT md5(e)::uuid, 'MUSEUM_EDUCATOR', '馆员 ' || e, e || '@bench.example', md5('museum')::uuid FROM unnest(ARRAY['educator', 'educator2', 'educator3']) e`,
  );
  await client.query(`INSERT INTO lead_reviewer (educator_id, museum_id) VALUES (md5('educator')::uuid, md5('museum')::uuid)`);
  await client.query(
    `INSERT INTO app_user (id, role, display_name, email, school_id)
     SELECT md5('teacher' || c)::uuid, 'TEACHER', '教师 ' || c, 'teacher' || c || '@bench.example', md5('school' || ((c - 1) / ${perSchool} + 1))::uuid FROM generate_series(1, ${C}) c`,
  );
  await client.query(
    `INSERT INTO cohort (id, school_id, name, grade, school_year, class_code)
     SELECT md5('class' || c)::uuid, md5('school' || ((c - 1) / ${perSchool} + 1))::uuid, '班级 ' || c, 3 + (c % 7), '2026-2027', 'B' || lpad(c::text, 5, '0') FROM generate_series(1, ${C}) c`,
  );
  await client.query(`INSERT INTO cohort_teacher (cohort_id, teacher_id) SELECT md5('class' || c)::uuid, md5('teacher' || c)::uuid FROM generate_series(1, ${C}) c`);
  // Class 1 has 45 pupils (the benchmark's big class); the rest share the others evenly.
  await client.query(
    `CREATE TEMP TABLE bench_pupil AS SELECT i, CASE WHEN i <= ${BIG_CLASS} THEN 1 ELSE 2 + ((i - ${BIG_CLASS + 1}) % ${C - 1}) END AS c FROM generate_series(1, ${S.pupils}) i`,
  );
  await client.query(
    `INSERT INTO app_user (id, role, display_name, school_id)
     SELECT md5('pupil' || i)::uuid, 'PUPIL', '学生 ' || i, md5('school' || ((c - 1) / ${perSchool} + 1))::uuid FROM bench_pupil`,
  );
  await client.query(`INSERT INTO cohort_pupil (cohort_id, pupil_id, sign_in_code) SELECT md5('class' || c)::uuid, md5('pupil' || i)::uuid, 'P' || lpad(i::text, 6, '0') FROM bench_pupil`);
  await client.query(
    `INSERT INTO collection_object (id, museum_id, accession_number, title_zh, title_en, period_zh, period_en, themes)
     SELECT md5('object' || i)::uuid, md5('museum')::uuid, 'BENCH-' || lpad(i::text, 6, '0'), '文物 ' || i, 'Object ' || i, '辽', 'Liao dynasty',
            ARRAY[(ARRAY['HISTORY','CRAFTS','SCIENCE','ART','CHARACTERS'])[1 + i % 5]] FROM generate_series(1, ${S.objects}) i`,
  );
  for (let b = 1; b <= S.briefs; b++) {
    const content = briefContent(b);
    await client.query(
      `INSERT INTO project_brief (id, museum_id, author_id, status, theme, grade_from, grade_to, search_text) VALUES (md5('brief' || $1::int)::uuid, md5('museum')::uuid, md5('educator')::uuid, 'PUBLISHED', $2, 3, 9, $3)`,
      [b, content.theme, content.title.zh],
    );
    await client.query(`INSERT INTO project_brief_version (brief_id, version, content) VALUES (md5('brief' || $1::int)::uuid, 1, $2)`, [b, JSON.stringify(content)]);
  }
  await client.query(
    `CREATE TEMP TABLE bench_assignment AS SELECT n, (n - 1) / ${S.assignmentsPerClass} + 1 AS c, 1 + (n % ${S.briefs}) AS b FROM generate_series(1, ${A}) n`,
  );
  await client.query(
    `INSERT INTO assignment (id, cohort_id, brief_id, brief_version, mode, starts_at, due_at, created_by_id)
     SELECT md5('assignment' || n)::uuid, md5('class' || c)::uuid, md5('brief' || b)::uuid, 1, 'INDIVIDUAL', now() - interval '20 days', now() + interval '10 days', md5('teacher' || c)::uuid
       FROM bench_assignment`,
  );
  // 90% of pupils started each assignment; r decides how far they got.
  await client.query(
    `CREATE TEMP TABLE bench_work AS
     SELECT a.n, a.b, p.i, md5('work' || a.n || '-' || p.i)::uuid AS id, ${h(`a.n || '-' || p.i`, 'r')} AS r
       FROM bench_assignment a JOIN bench_pupil p ON p.c = a.c
      WHERE ${h(`a.n || '-' || p.i`, 'start')} < 90`,
  );
  await client.query(`INSERT INTO work (id, assignment_id, pupil_id) SELECT id, md5('assignment' || n)::uuid, md5('pupil' || i)::uuid FROM bench_work`);
  await client.query(`INSERT INTO work_part (work_id, part_key, body, revision) SELECT id, 'REFLECTION', $1::jsonb, 1 FROM bench_work`, [DOC]);
  const parts = `jsonb_build_array(jsonb_build_object('partKey', 'REFLECTION', 'body', $1::jsonb, 'evidence', '[]'::jsonb, 'attachmentIds', '[]'::jsonb, 'revision', 1))`;
  const version = (attempt, cond, status) =>
    client.query(
      `INSERT INTO work_version (id, work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, opened_at, status_changed_at)
       SELECT md5('version' || id || '-${attempt}')::uuid, id, 'PROJECT', ${attempt}, 'bench-${attempt}', ${parts}, ${status}, r % 7 = 0,
              now() - interval '${10 - attempt} days', CASE WHEN ${status} = 'SUBMITTED' THEN NULL ELSE now() END, now()
         FROM bench_work WHERE ${cond}`,
      [DOC],
    );
  await version(1, 'r < 85', `CASE WHEN r < 42 THEN 'RETURNED' WHEN r < 70 THEN 'GRADED' ELSE 'SUBMITTED' END`);
  await version(2, 'r < 42', `CASE WHEN r < 13 THEN 'RETURNED' WHEN r < 30 THEN 'GRADED' ELSE 'SUBMITTED' END`);
  await version(3, 'r < 13', `'SUBMITTED'`);
  await client.query(
    `INSERT INTO work_version (id, work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, opened_at, status_changed_at)
     SELECT md5('mversion' || id)::uuid, id, md5('milestone-' || b || '-0')::uuid::text, 1, 'bench-m', ${parts}, 'SUBMITTED', false, now() - interval '12 days', NULL, now()
       FROM bench_work WHERE (r * 7) % 100 < 40`,
    [DOC],
  );
  await client.query(
    `INSERT INTO feedback (version_id, levels, overall_comment, score, max_points, released_at, row_version, updated_by_id, updated_at)
     SELECT v.id,
            (SELECT jsonb_agg(jsonb_build_object('criterionKey', md5('criterion-' || bw.b || '-' || k)::uuid::text, 'level', (bw.r + k) % 3, 'comment', NULL)) FROM generate_series(0, 3) k),
            '观察仔细，继续努力！', CASE WHEN v.status = 'GRADED' THEN (SELECT sum(1 + (bw.r + k) % 3) FROM generate_series(0, 3) k) END, 12,
            CASE WHEN v.status = 'GRADED' AND bw.r % 2 = 0 THEN now() END, 1, md5('teacher' || (SELECT c FROM bench_pupil WHERE i = bw.i))::uuid, now()
       FROM work_version v JOIN bench_work bw ON bw.id = v.work_id WHERE v.status IN ('GRADED', 'RETURNED')`,
  );
  // The museum's review: teachers nominated about 3% of graded projects in autumn 2026; the
  // museum decided 60% of them (exhibiting the Outstanding and Commended ones whose guardians
  // consented) and two educators scored most of them. o decides the outcome, as r does above.
  await client.query(
    `CREATE TEMP TABLE bench_nomination AS
     SELECT v.id AS version_id, bw.i, md5('nomination' || v.id)::uuid AS id, ${h('v.id::text', 'outcome')} AS o, ${h('v.id::text', 'day')} AS d
       FROM work_version v JOIN bench_work bw ON bw.id = v.work_id
      WHERE v.scope = 'PROJECT' AND v.status = 'GRADED' AND ${h('v.id::text', 'nominate')} < 3`,
  );
  await client.query(
    `INSERT INTO nomination (id, version_id, statement, nominated_by_id, guardian_consent, credit_style, consent_recorded_by_id, consent_recorded_at, created_at,
                             outcome, decision_feedback, decided_at, decided_by_id, exhibition_slug)
     SELECT n.id, n.version_id, '观察细致，提出的问题很有意思。', md5('teacher' || p.c)::uuid, n.o % 10 <> 0,
            (ARRAY['FULL_NAME', 'FIRST_NAME_INITIAL_SCHOOL', 'ANONYMOUS'])[1 + n.o % 3], md5('teacher' || p.c)::uuid,
            timestamptz '2026-10-01 10:00+08' + (n.d % 40) * interval '1 day', timestamptz '2026-10-01 10:00+08' + (n.d % 40) * interval '1 day',
            CASE WHEN n.o < 15 THEN 'OUTSTANDING' WHEN n.o < 45 THEN 'COMMENDED' WHEN n.o < 60 THEN 'NOT_SELECTED' END,
            CASE WHEN n.o < 60 THEN '很有创意，证据充分。' END,
            CASE WHEN n.o < 60 THEN timestamptz '2026-11-20 10:00+08' END,
            CASE WHEN n.o < 60 THEN md5('educator')::uuid END,
            CASE WHEN n.o < 45 THEN substr(md5('slug' || n.id), 1, 16) END
       FROM bench_nomination n JOIN bench_pupil p ON p.i = n.i`,
  );
  await client.query(
    `INSERT INTO nomination_review (nomination_id, reviewer_id, scores, updated_at)
     SELECT n.id, md5(r.e)::uuid,
            jsonb_build_object('RESEARCH_QUESTION', 1 + n.o % 5, 'EVIDENCE', 1 + (n.o + 1) % 5, 'CREATIVITY', 1 + (n.o + 2) % 5, 'PRESENTATION', 1 + (n.o + 3) % 5),
            timestamptz '2026-11-15 10:00+08'
       FROM bench_nomination n CROSS JOIN (VALUES ('educator'), ('educator2')) r(e)
      WHERE (r.e = 'educator' AND n.o < 80) OR (r.e = 'educator2' AND n.o % 2 = 0)`,
  );
  // Sessions whose tokens the load generator knows: "bench-" + the user's id.
  await client.query(`INSERT INTO session (token_hash, user_id, expires_at) SELECT encode(sha256(('bench-' || id)::bytea), 'hex'), id, now() + interval '30 days' FROM app_user`);
  await client.query(`CREATE TABLE ${MARKER_TABLE} (size text, seed int, built_at timestamptz DEFAULT now())`);
  await client.query(`INSERT INTO ${MARKER_TABLE} (size, seed) VALUES ($1, $2)`, [size, seed]);
  await client.query('COMMIT');
  await client.query('ANALYZE');
}

import type { MockLink } from '@apollo/client/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaveWorkPartDocument, SubmitWorkDocument, WorkspacePageDocument } from '../../gql/graphql';
import { pupilXiaoming, renderApp } from '../../test/renderApp';
import { storageKey } from './partDraft';

const text = (zh: string, en: string) => ({ __typename: 'LocalizedText', zh, en });
const doc = (line: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: line }] }] });

function serverPart(revision: number, line: string) {
  return { __typename: 'WorkPart', partKey: 'm1', revision, body: doc(line), evidence: [], attachmentIds: [], updatedAt: '2026-12-01T02:00:00.000Z' };
}

/** An evidence item citing a collection object, with the object as the server names it (null: gone). */
function cited(id: string, objectId: string, object: unknown) {
  return { __typename: 'Evidence', id, kind: 'COLLECTION_OBJECT', objectId, object, observation: 'She holds a flower', title: null, author: null, url: null, seenOn: null, note: null };
}

const courtLadies = { __typename: 'CollectionObject', id: 'o-1', accessionNumber: '1972.3.4', title: text('簪花仕女图', 'Court Ladies Adorning Their Hair with Flowers') };

function version(id: string, attempt: number, status: string) {
  return {
    __typename: 'WorkVersion',
    id,
    attempt,
    status,
    late: false,
    submittedAt: '2026-12-10T02:00:00.000Z',
    opened: false,
    scope: 'PROJECT',
    feedback: null,
  };
}

/** The museum's decision on a nomination of the pupil's work on `assignmentId`. */
function museumResult(id: string, assignmentId: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'NominationResult',
    id,
    assignmentId,
    outcome: 'COMMENDED',
    feedback: 'The way you compared the hairpins is lovely.',
    decidedAt: '2027-01-12T02:00:00.000Z',
    certificateUrl: `/certificates/${id}.pdf`,
    exhibitionPath: '/exhibition/works/aaaabbbbccccdddd',
    ...overrides,
  };
}

function pageMock(versions: unknown[] = [], parts: unknown[] = [serverPart(2, 'Old text')], museumResults: unknown[] = []): MockLink.MockedResponse {
  return {
    request: { query: WorkspacePageDocument, variables: { assignmentId: 'a1' } },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: {
      data: {
        assignment: {
          __typename: 'Assignment',
          id: 'a1',
          dueAt: '2026-12-18T09:00:00.000Z',
          mode: 'INDIVIDUAL',
          teams: [],
          title: text('簪花仕女图', 'Court ladies'),
          drivingQuestion: text('唐代人怎样生活？', 'How did people live in the Tang dynasty?'),
          milestones: [
            {
              __typename: 'AssignedMilestone',
              key: 'm1',
              number: 1,
              dueAt: '2026-12-05T09:00:00.000Z',
              title: text('观察', 'Observe'),
              prompt: text('仔细看看画。', 'Look closely at the painting.'),
              handIn: text('三条观察', 'Three observations'),
            },
          ],
        },
        myWork: { __typename: 'Work', id: 'w1', editable: versions.length === 0, parts, versions },
        myNominationResults: museumResults,
      },
    },
  };
}

type SaveVariables = { input: { baseRevision: number; body: unknown; partKey: string } };

/** Answers every save with the next revision, or with what `answer` says; records what was sent. */
function saveMock(calls: SaveVariables[], answer?: (variables: SaveVariables, call: number) => MockLink.MockedResponse['result']): MockLink.MockedResponse {
  return {
    request: { query: SaveWorkPartDocument, variables: () => true },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: (variables: Record<string, unknown>) => {
      const sent = variables as SaveVariables;
      calls.push(sent);
      const custom = answer?.(sent, calls.length);
      if (custom) return custom as never;
      return { data: { saveWorkPart: { __typename: 'WorkPartPayload', part: { ...serverPart(sent.input.baseRevision + 1, ''), body: sent.input.body } } } };
    },
  };
}

let online = true;
beforeEach(() => {
  online = true;
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
});
afterEach(() => {
  online = true;
});

async function openWorkspace(mocks: MockLink.MockedResponse[]) {
  renderApp('/my/assignments/a1', mocks, { viewer: pupilXiaoming, language: 'en' });
  return screen.findByLabelText('Observe: what I wrote');
}

describe('WorkspacePage', () => {
  it('shows the driving question and the steps, and autosaves naming the revision it started from', async () => {
    const calls: SaveVariables[] = [];
    const editor = await openWorkspace([pageMock(), saveMock(calls)]);
    expect(screen.getByRole('heading', { level: 1, name: 'Court ladies' })).toBeTruthy();
    expect(screen.getByText('How did people live in the Tang dynasty?')).toBeTruthy();
    expect(screen.getByText('Three observations')).toBeTruthy();
    expect((editor as HTMLTextAreaElement).value).toBe('Old text');

    fireEvent.change(editor, { target: { value: 'The lady wears **a flower**' } });
    // Until the change is stored the page does not say "Saved", so nothing older is handed in.
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.input.baseRevision).toBe(2);
    expect(calls[0]!.input.body).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The lady wears ' }, { type: 'text', text: 'a flower', marks: [{ type: 'bold' }] }] }],
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));

    fireEvent.change(editor, { target: { value: 'The lady wears a flower and a fan' } });
    await waitFor(() => expect(calls).toHaveLength(2));
    // The second save starts from the revision the first one made.
    expect(calls[1]!.input.baseRevision).toBe(3);
    expect(window.localStorage.getItem(storageKey('w1', 'm1'))).toBeNull();
  }, 15_000);

  it('keeps changes in the browser while offline and sends them when the connection is back', async () => {
    const calls: SaveVariables[] = [];
    const editor = await openWorkspace([pageMock(), saveMock(calls)]);
    online = false;
    act(() => void window.dispatchEvent(new Event('offline')));
    fireEvent.change(editor, { target: { value: 'Written on the bus' } });

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Offline — will save when the connection is back'));
    const stored = JSON.parse(window.localStorage.getItem(storageKey('w1', 'm1')) ?? 'null') as { baseRevision: number; draft: { source: string } };
    expect(stored).toMatchObject({ baseRevision: 2, draft: { source: 'Written on the bus' } });
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(calls).toHaveLength(0);

    online = true;
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.input).toMatchObject({ baseRevision: 2, body: doc('Written on the bus') });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(window.localStorage.getItem(storageKey('w1', 'm1'))).toBeNull();
  }, 15_000);

  it('sends changes left in the browser by an earlier visit as soon as the page opens', async () => {
    window.localStorage.setItem(storageKey('w1', 'm1'), JSON.stringify({ baseRevision: 2, draft: { source: 'From last time', evidence: [], attachmentIds: [] } }));
    const calls: SaveVariables[] = [];
    const editor = await openWorkspace([pageMock(), saveMock(calls)]);
    expect((editor as HTMLTextAreaElement).value).toBe('From last time');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.input).toMatchObject({ baseRevision: 2, body: doc('From last time') });
  });

  it('on a conflict shows both versions, and "keep mine" saves again from the server revision', async () => {
    const calls: SaveVariables[] = [];
    const conflict = (_: SaveVariables, call: number) =>
      call === 1
        ? { errors: [{ message: 'changed meanwhile', path: ['saveWorkPart'], extensions: { code: 'CONFLICT', current: serverPart(5, 'Written by my teammate') } }] }
        : undefined;
    const editor = await openWorkspace([pageMock(), saveMock(calls, conflict)]);
    fireEvent.change(editor, { target: { value: 'My own words' } });

    const panel = await screen.findByRole('group', { name: 'This part was changed somewhere else too' });
    expect(within(within(panel).getByRole('region', { name: 'My version' })).getByText('My own words')).toBeTruthy();
    expect(within(within(panel).getByRole('region', { name: 'The saved version' })).getByText('Written by my teammate')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('One part needs you to choose which version to keep'));

    fireEvent.click(within(panel).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.input).toMatchObject({ baseRevision: 5, body: doc('My own words') });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
  }, 15_000);

  it('merging by hand starts from both texts and saves from the server revision', async () => {
    const calls: SaveVariables[] = [];
    const conflict = (_: SaveVariables, call: number) =>
      call === 1 ? { errors: [{ message: 'changed', path: ['saveWorkPart'], extensions: { code: 'CONFLICT', current: serverPart(7, 'Theirs') } }] } : undefined;
    const editor = await openWorkspace([pageMock(), saveMock(calls, conflict)]);
    fireEvent.change(editor, { target: { value: 'Mine' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Put them together myself' }));
    const merged = screen.getByLabelText('The merged text') as HTMLTextAreaElement;
    expect(merged.value).toBe('Mine\nTheirs');
    fireEvent.click(screen.getByRole('button', { name: 'Save the merged text' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.input.baseRevision).toBe(7);
  }, 15_000);

  it('names the objects the saved part cites, as the server has them, and says when one has left the collection', async () => {
    const part = {
      ...serverPart(2, 'Old text'),
      evidence: [
        cited('e-1', 'o-1', courtLadies),
        cited('e-2', 'o-gone', null),
      ],
    };
    await openWorkspace([pageMock([], [part])]);
    expect(screen.getByRole('link', { name: 'Court Ladies Adorning Their Hair with Flowers' }).getAttribute('href')).toBe('/collection/o-1');
    expect(screen.getByText('Collection object: This object is no longer in the collection')).toBeTruthy();
  });

  it('reuses the idempotency key when a submit is retried after a failure', async () => {
    const keys: string[] = [];
    const submitMock: MockLink.MockedResponse = {
      request: { query: SubmitWorkDocument, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: (variables: Record<string, unknown>) => {
        const { input } = variables as { input: { idempotencyKey: string; scope: string } };
        keys.push(input.idempotencyKey);
        if (keys.length === 1) return { errors: [{ message: 'timeout', extensions: { code: 'SERVICE_UNAVAILABLE' } }] } as never;
        return { data: { submitWork: { __typename: 'WorkVersionPayload', version: version('v1', 1, 'SUBMITTED') } } } as never;
      },
    };
    await openWorkspace([pageMock(), submitMock]);

    fireEvent.click(screen.getByRole('button', { name: 'Submit my research' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hand your work to your teacher?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, submit' }));
    await within(dialog).findByRole('alert');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, submit' }));
    await waitFor(() => expect(keys).toHaveLength(2));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('shows the attempt and offers to take it back while the teacher has not opened it', async () => {
    renderApp('/my/assignments/a1', [pageMock([version('v2', 2, 'SUBMITTED'), { ...version('v1', 1, 'RETURNED'), feedback: { __typename: 'Feedback', versionId: 'v1', overallComment: 'Look at the hair again', released: false, score: null, maxPoints: 12, comments: [] } }])], {
      viewer: pupilXiaoming,
      language: 'en',
    });
    const attempts = await screen.findByRole('region', { name: 'Work I have handed in' });
    expect(within(attempts).getByRole('heading', { level: 3, name: 'Whole project · Attempt 2' })).toBeTruthy();
    expect(within(attempts).getByText('Look at the hair again')).toBeTruthy();
    expect(within(attempts).getAllByRole('button', { name: 'Take it back' })).toHaveLength(1);
    expect(within(attempts).getAllByRole('button', { name: 'Compare with the previous attempt' })).toHaveLength(1);
    expect(screen.getByText('Your work is with your teacher now, so it cannot be changed.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit my research' })).toBeNull();
  });

  it('shows the evidence of work handed in, read only', async () => {
    const part = {
      ...serverPart(2, 'Old text'),
      evidence: [
        cited('e-1', 'o-1', courtLadies),
        { __typename: 'Evidence', id: 'e-2', kind: 'OUTSIDE_SOURCE', objectId: null, object: null, observation: null, title: 'Tang clothing', author: 'Li Hua', url: 'https://example.org/tang', seenOn: '2026-12-01', note: 'Silk was costly' },
      ],
    };
    renderApp('/my/assignments/a1', [pageMock([version('v1', 1, 'SUBMITTED')], [part])], { viewer: pupilXiaoming, language: 'en' });
    await screen.findByText('Your work is with your teacher now, so it cannot be changed.');
    expect(screen.getByRole('link', { name: 'Court Ladies Adorning Their Hair with Flowers' }).getAttribute('href')).toBe('/collection/o-1');
    expect(screen.getByText('What I observed: She holds a flower')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tang clothing' }).getAttribute('href')).toBe('https://example.org/tang');
    expect(screen.getByText('My notes: Silk was costly')).toBeTruthy();
    // Nothing to edit: no fields and no remove buttons.
    expect(screen.queryByLabelText('What I observed')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove this evidence' })).toBeNull();
  });

  it("shows the museum's decision on this project with the exhibition page and the certificate to download", async () => {
    const graded = { ...version('v1', 1, 'GRADED'), scope: 'PROJECT' };
    renderApp(
      '/my/assignments/a1',
      [pageMock([graded], undefined, [museumResult('n-2', 'a1'), museumResult('n-9', 'a9', { outcome: 'OUTSTANDING', feedback: 'Another project' })])],
      { viewer: pupilXiaoming, language: 'en' },
    );
    const decision = await screen.findByRole('region', { name: "The museum's decision" });
    expect(within(decision).getByText('Well done! The museum commended your work.')).toBeTruthy();
    expect(within(decision).getByText('The way you compared the hairpins is lovely.')).toBeTruthy();
    expect(within(decision).getByText(/^Decided on /)).toBeTruthy();
    expect(within(decision).getByRole('link', { name: 'See my work in the online exhibition' }).getAttribute('href')).toBe('/exhibition/works/aaaabbbbccccdddd');
    const certificate = within(decision).getByRole('link', { name: 'Download my certificate (PDF)' });
    expect(certificate.getAttribute('href')).toBe('/certificates/n-2.pdf');
    expect(certificate.hasAttribute('download')).toBe(true);
    // Another project's decision belongs on that project's page.
    expect(screen.queryByText('Another project')).toBeNull();
  });

  it('gives no certificate or exhibition link for work not selected, in Chinese too', async () => {
    const graded = { ...version('v1', 1, 'GRADED'), scope: 'PROJECT' };
    renderApp(
      '/my/assignments/a1',
      [pageMock([graded], undefined, [museumResult('n-3', 'a1', { outcome: 'NOT_SELECTED', certificateUrl: null, exhibitionPath: null, feedback: '下次可以多画几张草图。' })])],
      { viewer: pupilXiaoming },
    );
    const decision = await screen.findByRole('region', { name: '博物馆的评选结果' });
    expect(within(decision).getByText('这次你的作品没有入选展览。看看博物馆老师写给你的话吧。')).toBeTruthy();
    expect(within(decision).getByText('下次可以多画几张草图。')).toBeTruthy();
    expect(within(decision).queryByRole('link')).toBeNull();
  });

  it('has no museum section before the museum decides', async () => {
    await openWorkspace([pageMock()]);
    expect(screen.queryByRole('region', { name: "The museum's decision" })).toBeNull();
  });
});

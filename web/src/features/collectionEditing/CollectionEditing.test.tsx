import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreateCollectionObjectDocument, ImportCollectionObjectsDocument, ObjectEditorDocument, RemoveCollectionObjectImageDocument } from '../../gql/graphql';
import { educatorZhao as educator, renderApp } from '../../test/renderApp';

function chooseFile(name: string, content: string) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([content], name, { type: name.endsWith('.json') ? 'application/json' : 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('ImportObjectsPage', () => {
  it('shows each broken row before sending anything, and offers no import', async () => {
    renderApp('/collection/import', [], { viewer: educator });
    await screen.findByRole('heading', { level: 1, name: '导入藏品' });
    chooseFile('objects.csv', 'accessionNumber,titleZh,titleEn,themes\nA-1,铜镜,Bronze mirror,HISTORY\nA-2,,Jade,NOPE\n');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('1 条记录有问题');
    expect(within(alert).getByRole('listitem').textContent).toMatch(/^第 3 行: titleZh — 请填写这一项。；themes — 这一项的内容不对。$/);
    expect(screen.queryByRole('button', { name: /导入 \d+ 条记录/ })).toBeNull();
  });

  it('imports a clean file and says how many records arrived', async () => {
    const content = 'accessionNumber,titleZh,titleEn\nA-1,铜镜,Bronze mirror\nA-2,玉璧,Jade disc\n';
    renderApp('/collection/import', [
      { request: { query: ImportCollectionObjectsDocument, variables: { input: { format: 'CSV', content } } }, result: { data: { importCollectionObjects: { __typename: 'ImportCollectionPayload', imported: 2 } } } },
    ], { viewer: educator });
    await screen.findByRole('heading', { level: 1, name: '导入藏品' });
    chooseFile('objects.csv', content);
    fireEvent.click(await screen.findByRole('button', { name: '导入 2 条记录' }));
    expect(await screen.findByText('已经导入 2 条记录。')).toBeTruthy();
  });

  it('shows the problems the server found when its check differs', async () => {
    const content = '[{"accessionNumber":"A-1","titleZh":"铜镜","titleEn":"Bronze mirror"}]';
    renderApp('/collection/import', [
      {
        request: { query: ImportCollectionObjectsDocument, variables: { input: { format: 'JSON', content } } },
        result: { data: null, errors: [{ message: '1 problems', path: ['importCollectionObjects'], extensions: { code: 'BAD_USER_INPUT', field: 'content', problems: [{ row: 1, problems: [{ field: 'accessionNumber', problem: 'DUPLICATE' }] }] } }] },
      },
    ], { viewer: educator });
    await screen.findByRole('heading', { level: 1, name: '导入藏品' });
    chooseFile('objects.json', content);
    fireEvent.click(await screen.findByRole('button', { name: '导入 1 条记录' }));
    expect((await screen.findByRole('alert')).textContent).toContain('服务器检查时发现 1 处问题');
  });
});

describe('ObjectEditorPage', () => {
  it('asks for both titles before sending, then names a taken accession number next to its field', async () => {
    const object = { accessionNumber: 'LNPM-1', titleZh: '铜镜', titleEn: 'Bronze mirror', themes: [] };
    renderApp('/collection/new', [
      {
        request: { query: CreateCollectionObjectDocument, variables: { input: { object } } },
        result: { data: null, errors: [{ message: 'taken', path: ['createCollectionObject'], extensions: { code: 'BAD_USER_INPUT', field: 'object.accessionNumber' } }] },
      },
    ], { viewer: educator });
    await screen.findByRole('heading', { level: 1, name: '添加藏品' });
    fireEvent.change(screen.getByLabelText('藏品编号'), { target: { value: 'LNPM-1' } });
    fireEvent.click(screen.getByRole('button', { name: '保存藏品' }));
    expect((await screen.findByRole('alert')).textContent).toBe('有 2 处需要修改，请看标出的地方。');
    expect(screen.getByLabelText('中文名称').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByLabelText('中文名称'), { target: { value: '铜镜' } });
    fireEvent.change(screen.getByLabelText('英文名称'), { target: { value: 'Bronze mirror' } });
    fireEvent.click(screen.getByRole('button', { name: '保存藏品' }));
    expect(await screen.findByText('这个藏品编号已经有别的藏品在用了。')).toBeTruthy();
  });
});

describe('ObjectImages', () => {
  const text = (zh: string, en: string) => ({ __typename: 'LocalizedText', zh, en });
  const none = { __typename: 'LocalizedText', zh: null, en: null };
  const image = (fileId: string) => ({ __typename: 'CollectionObjectImage', fileId, caption: null, thumbnailUrl: null, url: `/files/${fileId}` });
  const object = {
    __typename: 'CollectionObject',
    id: 'object-1',
    accessionNumber: 'LNPM-1',
    title: text('铜镜', 'Bronze mirror'),
    maker: none,
    period: none,
    kind: none,
    description: none,
    location: null,
    rightsStatement: null,
    themes: [],
    images: [image('file-1'), image('file-2')],
  };

  it('takes an image someone else already removed off the page instead of showing an error', async () => {
    renderApp('/collection/object-1/edit', [
      { request: { query: ObjectEditorDocument, variables: { id: 'object-1' } }, result: { data: { collectionObject: object } } },
      {
        request: { query: RemoveCollectionObjectImageDocument, variables: { input: { objectId: 'object-1', fileId: 'file-1' } } },
        result: { data: null, errors: [{ message: 'not found', path: ['removeCollectionObjectImage'], extensions: { code: 'NOT_FOUND' } }] },
      },
    ], { viewer: educator });
    fireEvent.click(await screen.findByRole('button', { name: '删除图片 1' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '删除这张图片？' }));
    // The other image is now the only one, so its button is the first.
    await waitFor(() => expect(screen.queryByRole('button', { name: '删除图片 2' })).toBeNull());
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('src'))).toEqual(['/files/file-2']);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

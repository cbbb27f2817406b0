import type { Theme } from '../../gql/graphql';

interface ObjectFixture {
  id: string;
  zh: string | null;
  en: string | null;
  maker?: { zh: string | null; en: string | null } | null;
  period?: { zh: string | null; en: string | null } | null;
  themes?: Theme[];
}

function text(value: { zh: string | null; en: string | null } | null | undefined) {
  return value ? { __typename: 'LocalizedText', ...value } : null;
}

export function collectionObjectNode(fixture: ObjectFixture) {
  return {
    __typename: 'CollectionObject',
    id: fixture.id,
    accessionNumber: `LNPM-${fixture.id}`,
    title: { __typename: 'LocalizedText', zh: fixture.zh, en: fixture.en },
    maker: text(fixture.maker),
    period: text(fixture.period),
    themes: fixture.themes ?? [],
  };
}

export function collectionPage(
  nodes: ReturnType<typeof collectionObjectNode>[],
  { totalCount = nodes.length, hasNextPage = false }: { totalCount?: number; hasNextPage?: boolean } = {},
) {
  return {
    data: {
      collectionObjects: {
        __typename: 'CollectionObjectConnection',
        totalCount,
        edges: nodes.map((node) => ({ __typename: 'CollectionObjectEdge', cursor: `cursor-${node.id}`, node })),
        pageInfo: {
          __typename: 'PageInfo',
          endCursor: nodes.length > 0 ? `cursor-${nodes[nodes.length - 1]!.id}` : null,
          hasNextPage,
        },
      },
    },
  };
}

export const courtLadies = collectionObjectNode({
  id: 'obj-1',
  zh: '簪花仕女图',
  en: 'Court Ladies Adorning Their Hair with Flowers',
  maker: { zh: '周昉（传）', en: 'Attributed to Zhou Fang' },
  period: { zh: '唐', en: 'Tang dynasty' },
  themes: ['ART', 'HISTORY'],
});

export const englishOnly = collectionObjectNode({
  id: 'obj-2',
  zh: null,
  en: 'Bronze mirror',
  period: { zh: '汉', en: 'Han dynasty' },
  themes: ['CRAFTS'],
});

import { safeHref, type Block, type RichDoc, type TextNode } from '@lmr/domain';
import type { ReactNode } from 'react';

function Inline({ nodes }: { nodes: TextNode[] }) {
  return (
    <>
      {nodes.map((node, index) => {
        let element: ReactNode = node.text;
        const marks = node.marks ?? [];
        if (marks.some((mark) => mark.type === 'italic')) element = <em>{element}</em>;
        if (marks.some((mark) => mark.type === 'bold')) element = <strong>{element}</strong>;
        const link = marks.find((mark) => mark.type === 'link');
        const href = link && link.type === 'link' ? safeHref(link.href) : null;
        if (href) {
          element = (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {element}
            </a>
          );
        }
        return <span key={index}>{element}</span>;
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading': {
      // Inside a page whose parts are h3, a pupil's headings sit below them.
      const Tag = block.level === 1 ? 'h4' : block.level === 2 ? 'h5' : 'h6';
      return (
        <Tag className="rich-doc__heading">
          <Inline nodes={block.content} />
        </Tag>
      );
    }
    case 'bulletList':
    case 'orderedList': {
      const Tag = block.type === 'bulletList' ? 'ul' : 'ol';
      return (
        <Tag>
          {block.items.map((item, index) => (
            <li key={index}>
              <Inline nodes={item} />
            </li>
          ))}
        </Tag>
      );
    }
    default:
      return block.content.length > 0 ? (
        <p>
          <Inline nodes={block.content} />
        </p>
      ) : null;
  }
}

/** A pupil's text rendered from its tree with React elements; no HTML string is ever parsed. */
export function RichDocView({ doc, empty }: { doc: RichDoc | null | undefined; empty?: string }) {
  const blocks = Array.isArray(doc?.content) ? doc.content : [];
  if (blocks.length === 0 || blocks.every((block) => 'content' in block && block.content.length === 0)) {
    return <p className="rich-doc rich-doc--empty">{empty ?? ''}</p>;
  }
  return (
    <div className="rich-doc">
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </div>
  );
}

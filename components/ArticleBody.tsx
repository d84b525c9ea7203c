import type { BodyBlock, Dateline } from '@/lib/documents/types';

type Text = { body: readonly BodyBlock[]; dateline: Dateline | null };

/** Which block opens with the dateline: the first paragraph, when the article has one (-1: none). */
export const datelineIndex = (article: Text) =>
  article.dateline ? article.body.findIndex((block) => block.type === 'paragraph') : -1;

/** A paragraph's anchor (`#p3`: the third paragraph), the same on the article and each of its versions. */
export const paragraphAnchor = (ordinal: number) => `p${ordinal}`;

/** Each block's paragraph anchor, by its place among the paragraphs (a subheading has none). */
export function paragraphAnchors(body: readonly BodyBlock[]): Array<string | undefined> {
  let paragraphs = 0;
  return body.map((block) => (block.type === 'paragraph' ? paragraphAnchor((paragraphs += 1)) : undefined));
}

/**
 * Paragraphs and subheadings as React text: document text is never HTML here. Each paragraph has
 * an id by its place among the paragraphs (`p1`, `p2`, …), so that a quote can link to it.
 */
export function ArticleBody({ article }: { article: Text }) {
  const datelineAt = datelineIndex(article);
  const anchors = paragraphAnchors(article.body);
  return (
    // data-article-body: where the reading-position island finds the paragraphs.
    <div data-article-body="" className="mt-6 max-w-[65ch] font-serif text-[1.1875rem] leading-[1.7] sm:text-xl">
      {article.body.map((block, index) => {
        if (block.type === 'subheading') {
          return (
            <h2 key={index} className="mt-9 mb-1 font-sans text-lg leading-snug font-bold sm:text-xl">
              {block.text}
            </h2>
          );
        }
        const dateline = index === datelineAt ? article.dateline : null;
        return (
          <p key={index} id={anchors[index]} className="mt-5 scroll-mt-4 first:mt-0 target:bg-rule/40">
            {dateline && (
              <span className="dateline font-sans text-[0.85em] font-bold tracking-wide uppercase">
                {dateline.place}, {dateline.dateText} ({dateline.source}){' '}
              </span>
            )}
            {block.text}
          </p>
        );
      })}
    </div>
  );
}

import type { Article } from '@/lib/queries/types';

/** Which block opens with the dateline: the first paragraph, when the article has one (-1: none). */
export const datelineIndex = (article: Pick<Article, 'body' | 'dateline'>) =>
  article.dateline ? article.body.findIndex((block) => block.type === 'paragraph') : -1;

/** Paragraphs and subheadings as React text: document text is never HTML here. */
export function ArticleBody({ article }: { article: Pick<Article, 'body' | 'dateline'> }) {
  const datelineAt = datelineIndex(article);
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
          <p key={index} className="mt-5 first:mt-0">
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

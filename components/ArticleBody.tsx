import type { Article } from '@/lib/queries/types';

/** Paragraphs and subheadings as React text: document text is never HTML here. */
export function ArticleBody({ article }: { article: Pick<Article, 'body' | 'dateline'> }) {
  const datelineAt = article.dateline ? article.body.findIndex((block) => block.type === 'paragraph') : -1;
  return (
    <div className="mt-6 font-serif text-lg leading-relaxed">
      {article.body.map((block, index) => {
        if (block.type === 'subheading') {
          return (
            <h2 key={index} className="mt-8 mb-2 font-sans text-xl font-bold">
              {block.text}
            </h2>
          );
        }
        const dateline = index === datelineAt ? article.dateline : null;
        return (
          <p key={index} className="mt-4">
            {dateline && (
              <span className="dateline font-sans text-base font-bold uppercase tracking-wide">
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

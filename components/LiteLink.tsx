import { words } from '@/lib/i18n';
import { litePath } from '@/lib/site';

/** The way to a page's lite twin (text only, no scripts). A plain link: the lite pages are not part of the app. */
export function LiteLink({ path, className = '' }: { path: string; className?: string }) {
  const { lite } = words();
  return (
    <p className={`text-sm print:hidden ${className}`}>
      <a href={litePath(path)} className="inline-flex min-h-10 items-center underline">
        {lite.link}
      </a>{' '}
      <span className="text-muted">{lite.linkNote}</span>
    </p>
  );
}

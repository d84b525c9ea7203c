import type { Thing, WithContext } from 'schema-dts';
import { serializeJsonLd } from '@/lib/seo/json-ld';

/** Structured data for crawlers; serializeJsonLd escapes it so no text can end the script block. */
export function JsonLd({ data }: { data: WithContext<Thing> | Array<WithContext<Thing>> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}

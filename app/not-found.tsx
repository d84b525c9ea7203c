import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="py-16">
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-lg">
        There is no page at this address. It may have been mistyped, or the article may have moved.
      </p>
      <p className="mt-4">
        <Link href="/" className="font-semibold underline">
          Go to the front page
        </Link>
      </p>
    </div>
  );
}

// Run as its own process: opens the embedded database in DATA_DIR as the site does,
// prints where it serves and whether it started the server, and holds it until stopped.
import { resolveDatabase } from '@/lib/db/connection';

const database = await resolveDatabase();
process.stdout.write(`${JSON.stringify({ url: database.ownerUrl })}\n`);
setInterval(() => undefined, 60_000);

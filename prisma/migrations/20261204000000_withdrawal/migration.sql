-- Withdrawal, legal removal and the record of editorial actions (docs/withdrawal.md).

-- An editorial withdrawal: the article row and its versions stay (the editor can restore it), and
-- it is taken out of every read by making it never public: its `public_at` becomes 'infinity'
-- (lib/queries/visibility.ts filters on public_at, and section counts take off what is not yet
-- public), so no read of the site needs a second condition. What it was is kept here, to restore.
CREATE TABLE "withdrawals" (
    "article_id" INTEGER NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Shown to readers on the article's 410 page and on /corrections.
    "reason" TEXT NOT NULL,
    -- The article's public_at before it was withdrawn: restore puts it back.
    "public_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "withdrawals_pkey" PRIMARY KEY ("article_id")
);
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_article_id_fkey"
    FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "withdrawals_withdrawn_at_idx" ON "withdrawals"("withdrawn_at" DESC, "article_id" DESC);

-- A legal removal: the article, its versions and its links are deleted; what remains is what it
-- takes to keep answering 451 at its addresses and to keep an import from publishing it again:
-- sha-256 (hex) of its identity (`identity` + U+0000 + `date_key`) and of each address's slug,
-- the date and the reason (which never quotes the text). Lifting it sets `lifted_at`: the
-- addresses then answer 404 and an import may publish the article again.
CREATE TABLE "legal_removals" (
    "id" SERIAL NOT NULL,
    "identity_hash" TEXT NOT NULL,
    "address_hashes" TEXT[] NOT NULL,
    "removed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "lifted_at" TIMESTAMPTZ(3),

    CONSTRAINT "legal_removals_pkey" PRIMARY KEY ("id")
);
-- One removal in force per identity: the editor's command checks it, holding the article's row.
CREATE INDEX "legal_removals_identity_hash_idx" ON "legal_removals"("identity_hash");
CREATE INDEX "legal_removals_address_hashes_idx" ON "legal_removals" USING GIN ("address_hashes");

-- Every editorial action, with its time and reason: each import's changes (`detail`: the
-- document's name and its counts), withdrawal, legal removal, restoration and lifting. `address`
-- is the article's path when it was done; a legal removal erases it from every row about that
-- article (and `legal_removal_id` says which removal those rows were about), so the record never
-- holds the removed text, not even as a slug.
CREATE TABLE "editorial_actions" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "article_id" INTEGER,
    "address" TEXT,
    "legal_removal_id" INTEGER,
    "reason" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "editorial_actions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "editorial_actions_kind_check" CHECK ("kind" IN ('import', 'withdraw', 'legal-removal', 'restore', 'lift'))
);
ALTER TABLE "editorial_actions" ADD CONSTRAINT "editorial_actions_article_id_fkey"
    FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "editorial_actions" ADD CONSTRAINT "editorial_actions_legal_removal_id_fkey"
    FOREIGN KEY ("legal_removal_id") REFERENCES "legal_removals"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "editorial_actions_at_idx" ON "editorial_actions"("at" DESC, "id" DESC);
CREATE INDEX "editorial_actions_article_id_idx" ON "editorial_actions"("article_id");

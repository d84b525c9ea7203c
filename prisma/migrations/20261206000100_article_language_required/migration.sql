-- Every stored article has its language now (the data step before this migration found it):
-- a writer that gives none says "undetermined" (BCP 47 `und`).
ALTER TABLE "articles" ALTER COLUMN "language" SET DEFAULT 'und';
ALTER TABLE "articles" ALTER COLUMN "language" SET NOT NULL;

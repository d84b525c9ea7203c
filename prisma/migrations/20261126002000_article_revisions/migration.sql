-- An article's earlier versions: before an import changes an article, the version it
-- replaces is copied here whole, so nothing a document said is ever lost.

-- CreateTable
CREATE TABLE "article_revisions" (
    "id" SERIAL NOT NULL,
    "article_id" INTEGER NOT NULL,
    "version_of" TIMESTAMPTZ(3) NOT NULL,
    "replaced_at" TIMESTAMPTZ(3) NOT NULL,
    "headline" TEXT NOT NULL,
    "section_id" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "dateline_place" TEXT,
    "dateline_date" TEXT,
    "dateline_source" TEXT,
    "content_hash" TEXT NOT NULL,

    CONSTRAINT "article_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "article_revisions_article_id_replaced_at_idx" ON "article_revisions"("article_id", "replaced_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

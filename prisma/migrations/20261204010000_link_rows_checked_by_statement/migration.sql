-- The rows linking articles to their authors and tags lose their foreign keys: PostgreSQL checks a
-- foreign key row by row (a trigger query for each row and each key), and an import writes four
-- or five link rows an article. Measured on 30,000 articles with newsroom lines (135,000 link
-- rows, PostgreSQL 15): 2.21 s to insert them with both keys checked, 0.52 s without, the
-- largest part of what the newsroom lines cost an import (issue 20's goal: at most a tenth).
--
-- What the keys promised still holds, set-wise. Both ends of every link row exist when it is
-- written: the import is its only writer, and writes each one from a join of the article it just
-- wrote with the authors or tags it just wrote, within its transaction and holding the import's
-- lock, which every other writer (the editor's withdraw command) takes too. And the keys' actions
-- are kept as statement triggers, one query a statement rather than one a row: deleting articles
-- deletes their links (was ON DELETE CASCADE), emptying the articles empties them, and deleting an author or tag that an article
-- still names fails (was ON DELETE RESTRICT).
ALTER TABLE "article_authors" DROP CONSTRAINT "article_authors_article_id_fkey";
ALTER TABLE "article_authors" DROP CONSTRAINT "article_authors_author_id_fkey";
ALTER TABLE "article_tags" DROP CONSTRAINT "article_tags_article_id_fkey";
ALTER TABLE "article_tags" DROP CONSTRAINT "article_tags_tag_id_fkey";

CREATE FUNCTION "article_links_follow_articles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM article_authors l USING gone g WHERE l.article_id = g.id;
  DELETE FROM article_tags l USING gone g WHERE l.article_id = g.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "articles_delete_links" AFTER DELETE ON "articles"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "article_links_follow_articles"();

-- TRUNCATE articles … CASCADE emptied them through the keys; it still does.
CREATE FUNCTION "article_links_follow_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE article_authors, article_tags;
  RETURN NULL;
END $$;
CREATE TRIGGER "articles_truncate_links" AFTER TRUNCATE ON "articles"
  FOR EACH STATEMENT EXECUTE FUNCTION "article_links_follow_truncate"();

CREATE FUNCTION "linked_names_stay"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  still_named integer;
BEGIN
  IF TG_TABLE_NAME = 'authors' THEN
    SELECT l.author_id INTO still_named FROM article_authors l JOIN gone g ON g.id = l.author_id LIMIT 1;
  ELSE
    SELECT l.tag_id INTO still_named FROM article_tags l JOIN gone g ON g.id = l.tag_id LIMIT 1;
  END IF;
  IF still_named IS NOT NULL THEN
    RAISE EXCEPTION '% %: an article still names it', TG_TABLE_NAME, still_named
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "authors_stay_while_named" AFTER DELETE ON "authors"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "linked_names_stay"();
CREATE TRIGGER "tags_stay_while_named" AFTER DELETE ON "tags"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "linked_names_stay"();

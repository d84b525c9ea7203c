-- The stored articles whose text holds a script written without spaces had their search vectors
-- made again from their text split into words, by the migration runner's data step before this
-- migration (lib/db/article-search-rebuild.ts). Nothing is left to do in SQL but to refresh the
-- planner's statistics of the rebuilt column.
ANALYZE "articles";

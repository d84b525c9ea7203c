import { ERROR_WORDS, type ErrorWords } from './error-words';

/** A phrase with a count in it, one form per plural category the language has (`other` always). */
export type Plural<A extends unknown[]> = Partial<Record<Intl.LDMLPluralRule, (...words: A) => string>> & {
  other: (...words: A) => string;
};

/**
 * The site's own words in English: the reference dictionary. Every other language's dictionary
 * has this one's type (`Words`), so a key missing there is a type error. A count is given as the
 * number already written in the site's language (`count`), with its plural form chosen by
 * `Intl.PluralRules` (lib/i18n/index.ts `plural`). What client components say (their words come
 * to them as props, which cannot carry functions) is plain text, and a phrase of theirs with
 * words in it a template whose `{names}` lib/i18n/template.ts `fill`s in.
 */
export const en = {
  siteDescription: 'World news, reported plainly: fast to load, easy to read on any screen.',
  skipToContent: 'Skip to main content',
  nav: { sections: 'Sections', frontPage: 'Front page' },
  footer: { rssAll: 'RSS feed of all articles' },
  front: {
    heading: (site: string) => `${site}: front page`,
    empty: 'No articles have been published yet.',
    lead: 'Lead story',
    top: 'Top stories',
    latest: 'Latest',
  },
  continueReading: {
    heading: 'Continue reading',
    where: 'You stopped at paragraph {block} of {blocks}.',
  },
  /** The byline's first word(s), before the names ("By A and B"). */
  by: (_authors: number) => 'By',
  readingTime: (minutes: string) => `${minutes} min read`,
  pages: {
    label: 'Pages',
    pageOf: (page: string, count: string) => `Page ${page} of ${count}`,
    newer: 'Newer articles',
    older: 'Older articles',
    newerEntries: 'Newer entries',
    olderEntries: 'Older entries',
  },
  listing: {
    rss: 'Subscribe to this RSS feed',
    titlePage: (name: string, page: string) => `${name}, page ${page}`,
    sectionDescription: (section: string, site: string) => `The latest ${section} news from ${site}.`,
    tagged: (tag: string) => `Tagged ${tag}`,
    authorDescription: (author: string, site: string) => `Articles by ${author}, newest first, from ${site}.`,
    tagDescription: (tag: string, site: string) => `Articles tagged ${tag}, newest first, from ${site}.`,
  },
  feeds: { all: 'all articles' },
  lite: {
    edition: 'The lite edition: text only, no scripts.',
    badge: 'lite',
    link: 'Lite version of this page',
    linkNote: '(text only, quick on a slow connection)',
    full: 'Full version of this page',
  },
  article: {
    updated: 'Updated',
    publishedIn: 'Published in',
    tags: 'Tags',
    related: 'Related articles',
    moreIn: (section: string) => `More in ${section}`,
    previousIn: (section: string) => `Previous in ${section}`,
    nextIn: (section: string) => `Next in ${section}`,
    whatChanged: 'What changed',
    updates: {
      one: (count: string) => `${count} update`,
      other: (count: string) => `${count} updates`,
    } as Plural<[string]>,
    notes: { correction: 'Correction', clarification: 'Clarification', editor: "Editor's note" },
  },
  share: {
    button: 'Share this article',
    copied: 'Link copied to the clipboard.',
    copy: 'Copy this link:',
  },
  offline: {
    save: 'Save for offline',
    remove: 'Remove from saved',
    problem: 'This browser could not keep the article.',
    saved: 'Saved on this device.',
    yourSaved: 'Your saved articles',
  },
  listen: {
    listen: 'Listen',
    label: 'Listen to this article',
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop',
    reading: 'Reading the article aloud',
    paused: 'Paused',
  },
  live: {
    updated: 'Updated',
    show: 'Show',
    withdrawn: 'This article has been withdrawn.',
    readWhy: 'Read why',
  },
  sinceRead: { heading: 'Changed since you read it on {date}' },
  versions: {
    kicker: (n: string) => `Version ${n}`,
    title: (headline: string, n: string) => `${headline} (version ${n})`,
    description: (n: string) => `Version ${n} of this article, kept as it was published.`,
    notice: 'An earlier version',
    kept: (n: string) => `This is version ${n} of this article, kept as it was written on`,
    notCurrent: 'It may not be the current version.',
    current: 'Read the current article',
    changesSince: 'What changed since this version',
    markdown: 'This version as Markdown',
    chain: 'Every version, and how to check a copy',
    changesTitle: (headline: string, n: string) => `What changed since version ${n}: ${headline}`,
    changesHeading: (n: string) => `What changed since version ${n}`,
    changesDescription: (n: string) => `What changed in this article from version ${n} to the current one.`,
    noChanges: 'This is the current version: nothing has changed since.',
    readVersion: (n: string) => `Read version ${n}`,
    replaced: (n: string) => `Version ${n}, as it was`,
  },
  saved: {
    title: 'Saved articles',
    description: 'The articles saved on this device for reading without a connection.',
    kept: 'Kept on this device only, to read without a connection.',
    needsJs: 'Saving articles for offline reading needs JavaScript.',
    none: 'No saved articles yet. On an article, choose “Save for offline” to read it here without a connection.',
    savedOn: 'Saved {date}',
    updatedSinceRead: 'Updated since you read it: the saved copy is the new one.',
    remove: 'Remove',
    removeLabel: 'Remove “{headline}” from saved articles',
    removeLegalLabel: 'Remove the article removed for legal reasons from saved articles',
    removed: 'Removed “{headline}”.',
    removedLegal: 'Removed the article removed for legal reasons.',
    legalHeading: 'Removed for legal reasons',
    legalText: 'An article saved here has been removed for legal reasons.',
  },
  gone: {
    withdrawn: 'Withdrawn',
    withdrawnText: 'This article was withdrawn and is no longer published.',
    withdrawnTitle: (headline: string) => `Withdrawn: ${headline}`,
    withdrawnDescription: 'This article was withdrawn: when and why.',
    published: 'Published',
    markdownWithdrawn: 'This article was withdrawn.',
    legal: 'Unavailable for legal reasons',
    legalText: 'This article has been removed for legal reasons.',
  },
  serviceWorker: {
    title: 'Offline',
    heading: 'You are offline',
    text: 'This page was not saved for offline reading.',
  },
  reader: {
    summary: 'Display settings',
    display: 'Display',
    theme: 'Theme',
    textSize: 'Text size',
    themes: { system: 'System', light: 'Light', dark: 'Dark' },
    textSizes: { sm: 'Smaller', md: 'Default', lg: 'Large', xl: 'Larger', xxl: 'Largest' },
  },
  search: {
    title: 'Search',
    description: (site: string) => `Search every article of ${site}.`,
    titleWithCount: (count: string, where: string) => `${count}${where}: search`,
    titlePage: (page: string, count: string) => `, page ${page} of ${count}`,
    headerForm: 'Search the site',
    pageForm: 'Search the archive',
    headerLabel: 'Search articles',
    pageLabel: 'Words to look for',
    button: 'Search',
    cut: (max: string) => `Your search was cut to its first ${max} characters.`,
    nothingToSearch: (query: string) => `Nothing to look for in ${query}`,
    none: (query: string) => `No articles match ${query}`,
    /** `count` is the number written out; "1,000+" when there are more than the cap. */
    matches: {
      one: (count: string, query: string) => `${count} article matches ${query}`,
      other: (count: string, query: string) => `${count} articles match ${query}`,
    } as Plural<[string, string]>,
    atLeast: (count: string, query: string) => `${count}+ articles match ${query}`,
    ranked: (count: string) => `The newest ${count} of them are ranked here. Add words to find fewer.`,
    previous: 'Previous results',
    more: 'More results',
    endsAt: (page: string) => `These results end at page ${page}.`,
    backToFirst: 'Back to the first page of results',
    suggestions: 'Suggestions',
    adviceCommon:
      'Use words that say what the article is about: very common words (the, of, and) are not searched for, and a word with a minus sign (-word) only leaves articles out.',
    adviceSpelling: 'Check the spelling of each word.',
    adviceFewer: 'Use fewer words, or more general ones: every word must be in an article for it to match.',
    adviceOr: {
      before: 'Look for any of several words with ',
      or: 'or',
      between: ': ',
      example: 'harbour or port',
      after: '.',
    },
    latest: 'Latest articles',
    quoted: (query: string) => `“${query}”`,
  },
  plain: {
    badAddress: { title: 'Bad address', text: 'This address is not valid: it may have been cut short or mistyped.' },
    notAllowed: { title: 'Not allowed', text: 'Pages of this site can only be read.' },
    onlyTakes: (methods: string) => `This address only takes ${methods} requests.`,
    unavailable: {
      title: 'Temporarily unavailable',
      text: 'The site cannot show this page just now. Please try again in a minute.',
    },
    tooLong: {
      title: 'Address too long',
      text: 'This address, or what the browser sent with it, is too long to be read.',
    },
    noLiveConnection: {
      title: 'No live connection',
      text: 'This site sends pages only: reload the page to see what is new.',
    },
  },
  shareImage: {
    kicker: 'World news',
    section: (section: string) => `${section}: the latest news`,
    author: (site: string) => `${site}: author`,
    authorTitle: (author: string) => `${author}: articles`,
    sectionAlt: (site: string) => `A section of ${site}`,
    articleAlt: (site: string) => `An article of ${site}: its headline and section`,
    authorAlt: (site: string) => `An author of ${site}`,
    tagAlt: (site: string) => `A tag of ${site}`,
  },
  corrections: {
    heading: 'Corrections',
    description: (site: string) => `Corrections, clarifications and withdrawn articles, newest first, from ${site}.`,
    intro:
      'Every correction and clarification we have made to an article, every article we withdrew and every removal for legal reasons, newest first.',
    none: 'No corrections yet.',
    legalLine: 'An article was removed for legal reasons',
    legalSection: 'Legal removal',
    removed: 'Removed',
    lifted: 'the removal was lifted',
    reason: 'Reason:',
    on: 'On ',
    removedSaid: (day: string, reason: string, lifted: string | null) =>
      `Removed ${day}. Reason: ${reason}${lifted ? ` The removal was lifted ${lifted}.` : ''}`,
    withdrawnSaid: (day: string, reason: string) => `Withdrawn ${day}. Reason: ${reason}`,
  },
  changes: {
    headline: 'Headline punctuation or case corrected',
    moved: (from: string, to: string) => `Moved from ${from} to ${to}`,
    dateline: { added: 'Dateline added', removed: 'Dateline removed', changed: 'Dateline changed' },
    date: (when: string) => `Date changed to ${when}`,
    byline: { added: 'Byline added', removed: 'Byline removed', changed: 'Byline changed' },
    tags: { added: 'Tags added', removed: 'Tags removed', changed: 'Tags changed' },
    paragraphs: {
      changed: {
        one: (n: string) => `${n} paragraph changed`,
        other: (n: string) => `${n} paragraphs changed`,
      } as Plural<[string]>,
      added: { one: (n: string) => `${n} paragraph added`, other: (n: string) => `${n} paragraphs added` } as Plural<
        [string]
      >,
      removed: {
        one: (n: string) => `${n} paragraph removed`,
        other: (n: string) => `${n} paragraphs removed`,
      } as Plural<[string]>,
    },
    notes: {
      correction: {
        added: { one: () => 'Correction added', other: (n: string) => `${n} corrections added` } as Plural<[string]>,
        removed: { one: () => 'Correction removed', other: (n: string) => `${n} corrections removed` } as Plural<
          [string]
        >,
      },
      editor: {
        added: { one: () => "Editor's note added", other: (n: string) => `${n} editor's notes added` } as Plural<
          [string]
        >,
        removed: { one: () => "Editor's note removed", other: (n: string) => `${n} editor's notes removed` } as Plural<
          [string]
        >,
      },
    },
    unchanged: 'Text unchanged (section name spelled differently)',
  },
  markdown: {
    language: 'Language',
    section: 'Section',
    published: 'Published',
    updated: 'Updated',
    words: 'Words',
    source: 'Source',
    revisions: 'Revisions (newest first):',
  },
  notFound: {
    title: 'Page not found',
    kicker: 'Error 404',
    text: 'There is no page at this address. It may have been mistyped, or the article may have moved.',
  },
  errors: ERROR_WORDS.en as ErrorWords,
};

export type Words = typeof en;

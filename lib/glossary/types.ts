/** The shape of one glossary entry, as stored in assets/glossary/*.json and as added by users. */

export const CATEGORIES = [
  'strategy',
  'slogan',
  'numbered-formula',
  'programme',
  'institution',
  'zone-platform',
  'plan',
  'local-brand',
  'document-phrase',
  'policy-term',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SCOPES = ['national', 'zhejiang', 'jinhua-yiwu'] as const;
export type Scope = (typeof SCOPES)[number];

/** One listed item of a numbered formula (八八战略's eight points, 四个全面's four). */
export interface FormulaItem {
  zh: string;
  en: string;
}

export interface GlossaryEntry {
  /** Stable ASCII id, kebab-case: `double-eight-strategy`. Never reused for another meaning. */
  id: string;
  /** The headword in simplified characters, as a reader most often meets it. */
  term: string;
  /** Every other simplified surface form: abbreviations, long forms, variants with or without quotes. */
  forms: string[];
  /** Pinyin of `term`, one tone-marked syllable per Han character, separated by spaces. */
  pinyin: string;
  /** The English rendering: the official one where it exists. */
  english: string;
  /** Where `english` comes from: an official source ("Xinhua", "gov.cn", "China Daily"…) or "descriptive". */
  englishSource: string;
  /** One to three sentences, in the project's own words. */
  explanation: string;
  category: Category;
  scope: Scope;
  /** Ids of related entries. */
  related: string[];
  /** Year it was launched or first used, when known. */
  year?: number;
  /** For numbered formulas: the listed items. */
  items?: FormulaItem[];
  /**
   * Surface forms this entry deliberately shares with another entry (a short form that
   * means two things). Without this, the data test rejects a form claimed twice.
   */
  sharedForms?: string[];
  /**
   * Where a surface form may match, for short forms that also mean something else (人大 inside 男人大,
   * 动态清零 in a jobs sentence). Keyed by the form (the term or one of `forms`).
   */
  guards?: Record<string, FormGuard>;
  /** The year the time-sensitive facts of the explanation were last true (counts, rankings, "now running"). */
  asOf?: number;
  /** The pinyin of each of `forms`, as written (made at build time by lib/glossary/form-pinyin.ts; not in the sources). */
  formPinyin?: Record<string, string>;
  /** True for entries the user wrote (stored in IndexedDB, not shipped). */
  user?: boolean;
}

/**
 * Context conditions on one surface form. All given conditions must hold for an occurrence to count.
 * `match` and `noMatch` are example sentences for the data tests; the build drops them.
 */
export interface FormGuard {
  /** Not a match where it cuts a word of the segmenter (职教 inside 兼职|教授, 人大 inside 男人|大). */
  wholeWord?: boolean;
  /** At least one of these must occur in the same sentence. */
  near?: string[];
  /** None of these may occur in the same sentence. */
  notNear?: string[];
  /** Not a match right after one of these (零就业家庭 before 动态清零). */
  notAfter?: string[];
  /** Not a match right before one of these. */
  notBefore?: string[];
  match?: string[];
  noMatch?: string[];
}

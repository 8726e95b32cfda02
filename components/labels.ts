import type { Category, Scope } from '@/lib/glossary/types';
import { t, type CardMessageKey } from '@/lib/i18n-card';

const CATEGORY_KEY: Record<Category, CardMessageKey> = {
  strategy: 'categoryStrategy',
  slogan: 'categorySlogan',
  'numbered-formula': 'categoryNumberedFormula',
  programme: 'categoryProgramme',
  institution: 'categoryInstitution',
  'zone-platform': 'categoryZonePlatform',
  plan: 'categoryPlan',
  'local-brand': 'categoryLocalBrand',
  'document-phrase': 'categoryDocumentPhrase',
  'policy-term': 'categoryPolicyTerm',
};
const SCOPE_KEY: Record<Scope, CardMessageKey> = { national: 'scopeNational', zhejiang: 'scopeZhejiang', 'jinhua-yiwu': 'scopeJinhuaYiwu' };
const SCOPE_ID_KEY: Record<Scope, CardMessageKey> = { national: 'scopeIdNational', zhejiang: 'scopeIdZhejiang', 'jinhua-yiwu': 'scopeIdJinhuaYiwu' };

/** A category as the interface shows it ("numbered formula"); an unknown one as stored, hyphens spaced. */
export const categoryLabel = (category: string): string =>
  category in CATEGORY_KEY ? t(CATEGORY_KEY[category as Category]) : category.replace(/-/g, ' ');

/** A scope as cards show it ("Jinhua and Yiwu"). */
export const scopeLabel = (scope: Scope): string => t(SCOPE_KEY[scope]);

/** A scope as the glossary's filter lists it (its id in English: "jinhua-yiwu"). */
export const scopeFilterLabel = (scope: Scope): string => t(SCOPE_ID_KEY[scope]);

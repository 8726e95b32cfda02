/** The glossary shipped with the extension: every file in assets/glossary, validated by tests/data. */
import nationalPolitics from '../../assets/glossary/national-politics.json';
import nationalEconomy from '../../assets/glossary/national-economy.json';
import zhejiang from '../../assets/glossary/zhejiang.json';
import yiwuTrade from '../../assets/glossary/yiwu-trade.json';
import jinhuaYiwuLocal from '../../assets/glossary/jinhua-yiwu-local.json';
import supplement from '../../assets/glossary/supplement.json';
import type { GlossaryEntry } from './types';

export const GLOSSARY_FILES: Readonly<Record<string, readonly GlossaryEntry[]>> = {
  'national-politics.json': nationalPolitics as GlossaryEntry[],
  'national-economy.json': nationalEconomy as GlossaryEntry[],
  'zhejiang.json': zhejiang as GlossaryEntry[],
  'yiwu-trade.json': yiwuTrade as GlossaryEntry[],
  'jinhua-yiwu-local.json': jinhuaYiwuLocal as GlossaryEntry[],
  'supplement.json': supplement as GlossaryEntry[],
};

export const BUILTIN_GLOSSARY: readonly GlossaryEntry[] = Object.values(GLOSSARY_FILES).flat();

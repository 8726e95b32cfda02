import { useEffect, useRef, useState } from 'preact/hooks';
import { EMPTY_DRAFT, draftFromEntry, entryFromDraft, type EntryDraft } from '@/lib/glossary/entry-draft';
import { ProblemError, type Problem } from '@/lib/problems';
import { CATEGORIES, SCOPES, type GlossaryEntry } from '@/lib/glossary/types';
import { ProblemList } from './notices';
import { RelatedPicker } from './related-picker';
import { categoryLabel, scopeLabel } from '@/components/labels';
import { t } from '@/lib/i18n';

interface Props {
  /** The entry being edited; none for a new one. */
  original?: GlossaryEntry;
  onSave(entry: GlossaryEntry): Promise<void>;
  onCancel(): void;
}

/** Add or edit one entry of your own, with the same fields as the built-in glossary. */
export function UserEntryForm({ original, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<EntryDraft>(original ? draftFromEntry(original) : EMPTY_DRAFT);
  const [problems, setProblems] = useState<(string | Problem)[]>([]);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set =
    (field: Exclude<keyof EntryDraft, 'related'>) =>
    (e: { currentTarget: { value: string } }): void =>
      setDraft((d) => ({ ...d, [field]: e.currentTarget.value }));

  const submit = async (e: Event) => {
    e.preventDefault();
    let entry: GlossaryEntry;
    try {
      const { syllablesOf } = await import('@/lib/pinyin/reading');
      entry = entryFromDraft(draft, original, syllablesOf);
    } catch (err) {
      setProblems(err instanceof ProblemError ? err.problems : [(err as Error).message]);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      // Checked where it is stored (the glossary store), against the built-in glossary and your other entries.
      await onSave(entry);
    } catch (err) {
      setProblems(err instanceof ProblemError ? err.problems : [t('entryNotSaved', (err as Error).message)]);
      setSaving(false);
    }
  };

  const heading = original ? t('editTerm', original.term) : t('addAnEntry');
  return (
    <form class="entry-form confirm-box" onSubmit={(e) => void submit(e)} aria-label={heading}>
      <h3 style={{ margin: 0 }}>{heading}</h3>
      <label>
        {t('formTerm')}
        <input ref={first} required lang="zh-Hans" value={draft.term} onInput={set('term')} />
      </label>
      <label>
        {t('formForms')} <span class="muted hint">{t('formFormsHint')}</span>
        <input lang="zh-Hans" value={draft.forms} onInput={set('forms')} />
      </label>
      <label>
        {t('formPinyin')} <span class="muted hint">{t('formPinyinHint')}</span>
        <input value={draft.pinyin} onInput={set('pinyin')} placeholder="sì gǎng" />
      </label>
      <div class="two">
        <label>
          {t('formEnglish')}
          <input required value={draft.english} onInput={set('english')} />
        </label>
        <label>
          {t('formEnglishSource')} <span class="muted hint">{t('optional')}</span>
          <input value={draft.englishSource} onInput={set('englishSource')} placeholder="your own entry" />
        </label>
      </div>
      <label>
        {t('formExplanation')}
        <textarea rows={3} value={draft.explanation} onInput={set('explanation')} />
      </label>
      <div class="two">
        <label>
          {t('category')}
          <select value={draft.category} onChange={set('category')}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scope')}
          <select value={draft.scope} onChange={set('scope')}>
            {SCOPES.map((s) => (
              <option key={s} value={s}>
                {scopeLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('formYear')} <span class="muted hint">{t('optional')}</span>
          <input inputMode="numeric" value={draft.year} onInput={set('year')} placeholder="2003" />
        </label>
      </div>
      <RelatedPicker value={draft.related} onChange={(related) => setDraft((d) => ({ ...d, related }))} self={original?.id} />
      <label>
        {t('formItems')} <span class="muted hint">{t('formItemsHint')}</span>
        <textarea rows={3} lang="zh-Hans" value={draft.items} onInput={set('items')} />
      </label>
      <ProblemList title={t('formFix')} problems={problems} />
      <div class="view-actions">
        <button type="submit" class="primary" disabled={saving}>
          {original ? t('saveChanges') : t('addEntry')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

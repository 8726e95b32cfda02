import { useEffect, useRef, useState } from 'preact/hooks';
import { BUILTIN_GLOSSARY } from '@/lib/glossary/builtin';
import { EMPTY_DRAFT, draftFromEntry, entryFromDraft, type EntryDraft } from '@/lib/glossary/entry-draft';
import { userEntryProblems } from '@/lib/glossary/user-entry-check';
import { CATEGORIES, SCOPES, type GlossaryEntry } from '@/lib/glossary/types';
import { ProblemList } from './notices';

const SCOPE_LABEL = { national: 'National', zhejiang: 'Zhejiang', 'jinhua-yiwu': 'Jinhua · Yiwu' } as const;

interface Props {
  /** The entry being edited; none for a new one. */
  original?: GlossaryEntry;
  /** The user's stored entries, to catch a spelling another of them already has. */
  existing: readonly GlossaryEntry[];
  onSave(entry: GlossaryEntry): Promise<void>;
  onCancel(): void;
}

/** Add or edit one entry of your own, with the same fields as the built-in glossary. */
export function UserEntryForm({ original, existing, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<EntryDraft>(original ? draftFromEntry(original) : EMPTY_DRAFT);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set =
    (field: keyof EntryDraft) =>
    (e: { currentTarget: { value: string } }): void =>
      setDraft((d) => ({ ...d, [field]: e.currentTarget.value }));

  const submit = async (e: Event) => {
    e.preventDefault();
    let entry: GlossaryEntry;
    try {
      entry = entryFromDraft(draft, original);
    } catch (err) {
      setProblems([(err as Error).message]);
      return;
    }
    const found = userEntryProblems([entry], { builtin: BUILTIN_GLOSSARY, existing }, () => 'This entry');
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await onSave(entry);
    } catch (err) {
      setProblems([`The entry could not be saved: ${(err as Error).message}`]);
      setSaving(false);
    }
  };

  const heading = original ? `Edit ${original.term}` : 'Add an entry';
  return (
    <form class="entry-form confirm-box" onSubmit={(e) => void submit(e)} aria-label={heading}>
      <h3 style={{ margin: 0 }}>{heading}</h3>
      <label>
        Term (Chinese)
        <input ref={first} required lang="zh-Hans" value={draft.term} onInput={set('term')} />
      </label>
      <label>
        Other spellings <span class="muted hint">separated by 、 or commas</span>
        <input lang="zh-Hans" value={draft.forms} onInput={set('forms')} />
      </label>
      <label>
        Pinyin <span class="muted hint">with tone marks; leave empty to fill it in from the term</span>
        <input value={draft.pinyin} onInput={set('pinyin')} placeholder="sì gǎng" />
      </label>
      <div class="two">
        <label>
          English
          <input required value={draft.english} onInput={set('english')} />
        </label>
        <label>
          Source of the English <span class="muted hint">optional</span>
          <input value={draft.englishSource} onInput={set('englishSource')} placeholder="your own entry" />
        </label>
      </div>
      <label>
        Explanation
        <textarea rows={3} value={draft.explanation} onInput={set('explanation')} />
      </label>
      <div class="two">
        <label>
          Category
          <select value={draft.category} onChange={set('category')}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c.replace(/-/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Scope
          <select value={draft.scope} onChange={set('scope')}>
            {SCOPES.map((s) => (
              <option key={s} value={s}>
                {SCOPE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Year <span class="muted hint">optional</span>
          <input inputMode="numeric" value={draft.year} onInput={set('year')} placeholder="2003" />
        </label>
      </div>
      <label>
        Related entry ids <span class="muted hint">optional, separated by commas</span>
        <input value={draft.related} onInput={set('related')} placeholder="double-eight-strategy" />
      </label>
      <label>
        Listed items <span class="muted hint">for numbered formulas: one per line, “Chinese = English”</span>
        <textarea rows={3} lang="zh-Hans" value={draft.items} onInput={set('items')} />
      </label>
      <ProblemList title="Please fix this before saving:" problems={problems} />
      <div class="view-actions">
        <button type="submit" class="primary" disabled={saving}>
          {original ? 'Save changes' : 'Add entry'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

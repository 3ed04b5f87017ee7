import { useId, useState, type FormEvent } from 'react';
import { NOTE_MAX_CHARS, type ArticleSummary } from '../../contract';
import type { FavoritesDb } from '../../db';
import { useUiStore } from '../../stores/uiStore';
import { setNote } from './setNote';

interface NoteEditorProps {
  readonly db: FavoritesDb;
  readonly article: ArticleSummary;
  /** The note as stored on this device (it changes when a pull brings another device's edit). */
  readonly note: string;
}

/**
 * The note on a saved favorite. While the user has unsaved edits the draft is theirs; otherwise
 * it follows the stored note, so an edit pulled from another device shows up here.
 */
export function NoteEditor({ db, article, note }: NoteEditorProps) {
  const fieldId = useId();
  /** null: no unsaved edit, the field shows the stored note. */
  const [draft, setDraft] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft === null) return;
    setNote(db, article, draft).then(
      () => setDraft(null),
      (error: unknown) => useUiStore.getState().show('error', `Couldn't save the note: ${String(error)}`),
    );
  }

  return (
    <form className="note-editor" onSubmit={submit}>
      <label className="note-editor__label" htmlFor={fieldId}>
        Note
      </label>
      <textarea
        id={fieldId}
        className="note-editor__field"
        value={draft ?? note}
        maxLength={NOTE_MAX_CHARS}
        rows={3}
        placeholder="Why you saved it, what to remember…"
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="button button--secondary note-editor__save" disabled={draft === null}>
        Save note
      </button>
    </form>
  );
}

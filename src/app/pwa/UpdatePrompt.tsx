import { useExternalValue } from './externalValue';
import { updateOffer } from './updateOffer';
import './pwa.css';

/** "A new version is available" with a Reload button, while an update waits. */
export function UpdatePrompt() {
  const update = useExternalValue(updateOffer);
  if (!update) return null;
  return (
    <div className="message update-prompt" role="status" aria-live="polite">
      <p className="message__text">A new version is available</p>
      <button type="button" className="button button--primary update-prompt__reload" onClick={update}>
        Reload
      </button>
    </div>
  );
}

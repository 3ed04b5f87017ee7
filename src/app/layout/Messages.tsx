import { useEffect } from 'react';
import { useUiStore, type UiMessage } from '../../stores/uiStore';
import { UpdatePrompt } from '../pwa/UpdatePrompt';
import './layout.css';

/** Information fades after this long; errors stay until dismissed, so none goes unread. */
const INFO_VISIBLE_MS = 6_000;

/** Messages from anywhere in the app: errors as alerts, information as status; an app update first. */
export function Messages() {
  const messages = useUiStore((state) => state.messages);
  return (
    <div className="messages">
      <UpdatePrompt />
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} />
      ))}
    </div>
  );
}

function MessageItem({ message }: { message: UiMessage }) {
  const dismiss = useUiStore((state) => state.dismiss);
  useEffect(() => {
    if (message.kind !== 'info') return;
    const timer = setTimeout(() => dismiss(message.id), INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [message, dismiss]);

  return (
    <div className={`message message--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      <p className="message__text">{message.text}</p>
      <button type="button" className="message__dismiss" onClick={() => dismiss(message.id)}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Dismiss</span>
      </button>
    </div>
  );
}

/** The list page tells the header's bell the new unread count at once (the layout is not re-rendered on navigation). */
export const UNREAD_EVENT = 'ccgov:unread';

export function announceUnread(unread: number) {
  window.dispatchEvent(new CustomEvent<number>(UNREAD_EVENT, { detail: unread }));
}

import { useEffect, useRef } from 'react';
import '@mentorkit/elements/define/workshop-list';
import '@mentorkit/elements/define/rsvp-form';
import type { MkRsvpForm } from '@mentorkit/elements';

export function Mentoring({ feed, endpoint }: { feed: string; endpoint: string }) {
  const form = useRef<MkRsvpForm>(null);
  useEffect(() => {
    const el = form.current;
    const onResult = (e: GlobalEventHandlersEventMap['mk-rsvp-result']) => console.log(e.detail.outcome.status);
    el?.addEventListener('mk-rsvp-result', onResult);
    return () => el?.removeEventListener('mk-rsvp-result', onResult);
  }, []);
  return (
    <>
      <mk-workshop-list src={feed} view="upcoming" rsvp-form="rsvp"></mk-workshop-list>
      <mk-rsvp-form ref={form} id="rsvp" src={feed} endpoint={endpoint} hidden></mk-rsvp-form>
    </>
  );
}

import { useEffect, useRef } from 'react';
import { useFormState } from 'react-hook-form';

/**
 * After a Save that failed (in the browser or at the API), brings the first marked input into
 * view and focuses it: Save sits at the bottom of a long form, the problem is often far above.
 */
export function ScrollToFirstError() {
  const marker = useRef<HTMLSpanElement>(null);
  const { submitCount, isSubmitting, errors } = useFormState();
  const handled = useRef(0);
  const failed = Object.keys(errors).length > 0;

  useEffect(() => {
    if (isSubmitting || !failed || submitCount === handled.current) {
      return;
    }
    handled.current = submitCount;
    // The inputs mark themselves invalid in the same render; look once it is on screen.
    const frame = requestAnimationFrame(() => {
      const form = marker.current?.closest('form');
      const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (first) {
        first.scrollIntoView({ block: 'center', behavior: 'smooth' });
        first.focus({ preventScroll: true });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [submitCount, isSubmitting, failed]);

  return <span ref={marker} hidden />;
}

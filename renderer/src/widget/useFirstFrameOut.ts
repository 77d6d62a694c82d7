import { useEffect, useState } from 'react';

/**
 * False until the component's first frame has been painted, then true: for work that can wait a
 * frame so that the first one comes sooner (the animation frame callback runs just before that
 * paint; the task it posts runs after it).
 */
export function useFirstFrameOut(): boolean {
  const [out, setOut] = useState(false);
  useEffect(() => {
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => setOut(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, []);
  return out;
}

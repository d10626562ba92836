/** Work a keystroke does not wait for (facet counts, say): run once what it changed is painted. */

/**
 * Runs `run` once the frame being prepared is painted: in a task queued from the next animation
 * frame. A hidden page paints no frames: then (or as soon as the page is hidden) in a task at once.
 */
export function afterNextPaint(run: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    document.removeEventListener('visibilitychange', onHidden);
    afterTask(run);
  };
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') once();
  };
  if (document.visibilityState === 'hidden') return once();
  document.addEventListener('visibilitychange', onHidden);
  requestAnimationFrame(once);
}

/** Runs `run` in a task of its own: `scheduler.postTask` where there is one, else a zero-delay timer. */
function afterTask(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options?: object) => Promise<void> } })
    .scheduler;
  if (scheduler?.postTask) void scheduler.postTask(run, { priority: 'user-visible' });
  else setTimeout(run, 0);
}

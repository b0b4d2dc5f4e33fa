import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface WatchOptions {
  /** Absolute paths of the files to watch. */
  files: readonly string[];
  /** Called once per burst of changes, never twice at once; a change during a run queues one more run. */
  onChange: (changed: ReadonlySet<string>) => Promise<void>;
  /** Quiet time after the last event before running, in ms. Editors write a file in several steps. */
  debounceMs?: number;
  signal?: AbortSignal;
  onError?: (error: Error) => void;
}

/**
 * Watches files through their folders, not the files themselves: editors that save by writing a new file
 * and renaming it over the old one (vim, many IDEs) replace the inode a file watch would hold, and the
 * watch would go silent. Resolves when `signal` aborts.
 */
export function watchFiles(options: WatchOptions): Promise<void> {
  const { files, onChange, debounceMs = 120, signal } = options;
  const byDir = new Map<string, Map<string, string>>();
  for (const file of files) {
    const dir = dirname(file);
    if (!byDir.has(dir)) byDir.set(dir, new Map());
    byDir.get(dir)!.set(basename(file), file);
  }

  return new Promise((resolve) => {
    const watchers: FSWatcher[] = [];
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    let changed = new Set<string>();

    const flush = async (): Promise<void> => {
      timer = undefined;
      if (running || signal?.aborted) return;
      running = true;
      try {
        while (changed.size > 0 && !signal?.aborted) {
          const batch = changed;
          changed = new Set();
          await onChange(batch);
        }
      } catch (error) {
        options.onError?.(error as Error);
      } finally {
        running = false;
      }
    };

    const schedule = (file: string): void => {
      changed.add(file);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), debounceMs);
    };

    const stop = (): void => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      resolve();
    };

    for (const [dir, names] of byDir) {
      const watcher = watch(dir, { persistent: true }, (_event, name) => {
        // Some platforms omit the name; then any of the folder's watched files may have changed.
        if (name === null || name === undefined) for (const file of names.values()) schedule(file);
        else {
          const file = names.get(String(name));
          if (file) schedule(file);
        }
      });
      watcher.on('error', (error) => options.onError?.(error));
      watchers.push(watcher);
    }

    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
}

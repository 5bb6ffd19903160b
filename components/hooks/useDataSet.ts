import { type ReadonlySignal, signal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { DataSet } from '../../utils/domain/backup';
import { readDataSet } from '../../utils/platform/data-store';
import { onAnyStorageChange } from '../../utils/platform/storage';

/** Everything stored, as a signal that follows every change (re-read at most a few times a second). */
export function useDataSet(): { data: ReadonlySignal<DataSet | null>; problems: ReadonlySignal<string[]> } {
  const state = useMemo(() => ({ data: signal<DataSet | null>(null), problems: signal<string[]>([]) }), []);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const { data, problems } = await readDataSet();
      state.data.value = data;
      state.problems.value = problems;
    };
    void load();
    const onChanged = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 250);
    };
    const stop = onAnyStorageChange(onChanged);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [state]);
  return state;
}

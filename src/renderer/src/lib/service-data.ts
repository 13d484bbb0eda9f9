/**
 * What a view knows about data it asked for. One union, so "no results" (success with an
 * empty list) can never be confused with "still loading" or "failed" (after KISS's ServiceData).
 */
export type ServiceData<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'success'; data: T }
  | { state: 'error'; message: string };

export const idle = <T>(): ServiceData<T> => ({ state: 'idle' });
export const loading = <T>(): ServiceData<T> => ({ state: 'loading' });
export const success = <T>(data: T): ServiceData<T> => ({ state: 'success', data });
export const failure = <T>(message: string): ServiceData<T> => ({ state: 'error', message });

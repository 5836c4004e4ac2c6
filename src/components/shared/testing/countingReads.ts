/** `array` behind a Proxy that counts the reads of its elements (not of its length): a bound on work for tests. */
export function countingReads<T extends object>(array: T): { value: T; reads: () => number } {
  let reads = 0;
  const value = new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { value, reads: () => reads };
}

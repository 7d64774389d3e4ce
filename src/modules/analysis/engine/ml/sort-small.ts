/** Longer lists go to Array.prototype.sort. */
const INSERTION_SORT_LIMIT = 10;

/**
 * Array.prototype.sort(compare) for the handful of items a text yields (explanation terms, topics): a
 * stable insertion sort, so the order is the very one the built-in stable sort gives, without its fixed
 * cost per call, which dwarfed sorting two or three items. Sorts in place and returns the list.
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > INSERTION_SORT_LIMIT) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i];
    let j = i - 1;
    while (j >= 0 && compare(list[j], item) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

/** Far deeper than any command body (3 levels); far shallower than what overflows a recursive walker. */
export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a parsed JSON value, walked without recursion so the check itself cannot overflow. */
export function jsonDepth(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAbove) return deepest;
    for (const child of Object.values(current as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return deepest;
}

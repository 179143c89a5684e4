import type { Region } from './project.types';

/** URL/routing-key form of a region: "Asia and Oceania" -> "asia-and-oceania". */
export function regionSlug(region: Region | string): string {
  return region
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

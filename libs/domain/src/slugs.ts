import type { ProjectEventType } from './project.events';
import type { Region } from './project.types';

/** URL/routing-key form of a region: "Asia and Oceania" -> "asia-and-oceania". */
export function regionSlug(region: Region | string): string {
  return region
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Event kind used in routing keys and CloudEvents types: "ProjectBudgetRevised" -> "budget-revised". */
export function eventKindSlug(eventType: ProjectEventType | string): string {
  return eventType
    .replace(/^Project/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

import { activityFromTree } from './iati-activity.reader';
import type { IatiActivityInput } from './iati-activity.input';
import { activityTreesOf } from './iati-stream.reader';

export { IatiFileError } from './iati-file.error';

/** Reads a whole IATI document held in a string (tests, small files); the CLI streams instead. */
export function parseIatiActivities(xml: string): IatiActivityInput[] {
  return activityTreesOf(xml).map((tree, i) => activityFromTree(tree, i + 1));
}

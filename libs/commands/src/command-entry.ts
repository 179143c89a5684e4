import { parseCommandInput, type ProjectCommandType } from '@ledger/domain';
import type { CommandSpec } from './command-table';

/** What most entries share: a publisher's `POST /projects/:id/<action>` answering 200, parsed by the domain. */
interface EntryInput<T extends ProjectCommandType>
  extends
    Partial<Pick<CommandSpec<T>, 'role' | 'parse' | 'checkStream' | 'claimsPrimaId'>>,
    Pick<CommandSpec<T>, 'amqp' | 'conflicts'> {
  path: string;
  summary: string;
  example: Record<string, unknown>;
  http?: Partial<CommandSpec<T>['http']>;
}

export function entry<T extends ProjectCommandType>(type: T, input: EntryInput<T>): CommandSpec<T> {
  const { path, summary, example, http, ...rest } = input;
  return {
    role: 'publisher',
    parse: (projectId, body) => parseCommandInput(type, projectId, body),
    ...rest,
    http: { path, status: 200, tag: 'commands', ...http },
    docs: { summary, example },
  };
}

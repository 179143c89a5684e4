// The closed lists come from the domain itself, so the console's filters never drift from the API's.
export { COVERAGES, PROJECT_STATUSES, REGIONS } from '../../../../libs/domain/src/project.types';

import { z } from 'zod';
import { countryCode } from '../country-code';
import { formatAmount } from '../money';
import type { FieldError, Validated } from '../project.decision';
import type { CreateProjectData } from '../project.commands';
import type { Coverage } from '../project.types';
import { amountPrecisionErrors, coverageErrors, dateOrderErrors, duplicateStateErrors } from './cross-checks';
import { fieldError } from './field-errors';
import {
  amountSchema,
  coverageSchema,
  currencySchema,
  descriptionSchema,
  fundingYearSchema,
  memberStatesSchema,
  partialDateSchema,
  primaIdSchema,
  projectIdSchema,
  projectTypeSchema,
  regionSchema,
  titleSchema,
} from './field-schemas';
import { fieldIsValid, own, parseWith } from './parse-with';
import {
  profileCrossChecks,
  profileShape,
  toCountries,
  toLocations,
  toOrg,
  toSectors,
} from './profile.inputs';

const createProjectBody = z
  .object({
    projectId: projectIdSchema,
    primaId: primaIdSchema.nullish(),
    title: titleSchema,
    description: descriptionSchema.nullish(),
    projectType: projectTypeSchema,
    coverage: coverageSchema,
    region: regionSchema,
    fundingYear: fundingYearSchema,
    plannedStart: partialDateSchema,
    plannedEnd: partialDateSchema,
    budget: z.object({ amount: amountSchema, currency: currencySchema }).strict(),
    benefitingMemberStates: memberStatesSchema,
    ...profileShape,
  })
  .strict();

function crossChecks(body: Record<string, unknown>, errors: readonly FieldError[]): FieldError[] {
  const out: FieldError[] = [];
  const valid = (...fields: string[]) =>
    fields.every((f) => own(body, f) !== undefined && fieldIsValid(errors, f));
  const budget = own(body, 'budget');
  if (valid('budget')) {
    out.push(
      ...amountPrecisionErrors(
        'budget.amount',
        own(budget, 'amount') as string,
        own(budget, 'currency') as string,
      ),
    );
  }
  if (valid('plannedStart', 'plannedEnd')) {
    out.push(
      ...dateOrderErrors(
        'plannedStart',
        body.plannedStart as string,
        'plannedEnd',
        body.plannedEnd as string,
      ),
    );
  }
  const states = own(body, 'benefitingMemberStates');
  if (Array.isArray(states)) {
    // Duplicates are reported even when another entry is unknown: each problem is worth fixing.
    const duplicates = duplicateStateErrors('benefitingMemberStates', states);
    out.push(...duplicates);
    if (duplicates.length === 0 && valid('benefitingMemberStates', 'coverage')) {
      out.push(...coverageErrors(body.coverage as Coverage, states.length, 'benefitingMemberStates'));
    }
  }
  out.push(...profileCrossChecks(body, errors));
  return out;
}

/**
 * Validates a CreateProject body. `urlProjectId` is the id from the URL when the transport has one
 * (it must then agree with the body, which may omit it); null when the body alone names the project.
 */
export function parseCreateProject(urlProjectId: string | null, body: unknown): Validated<CreateProjectData> {
  if (urlProjectId !== null) {
    const bodyId = own(body, 'projectId');
    if (bodyId !== undefined && bodyId !== urlProjectId) {
      return {
        ok: false,
        errors: [
          fieldError(
            'projectId',
            'INVALID_COMBINATION',
            `projectId in the body (${String(bodyId)}) differs from the one in the URL (${urlProjectId}).`,
          ),
        ],
      };
    }
    if (bodyId === undefined && body !== null && typeof body === 'object' && !Array.isArray(body)) {
      body = { ...(body as Record<string, unknown>), projectId: urlProjectId };
    }
  }
  return parseWith(createProjectBody, body, crossChecks, (b) => ({
    projectId: b.projectId,
    primaId: b.primaId ?? null,
    title: b.title,
    description: b.description ?? null,
    projectType: b.projectType,
    coverage: b.coverage,
    region: b.region,
    fundingYear: b.fundingYear,
    plannedStart: b.plannedStart,
    plannedEnd: b.plannedEnd,
    budget: { amount: formatAmount(b.budget.amount, b.budget.currency), currency: b.budget.currency },
    benefitingMemberStates: b.benefitingMemberStates.map((s) => countryCode(s) as string),
    participatingOrgs: (b.participatingOrgs ?? []).map(toOrg),
    sectors: toSectors(b.sectors ?? []),
    humanitarian: b.humanitarian ?? false,
    recipientCountries: toCountries(b.recipientCountries ?? []),
    locations: toLocations(b.locations ?? []),
  }));
}

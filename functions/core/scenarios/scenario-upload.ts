import { COUNCIL } from "../reporting/kinds.js";
import type { Problem } from "../reporting/problems.js";
import type { ValidationInput, ValidationResult } from "../reporting/validate.js";
import { readScenario, scenarioDocument } from "./scenario-file.js";
import { scenarioMessages } from "./scenario-messages.js";

/**
 * Validates an uploaded scenario file for ingest: the file itself (see `readScenario`), its years against the
 * years with current financial reports in the lake as validation sees it, and its uploader, the Global Council
 * (a hub cannot upload a scenario). An accepted scenario is one report: kept byte for byte in the raw zone and,
 * as its curated form, the scenario with its defaults written out (`scenarioDocument`); it supersedes an earlier
 * upload with the same id.
 */
export function validateScenarioUpload(input: ValidationInput): ValidationResult {
  const reading = readScenario(input.bytes, { lakeYears: input.reference.financialYears });
  const problems: Problem[] = [];
  if (input.uploader !== COUNCIL)
    problems.push({
      severity: "error",
      code: "scenarioNotCouncil",
      message: scenarioMessages.scenarioNotCouncil(input.uploader),
    });
  problems.push(...reading.problems);
  const scenario = problems.length === 0 ? reading.scenario : undefined;
  return {
    format: "json",
    kind: "scenario",
    problems,
    errorCount: problems.length,
    warningCount: 0,
    report: scenario && {
      kind: "scenario",
      hubId: null,
      period: null,
      year: null,
      quarter: null,
      rowCount: 1,
      document: { id: scenario.id, curated: new TextEncoder().encode(scenarioDocument(scenario)) },
    },
  };
}

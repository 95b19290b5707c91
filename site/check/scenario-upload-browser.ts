/**
 * What the validator page answers for a redistribution scenario (a JSON file): the browser bundle puts this module
 * in the place of `functions/core/scenarios/scenario-upload.ts` (see `bundleClientScript`). A scenario is the
 * Global Council's, and the page checks files as their hub sends them, so the answer is the rule ingest applies
 * first to a hub that sends one; checking the scenario itself needs its JSON schema compiled to code (ajv), which
 * the page's Content Security Policy does not allow. The Council checks scenarios with `observatory simulate`.
 */
import type { Problem } from "../../functions/core/reporting/problems.js";
import type { ValidationInput, ValidationResult } from "../../functions/core/reporting/validate.js";
import { scenarioMessages } from "../../functions/core/scenarios/scenario-messages.js";

/** The scenario upload of a hub: refused, as ingest refuses it. */
export function validateScenarioUpload(input: ValidationInput): ValidationResult {
  const problems: Problem[] = [
    {
      severity: "error",
      code: "scenarioNotCouncil",
      message: scenarioMessages.scenarioNotCouncil(input.uploader),
    },
  ];
  return { format: "json", kind: "scenario", problems, errorCount: 1, warningCount: 0, report: undefined };
}

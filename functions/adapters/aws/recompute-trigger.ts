import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { basicUtcTimestamp } from "../../core/uploads/upload-layout.js";

/** Asks for the indicators and the site to be recomputed after new reports arrived. */
export type RecomputeTrigger = (acceptedAt: Date) => Promise<void>;

/**
 * A debounced trigger of the compute-and-publish workflow: every request within the same window of
 * `debounceSeconds` names the same execution (`after-ingest-<window start>`), which waits until the window
 * closes, so a burst of uploads causes one recompute. Step Functions refuses a second execution of the same
 * name, and that refusal is the debounce.
 */
export function debouncedRecompute(options: {
  readonly sfn: Pick<SFNClient, "send">;
  readonly stateMachineArn: string;
  readonly debounceSeconds: number;
}): RecomputeTrigger {
  const windowMs = options.debounceSeconds * 1000;
  return async (acceptedAt) => {
    const windowStart = Math.floor(acceptedAt.getTime() / windowMs) * windowMs;
    try {
      await options.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: options.stateMachineArn,
          name: `after-ingest-${basicUtcTimestamp(new Date(windowStart))}`,
          input: JSON.stringify({
            reason: "ingest",
            notBefore: new Date(windowStart + windowMs).toISOString(),
          }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  };
}

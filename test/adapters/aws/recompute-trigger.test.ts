/** Step Functions cannot run here: the client is a fake that behaves as StartExecution does for names it has seen. */
import { ExecutionAlreadyExists, type SFNClient, type StartExecutionCommand } from "@aws-sdk/client-sfn";
import { describe, expect, it } from "vitest";
import { debouncedRecompute } from "../../../functions/adapters/aws/recompute-trigger.js";

function fakeStepFunctions() {
  const started: { name: string; input: unknown }[] = [];
  const sfn: Pick<SFNClient, "send"> = {
    send: (async (command: StartExecutionCommand) => {
      const name = command.input.name ?? "";
      if (started.some((s) => s.name === name))
        throw new ExecutionAlreadyExists({ message: `Execution Already Exists: '${name}'`, $metadata: {} });
      started.push({ name, input: JSON.parse(command.input.input ?? "null") });
      return {};
    }) as SFNClient["send"],
  };
  return { sfn, started };
}

describe("debouncedRecompute", () => {
  it("starts one execution per window, which waits until the window closes", async () => {
    const { sfn, started } = fakeStepFunctions();
    const recompute = debouncedRecompute({
      sfn,
      stateMachineArn: "arn:aws:states:eu-west-1:1:stateMachine:publish",
      debounceSeconds: 300,
    });
    await recompute(new Date("2026-11-20T10:00:05Z"));
    await recompute(new Date("2026-11-20T10:04:59Z"));
    await recompute(new Date("2026-11-20T10:05:00Z"));
    expect(started).toEqual([
      {
        name: "after-ingest-20261120T100000Z",
        input: { reason: "ingest", notBefore: "2026-11-20T10:05:00.000Z" },
      },
      {
        name: "after-ingest-20261120T100500Z",
        input: { reason: "ingest", notBefore: "2026-11-20T10:10:00.000Z" },
      },
    ]);
  });

  it("passes on any other failure, so that the ingest is retried", async () => {
    const sfn: Pick<SFNClient, "send"> = {
      send: (async () => {
        throw new Error("AccessDeniedException");
      }) as SFNClient["send"],
    };
    const recompute = debouncedRecompute({ sfn, stateMachineArn: "arn", debounceSeconds: 60 });
    await expect(recompute(new Date())).rejects.toThrow(/AccessDenied/);
  });
});

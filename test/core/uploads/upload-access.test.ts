import { describe, expect, it } from "vitest";
import { AccessDeniedError, uploaderOf } from "../../../functions/core/uploads/upload-access.js";
import { uploadLayout } from "../../../functions/core/uploads/upload-layout.js";

const GROUP = "global-council";

function refusal(claims: Parameters<typeof uploaderOf>[0]): AccessDeniedError {
  try {
    uploaderOf(claims, GROUP);
  } catch (error) {
    expect(error).toBeInstanceOf(AccessDeniedError);
    return error as AccessDeniedError;
  }
  throw new Error(`accepted ${JSON.stringify(claims)}`);
}

describe("uploaderOf", () => {
  it("takes a hub user's hub_id, and the Council group's members as the council", () => {
    expect(uploaderOf({ "custom:hub_id": "wm-ng" }, GROUP)).toEqual({ id: "wm-ng", role: "hub" });
    expect(uploaderOf({ "custom:hub_id": " wm-ng " }, GROUP)).toEqual({ id: "wm-ng", role: "hub" });
    expect(uploaderOf({ "cognito:groups": [GROUP] }, GROUP)).toEqual({ id: "council", role: "council" });
    expect(uploaderOf({ "cognito:groups": `[editors ${GROUP}]` }, GROUP)).toEqual({
      id: "council",
      role: "council",
    });
  });

  it.each(["council", " council "])(
    "refuses a hub_id of %j: only the Council group acts as the council",
    (hubId) => {
      expect(refusal({ "custom:hub_id": hubId }).message).toBe(
        `this account's hub_id "council" is not a valid hub id`,
      );
      expect(refusal({ "custom:hub_id": hubId, "cognito:groups": ["editors"] }).message).toBe(
        `this account's hub_id "council" is not a valid hub id`,
      );
    },
  );

  it.each(["../wm-de", "WM-NG", "wm ng", "wm-ng/extra"])("refuses the hub_id %j", (hubId) => {
    expect(refusal({ "custom:hub_id": hubId }).message).toBe(
      `this account's hub_id ${JSON.stringify(hubId)} is not a valid hub id`,
    );
  });

  it("refuses an account with both a hub and the Council role, and one with neither", () => {
    expect(refusal({ "custom:hub_id": "wm-ng", "cognito:groups": [GROUP] }).message).toBe(
      "this account has both a hub and the Global Council role; ask an administrator to split it into two accounts",
    );
    expect(refusal({ "cognito:groups": ["editors"] }).message).toBe(
      "this account belongs to no hub; ask an administrator to set its hub_id",
    );
    expect(refusal({ "custom:hub_id": 42 }).message).toMatch(/belongs to no hub/);
  });
});

describe("uploadLayout", () => {
  it("names an upload by its format and reads the format back; anything else is not an upload key", () => {
    const location = { uploader: "wm-ng", uploadId: "20261120T100000Z-0123456789abcdef" };
    for (const format of ["csv", "xlsx", "ods"] as const) {
      const key = uploadLayout.uploadKey({ ...location, format });
      expect(key).toBe(`uploads/wm-ng/20261120T100000Z-0123456789abcdef.${format}`);
      expect(uploadLayout.parseUploadKey(key)).toEqual({ ...location, format });
    }
    expect(uploadLayout.uploadKey(location)).toBe("uploads/wm-ng/20261120T100000Z-0123456789abcdef.csv");
    for (const extension of ["xls", "numbers", "zip", "Xlsx", "csv.xlsx"])
      expect(uploadLayout.parseUploadKey(`uploads/wm-ng/${location.uploadId}.${extension}`)).toBeUndefined();
  });
});

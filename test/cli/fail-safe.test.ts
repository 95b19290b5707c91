/**
 * The command line under hostile files, failing file systems and mistyped paths: the real `observatory` binary
 * in a child process, on real files and folders.
 */
import { execFile } from "node:child_process";
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ingestFiles } from "../../functions/cli/commands/ingest.js";
import { describeUpload, uploadFile } from "../../functions/cli/commands/upload.js";
import { FileAccessError, fileErrorReason } from "../../functions/cli/file-errors.js";
import { visible } from "../../functions/cli/terminal-text.js";
import { type CliResult, observatory } from "../helpers/cli.js";
import { FX_CSV, financialCsv, HUBS_CSV, impactCsv } from "../helpers/movement.js";
import { tempDir } from "../helpers/temp.js";

const BIN = fileURLToPath(new URL("../../bin/observatory.mjs", import.meta.url));
const PACKAGE = new URL("../../package.json", import.meta.url);

async function write(dir: string, name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** A lake with the registry and exchange rates, ingested through the CLI. */
async function referenceLake(dir: string, name = "lake"): Promise<string> {
  const lake = join(dir, name);
  const council = await observatory([
    "ingest",
    "--lake",
    lake,
    "--as",
    "council",
    await write(dir, "hubs.csv", HUBS_CSV),
    await write(dir, "fx.csv", FX_CSV),
  ]);
  expect(council.code, council.stderr).toBe(0);
  return lake;
}

const lines = (text: string) => text.split("\n").filter((line) => line !== "");

/** Whether the text carries a control character other than the newlines between lines, or a bidi override. */
function hasControls(text: string): boolean {
  return [...text].some((character) => {
    const code = character.codePointAt(0) as number;
    return (
      (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e)
    );
  });
}

describe("what a file holds is echoed escaped", () => {
  const FORGED =
    "x.csv: accepted as report r-0123456789abcdef (financial report of wm-ng for 2025, 1 rows, #9)";

  it("a header cell cannot forge an accepted line or send terminal escapes", async () => {
    const dir = await tempDir();
    const lake = await referenceLake(dir);
    const hostile = `"note\n${FORGED}\u001b[2J\u001b[1A\u009b31m\u202e"`;
    const file = await write(
      dir,
      "hostile.csv",
      `hub_id,period,flow,category,amount,currency,country,${hostile}\nwm-ng,2025,expense,programs,5,NGN,NG,x\n`,
    );
    const result = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", file]);
    expect(result.code).toBe(1);
    expect(hasControls(result.stdout)).toBe(false);
    const printed = lines(result.stdout);
    expect(printed[0]).toBe(`${file}: rejected, nothing was changed (1 error):`);
    for (const line of printed) expect(line.startsWith(`${file}: `)).toBe(true);
    expect(printed.filter((line) => line.includes("accepted as report"))).toEqual([
      expect.stringMatching(
        new RegExp(`^${file}: row 1, column note\\\\u000a${FORGED.replace(/[().]/g, "\\$&")}`),
      ),
    ]);
    expect(result.stdout, "header names are read in lower case, escaped by the core").toContain(
      "\\u001b[2j\\u001b[1a\\u009b31m\\u202e",
    );

    const json = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", "--json", file]);
    expect(hasControls(json.stdout)).toBe(false);
    const [outcome] = JSON.parse(json.stdout) as { problems: { column?: string }[] }[];
    expect(outcome?.problems[0]?.column).toBe(`note\\u000a${FORGED}\\u001b[2j\\u001b[1a\\u009b31m\\u202e`);
  });

  it("a file name cannot start a line of its own either", async () => {
    const dir = await tempDir();
    const file = await write(dir, `bad\n${FORGED}\u001b[31m.csv`, "hub_id,period\n");
    const result = await observatory(["ingest", "--lake", join(dir, "lake"), "--as", "wm-ng", file]);
    expect(result.code).toBe(1);
    const printed = lines(result.stdout);
    expect(printed).toHaveLength(2);
    expect(printed[0]).toBe(`${visible(file)}: rejected, nothing was changed (1 error):`);
    expect(printed[0]).toContain("bad\\nx.csv: accepted as report");
    expect(result.stdout).not.toContain("\u001b");
  });

  it("nor can what the upload API or a hand-edited manifest sends back", async () => {
    expect(
      describeUpload({ file: "a.csv", state: "failed", message: `refused\n${FORGED}\u001b[0m` }).split("\n"),
    ).toEqual([`a.csv: not uploaded: refused\\n${FORGED}\\x1B[0m`]);

    const dir = await tempDir();
    const lake = await referenceLake(dir);
    const [first] = (await readdir(join(lake, "manifest"))).sort();
    const entryPath = join(lake, "manifest", first as string);
    const entry = JSON.parse(await readFile(entryPath, "utf8")) as { uploader: string };
    await writeFile(entryPath, JSON.stringify({ ...entry, uploader: "council\n99  r-forged\u001b[8m" }));
    const table = await observatory(["reports", "--lake", lake]);
    expect(table.code).toBe(0);
    expect(lines(table.stdout)).toHaveLength(3);
    expect(table.stdout).toContain("council\\n99  r-forged\\x1B[8m");
  });

  it("escapes C0 and C1 controls, DEL and bidirectional characters visibly, and nothing else", () => {
    expect(visible("a\tb\r\nc\u0000\u007f\u0085\u00a0é\u200f\u2066ويكي\u{1f30d}")).toBe(
      "a\\tb\\r\\nc\\x00\\x7F\\x85\u00a0é\\u{200F}\\u{2066}ويكي\u{1f30d}",
    );
    expect(visible(visible("\u001b[31m"))).toBe("\\x1B[31m");
    expect(visible("\ud800x")).toBe("\\u{D800}x");
  });
});

describe("the rejection header", () => {
  it("gives the true error count when more problems were found than are listed", async () => {
    const dir = await tempDir();
    const lake = await referenceLake(dir);
    const rows: string[] = [];
    for (let i = 0; i < 600; i++) rows.push("expense,programs,abc,NGN,NG,,", "expense,programs,0,NGN,NG,,");
    const file = await write(dir, "many.csv", financialCsv("wm-ng", "2025", rows));
    const result = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", file]);
    expect(result.code).toBe(1);
    const printed = lines(result.stdout);
    expect(printed[0]).toBe(`${file}: rejected, nothing was changed (600 errors):`);
    expect(printed.at(-1)).toBe(`${file}: …and 200 more problems not listed`);
    expect(printed).toHaveLength(1 + 1000 + 1);
  });
});

/** Runs the CLI as a user the file's permissions apply to (root reads every file, so root runs it as nobody). */
function observatoryAsUnprivileged(args: readonly string[]): Promise<CliResult> {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { ...asNobody }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("file-system errors", () => {
  it("report an unreadable file by name with what to do, after the files before it and before the next", async () => {
    const dir = await tempDir();
    await chmod(dir, 0o755);
    const lake = join(dir, "lake");
    await mkdir(lake, { mode: 0o777 });
    await chmod(lake, 0o777);
    const hubs = await write(dir, "hubs.csv", HUBS_CSV);
    const locked = await write(dir, "locked.csv", FX_CSV);
    const fx = await write(dir, "fx.csv", FX_CSV.replace("1.1", "1.12"));
    await chmod(locked, 0o000);
    const result = await observatoryAsUnprivileged([
      "ingest",
      "--lake",
      lake,
      "--as",
      "council",
      hubs,
      locked,
      fx,
    ]);
    expect(result.code).toBe(1);
    const printed = lines(result.stdout);
    expect(printed[0]).toMatch(
      new RegExp(`^${hubs}: accepted as report r-[0-9a-f]{16} \\(hubs reference data`),
    );
    expect(printed[1]).toBe(
      `${locked}: not read, nothing was changed: permission denied: you may not read it; check its permissions and its folder's (ls -l), or run as a user who may`,
    );
    expect(printed[2]).toMatch(new RegExp(`^${fx}: accepted as report`));
    expect(result.stderr).toBe("");
  });

  it("still report the files before a failure of the lake, then name the path that failed, exit 1", async () => {
    const dir = await tempDir();
    const lake = await referenceLake(dir);
    await writeFile(join(lake, "curated", "financial"), "a file where a folder belongs");
    const impact = await write(dir, "imp.csv", impactCsv("wm-ng", "2025", ["NG,participants,12,"]));
    const financial = await write(
      dir,
      "fin.csv",
      financialCsv("wm-ng", "2025", ["expense,programs,5,NGN,NG,,"]),
    );
    const result = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", impact, financial]);
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toEqual([
      expect.stringMatching(new RegExp(`^${impact}: accepted as report r-[0-9a-f]{16} \\(impact report`)),
    ]);
    expect(result.stderr).toBe(
      `observatory ingest: ${join(lake, "curated", "financial", "year=2025", "hub=wm-ng")}: a part of its path is a file, not a folder: check the path\n`,
    );

    const json = await observatory(["ingest", "--lake", lake, "--as", "wm-ng", "--json", financial]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it("report a file that vanished between the check and the read, and go on with the next", async () => {
    const dir = await tempDir();
    const hubs = await write(dir, "hubs.csv", HUBS_CSV);
    const vanished = join(dir, "vanished.csv");
    const outcomes = await ingestFiles({
      lake: join(dir, "lake"),
      uploader: "council",
      files: [vanished, hubs],
    });
    expect(outcomes.map((o) => o.status)).toEqual(["unreadable", "accepted"]);
    const [unreadable] = outcomes;
    expect(unreadable?.status === "unreadable" && unreadable.error.message).toBe(
      `${vanished}: it does not exist (any more: was it moved or deleted while the command ran?): check the path and run again`,
    );
  });

  it("report a file that cannot be read for upload without asking the API for an upload", async () => {
    const dir = await tempDir();
    const report = await uploadFile(join(dir, "gone.csv"), {
      api: "http://127.0.0.1:9/",
      token: "token",
      waitSeconds: 0,
      fetch: async () => {
        throw new Error("the API must not be asked");
      },
    });
    expect(report).toEqual({
      file: join(dir, "gone.csv"),
      state: "failed",
      message:
        "not read: it does not exist (any more: was it moved or deleted while the command ran?): check the path and run again",
    });
  });

  it("name a folder given as a file, and a missing file, as usage errors before anything changes", async () => {
    const dir = await tempDir();
    const hubs = await write(dir, "hubs.csv", HUBS_CSV);
    const folder = join(dir, "reports");
    await mkdir(folder);
    const lake = join(dir, "lake");
    const result = await observatory(["ingest", "--lake", lake, "--as", "council", hubs, folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${folder} is a folder, not a file: name the files in it instead (e.g. ${folder}/*.csv)`,
    );
    await expect(stat(lake)).rejects.toThrow(/ENOENT/);
    const onAFile = await observatory(["ingest", "--lake", hubs, "--as", "council", hubs]);
    expect(onAFile.code).toBe(2);
    expect(onAFile.stderr).toContain(`--lake ${hubs} is a file, not a lake folder`);
  });

  it("say what to do for each failure the system reports", async () => {
    const dir = await tempDir();
    const missing = await readFile(join(dir, "gone.csv")).catch((error: NodeJS.ErrnoException) => error);
    const folder = await readFile(dir).catch((error: NodeJS.ErrnoException) => error);
    const notAFolder = await readFile(join(await write(dir, "f", ""), "x.csv")).catch(
      (error: NodeJS.ErrnoException) => error,
    );
    expect(fileErrorReason(missing as NodeJS.ErrnoException)).toMatch(/^it does not exist \(any more/);
    expect(fileErrorReason(folder as NodeJS.ErrnoException)).toBe(
      "it is a folder, not a file: name the files in it instead (e.g. FOLDER/*.csv)",
    );
    expect(fileErrorReason(notAFolder as NodeJS.ErrnoException)).toBe(
      "a part of its path is a file, not a folder: check the path",
    );
    // Not producible here (the tests may run as root, and exhausting descriptors would disturb the runner):
    const systemError = (code: string, syscall: string) =>
      Object.assign(new Error(`${code}: simulated, ${syscall}`), { code, syscall });
    expect(new FileAccessError("a.csv", systemError("EMFILE", "open")).message).toBe(
      "a.csv: too many files are open at once: close other programs or raise the limit (ulimit -n), then run again",
    );
    expect(fileErrorReason(systemError("EACCES", "mkdir"))).toBe(
      "permission denied: you may not write it; check its permissions and its folder's (ls -l), or run as a user who may",
    );
    expect(fileErrorReason(systemError("ENOSPC", "write"))).toBe(
      "no space is left on the disk (or in your quota): free some space, then run again",
    );
    expect(fileErrorReason(systemError("EWHATEVER", "read"))).toBe(
      "it could not be read (EWHATEVER: EWHATEVER: simulated, read); check the file, then run again",
    );
  });
});

describe("compute, reports and build need a lake", () => {
  it.each([
    ["compute", ["--out", "out"]],
    ["reports", []],
    ["build", ["--out", "site"]],
  ])("%s on a folder that does not exist or holds no manifest is a usage error", async (command, extra) => {
    const dir = await tempDir();
    const missing = join(dir, "no-such-lake");
    const absent = await observatory([command, "--lake", missing, ...extra], { cwd: dir });
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain(
      `observatory ${command}: --lake ${missing} does not exist: check the path, or ingest reports into it first`,
    );
    const empty = join(dir, "empty");
    await mkdir(join(empty, "manifest"), { recursive: true });
    const none = await observatory([command, "--lake", empty, ...extra], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`--lake ${empty} holds no manifest, so nothing was ever ingested there`);
    expect((await readdir(dir)).sort()).toEqual(["empty"]);
  });
});

describe("a lake path with glob characters", () => {
  it("is read literally by ingest, compute and build: never a lake beside it", async () => {
    const root = await tempDir();
    const report = financialCsv("wm-ng", "2025", ["expense,programs,1000000,NGN,NG,,"]);
    const other = financialCsv("wm-ng", "2025", ["expense,programs,5000000,NGN,NG,,"]);
    const lakes = ["x[x]", "x?", "x*"];
    for (const name of lakes) {
      const lake = await referenceLake(root, name);
      const file = await write(root, "report.csv", report);
      expect((await observatory(["ingest", "--lake", lake, "--as", "wm-ng", file])).code).toBe(0);
    }
    const decoy = await referenceLake(root, "xx");
    const newer = await write(root, "newer.csv", other);
    expect((await observatory(["ingest", "--lake", decoy, "--as", "wm-ng", newer])).code).toBe(0);

    for (const name of lakes) {
      const out = join(root, `out-${name}`);
      const result = await observatory(["compute", "--lake", join(root, name), "--out", out]);
      expect(result.code, result.stderr).toBe(0);
      expect(await readFile(join(out, "indicators.csv"), "utf8")).toContain(
        "2026.2,deployed_usd,2025,movement,movement,650,false",
      );
    }
    const site = join(root, "site");
    const built = await observatory(["build", "--lake", join(root, "x*"), "--out", site]);
    expect(built.code, built.stderr).toBe(0);
    expect(await readFile(join(site, "data", "indicators.csv"), "utf8")).toContain(
      "2026.2,deployed_usd,2025,movement,movement,650,false",
    );
  });
});

describe("build --indicators", () => {
  it("uses the k and framework version compute used, from run.json, not the newest version's defaults", async () => {
    const dir = await tempDir();
    const lake = await referenceLake(dir);
    const file = await write(dir, "imp.csv", impactCsv("wm-ng", "2025", ["NG,participants,4,"]));
    await observatory(["ingest", "--lake", lake, "--as", "wm-ng", file]);
    const out = join(dir, "out");
    const computed = await observatory([
      "compute",
      "--lake",
      lake,
      "--out",
      out,
      "--k",
      "3",
      "--framework",
      "2026.1",
    ]);
    expect(computed.stdout).toContain("of framework 2026.1 (k = 3)");
    const run = await readFile(join(out, "run.json"), "utf8");
    expect(run).toBe('{\n "framework_version": "2026.1",\n "k": 3\n}\n');
    await observatory(["compute", "--lake", lake, "--out", out, "--k", "3", "--framework", "2026.1"]);
    expect(await readFile(join(out, "run.json"), "utf8")).toBe(run);

    const site = join(dir, "site");
    const built = await observatory(["build", "--indicators", out, "--out", site]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain("of framework 2026.1 (k = 3)");
    const framework = await readFile(join(site, "framework.html"), "utf8");
    expect(framework).toContain("In this publication, k = 3.");

    const withK = await observatory(["build", "--indicators", out, "--out", site, "--k", "10"]);
    expect(withK.code).toBe(2);
    expect(withK.stderr).toContain("--k goes with --lake only: a site built from --indicators uses the k");

    await writeFile(join(out, "run.json"), '{"framework_version": "2026.9", "k": 3}');
    const mixed = await observatory(["build", "--indicators", out, "--out", join(dir, "site2")]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain(
      `${join(out, "indicators.csv")} holds figures of framework 2026.1, but run.json says 2026.9; run the compute step again`,
    );
    await rm(join(out, "run.json"));
    const old = await observatory(["build", "--indicators", out, "--out", join(dir, "site3")]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain(
      `${join(out, "run.json")} is missing: run observatory compute --out ${out} first`,
    );
  });
});

describe("observatory itself", () => {
  it("prints the package version with --version, and its help without arguments, exiting 0", async () => {
    const { version } = JSON.parse(await readFile(PACKAGE, "utf8")) as { version: string };
    const printed = await observatory(["--version"]);
    expect(printed).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    const bare = await observatory([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain("Usage: observatory <command> [options]");
    expect(bare.stderr).toBe("");
  });
});

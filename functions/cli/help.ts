/** The CLI's help texts: every option of every command, in one place. */
export const HELP: Record<string, string> = {
  main: `observatory — the Equity Observatory pipeline on the embedded default (a local folder lake, DuckDB)

Usage: observatory <command> [options]
       observatory --version

Commands:
  ingest    validate hub reports and reference data, and add the good ones to a lake
  compute   compute every indicator of the evaluation framework from a lake
  simulate  apply redistribution scenarios to a lake's reports, beside the real figures
  build     build the static dashboard site
  serve     serve a built site on http://127.0.0.1
  reports   list the reports in a lake (current and superseded), as evidence
  compact   rewrite a lake's small curated files into one file per kind and year
  demo      generate a sample movement, ingest it, compute, build and serve (what npm start runs)
  upload    send files to a deployed observatory (AWS) through its upload API

Run 'observatory <command> --help' for a command's options; 'observatory --version' prints the version.
What a file holds (names, values) is printed with control characters escaped, e.g. \\n or \\x1B.
Exit codes: 0 success, 1 a file was rejected or the command failed, 2 usage error.`,
  upload: `Usage: observatory upload --api URL --token TOKEN [--wait SECONDS] [--json] FILE...

Sends each FILE to a deployed observatory: asks the upload API for a short-lived upload under your own
hub's prefix, posts the file to storage, and waits for its validation result, printed as 'ingest' prints it.
Who you upload as comes from your sign-in token (your hub, or the Global Council), never from an option.

Options:
  --api URL        the upload API's URL (or set OBSERVATORY_API), as 'cdk deploy' printed it
  --token TOKEN    your Cognito ID token (or set OBSERVATORY_TOKEN); see README, "Deploy on AWS"
  --wait SECONDS   how long to wait for each result (default 120; 0 returns once uploaded)
  --json           print what became of every file as JSON
  -h, --help       show this help

Exit codes: 0 every file accepted or already there, 1 a file was rejected, refused or is still pending, 2 usage error.`,
  ingest: `Usage: observatory ingest --lake DIR --as ID [--kind KIND] [--json] FILE...

Validates each FILE against the hub reporting standard and adds the accepted ones to the lake.
A rejected file changes nothing; every problem of it is printed as
  FILE: row N, column C: plain sentence          (the header is row 1)
A file that cannot be read is named with what to do; the other files still go in.

Options:
  --lake DIR     the lake folder (created if missing)
  --as ID        who uploads: a hub_id, or council (reference data and scenarios)
  --kind KIND    financial | impact | hubs | fx_rates | scenario (default: recognised from the header;
                 a scenario, a JSON file, from its content)
  --json         print the outcome of every file as JSON
  -h, --help     show this help

Exit codes: 0 every file accepted (warnings allowed) or already there, 1 a file was rejected or could not be
read, 2 usage error.`,
  compute: `Usage: observatory compute --lake DIR --out DIR [--k N] [--framework VERSION]

Computes every indicator of the framework with DuckDB and writes to --out:
  indicators.csv       framework_version,indicator,year,scope,scope_id,value,suppressed
  indicators.parquet   the same, columnar, for the dashboards
  reports.json         every report in the lake with its status, the evidence behind the figures
  dashboard.json       the dashboards' other datasets
  scenarios.json       the lake's current redistribution scenarios (uploaded with ingest --as council),
                       each with scenario-<id>.csv and scenario-<id>-hubs.csv beside it (see 'simulate')
  run.json             the framework version and k used; 'build --indicators' publishes with them

Options:
  --lake DIR             the lake folder (it must hold ingested reports)
  --out DIR              where to write (created if missing)
  --k N                  disclosure threshold: outcomes figures with fewer participants are suppressed (default 10)
  --framework VERSION    the framework version, e.g. 2026.1 (default: the newest shipped)
  -h, --help             show this help`,
  simulate: `Usage: observatory simulate --lake DIR --scenario FILE [--scenario FILE ...] --out DIR [--framework VERSION]

Applies each redistribution scenario (a JSON file, see docs/scenarios.md) to the lake's current reports and
writes to --out, for each scenario:
  scenario-<id>.csv        framework_version,scenario,indicator,year,scope,scope_id,baseline,value,change
  scenario-<id>-hubs.csv   scenario,year,hub_id,local_revenue_usd,contribution_usd,receipt_usd,net_usd,
                           deployed_baseline_usd,deployed_scenario_usd
and prints, per year, the pool, how many hubs contribute and receive, and the funding Gini and Theil before
and after. Nothing in the lake changes. A bad scenario file gets every problem printed at once, each naming its
field; the other scenarios still run. More FILEs may follow the options.

Options:
  --lake DIR             the lake folder (it must hold ingested reports)
  --scenario FILE        a scenario file (repeat it, or list more files after the options)
  --out DIR              where to write (created if missing)
  --framework VERSION    the framework whose figures the scenario is set beside (default: the newest shipped)
  -h, --help             show this help

Exit codes: 0 every scenario written, 1 a scenario file was rejected or a scenario's money did not balance,
2 usage error.`,
  build: `Usage: observatory build (--lake DIR [--k N] | --indicators DIR) --out DIR

Builds the static dashboard site into --out, either computing from a lake or from the output of
'observatory compute' (a folder with indicators.csv, dashboard.json, reports.json and run.json), with the
framework version and k that compute used.

Options:
  --lake DIR          compute from this lake first (it must hold ingested reports)
  --indicators DIR    use the output of 'observatory compute'
  --out DIR           where to write the site
  --k N               disclosure threshold when computing from --lake (default 10)
  -h, --help          show this help`,
  serve: `Usage: observatory serve DIR [--port N] [--host HOST]

Serves a built site. Stops with Ctrl-C.

Options:
  --port N       the port (default 8080; 0 picks a free one)
  --host HOST    the address to listen on (default 127.0.0.1)
  -h, --help     show this help`,
  reports: `Usage: observatory reports --lake DIR [--json]

Lists every accepted report in the lake with its hub, kind, period, upload time, SHA-256, uploader,
row count and status (current or superseded).

Options:
  --lake DIR     the lake folder (it must hold ingested reports)
  --json         print as JSON
  -h, --help     show this help`,
  compact: `Usage: observatory compact --lake DIR [--json]

Rewrites the small curated Parquet files of hub reports into one file per kind and year
(curated/<kind>/year=<y>/compacted-<generation>-<sha256>.parquet), each row keeping its report id, and
records each compaction in compactions/<kind>/year=<y>/<generation>.json (the reports it holds, the files it
absorbed). Compute reads the result with the same figures. The raw zone and the manifest are not touched.
Then checks the manifest's newest checkpoint against every entry and writes a checkpoint through the
newest entry. Safe to stop at any point and to run again; reports ingested meanwhile count once.

Options:
  --lake DIR     the lake folder (it must hold ingested reports)
  --json         print what was done as JSON
  -h, --help     show this help

Exit codes: 0 done, 1 a file does not hold what the manifest records (nothing of its year changed), 2 usage error.`,
  demo: `Usage: observatory demo [--dir DIR] [--port N] [--seed N] [--lines N] [--no-serve]

Generates a realistic sample movement, ingests it (bad files included, to show how rejection looks),
computes every indicator, builds the dashboards and serves them.

Options:
  --dir DIR      working folder (default .observatory/demo; its lake is rebuilt from scratch)
  --port N       the port to serve on (default 8080; 0 picks a free one)
  --seed N       the sample's random seed (default 2026)
  --lines N      about how many financial lines to generate (default 20000)
  --no-serve     stop after building the site
  -h, --help     show this help`,
};

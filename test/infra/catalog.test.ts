/** The Glue catalog and the Athena workgroup, checked against `athenaTables()`, the definition the code shares. */
import { describe, expect, it } from "vitest";
import { athenaTables } from "../../functions/adapters/aws/athena-tables.js";
import {
  actionsOf,
  resourcesOf,
  type Statement,
  synthesizeObservatory,
  type TemplateValue,
} from "./observatory-template.js";

const { stack, json, resource, arnOf, logicalId, statementsOfRole } = synthesizeObservatory();
const { catalog, storage } = stack;
const definitions = athenaTables();
const glueTables = Object.values(json.Resources)
  .filter((candidate) => candidate.Type === "AWS::Glue::Table")
  .map((table) => table.Properties as { DatabaseName: unknown; TableInput: TemplateValue });
const tableInput = (name: string) => {
  const table = glueTables.find((candidate) => candidate.TableInput.Name === name);
  if (!table) throw new Error(`no Glue table ${name}`);
  return table.TableInput;
};
const s3Url = (suffix: string) => ({
  "Fn::Join": ["", ["s3://", { Ref: logicalId(storage.curatedBucket) }, `/${suffix}`]],
});

describe("the Glue catalog", () => {
  it("has the observatory's database", () => {
    expect(resource(catalog.database).Properties.DatabaseInput.Name).toBe("equity_observatory");
  });

  it("has exactly one table per athenaTables() entry, in that database", () => {
    expect(glueTables.map((table) => table.TableInput.Name).sort()).toEqual(
      definitions.map((table) => table.name).sort(),
    );
    for (const table of glueTables) expect(table.DatabaseName).toEqual({ Ref: logicalId(catalog.database) });
  });

  describe.each(definitions.map((definition) => [definition.name, definition] as const))(
    "table %s",
    (name, definition) => {
      it("declares the columns of athenaTables(), in order", () => {
        expect(tableInput(name).StorageDescriptor.Columns).toEqual(
          definition.columns.map((column) => ({ Name: column.name, Type: column.type })),
        );
      });

      it("declares its partition keys", () => {
        expect(tableInput(name).PartitionKeys ?? []).toEqual(
          definition.partitionKeys.map((column) => ({ Name: column.name, Type: column.type })),
        );
      });

      it("is located under its prefix of the curated bucket", () => {
        expect(tableInput(name).StorageDescriptor.Location).toEqual(s3Url(definition.prefix));
      });

      it(`reads ${definition.format} with the matching SerDe`, () => {
        expect(tableInput(name).StorageDescriptor.SerdeInfo.SerializationLibrary).toBe(
          definition.format === "parquet"
            ? "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
            : "org.openx.data.jsonserde.JsonSerDe",
        );
      });

      it("is an external table", () => {
        expect(tableInput(name).TableType).toBe("EXTERNAL_TABLE");
      });
    },
  );

  const partitioned = definitions.filter((definition) => definition.yearProjection);

  it("partitions the hub report kinds by year", () => {
    expect(partitioned.map((definition) => definition.name).sort()).toEqual(["financial", "impact"]);
    for (const definition of partitioned)
      expect(tableInput(definition.name).PartitionKeys).toEqual([{ Name: "year", Type: "int" }]);
  });

  describe.each(partitioned.map((definition) => [definition.name, definition] as const))(
    "partitioned table %s",
    (name, definition) => {
      it("projects the year partition as an integer over the projected years", () => {
        expect(tableInput(name).Parameters).toMatchObject({
          "projection.enabled": "true",
          "projection.year.type": "integer",
          "projection.year.range": `${definition.yearProjection?.from},${definition.yearProjection?.to}`,
        });
      });

      it("finds each year's objects through the storage location template", () => {
        expect(tableInput(name).Parameters["storage.location.template"]).toEqual(
          s3Url(`${definition.prefix}year=\${year}/`),
        );
      });
    },
  );

  it("projects the manifest checkpoints' partition as injected: each query names the one checkpoint it reads", () => {
    const checkpoints = definitions.filter((definition) => definition.injectedPartition);
    expect(checkpoints.map((definition) => definition.name)).toEqual(["manifest_checkpoints"]);
    const input = tableInput("manifest_checkpoints");
    expect(input.PartitionKeys).toEqual([{ Name: "checkpoint", Type: "string" }]);
    expect(input.Parameters).toMatchObject({
      "projection.enabled": "true",
      "projection.checkpoint.type": "injected",
      "storage.location.template": s3Url(`checkpoints/manifest/\${checkpoint}/`),
    });
    expect(input.StorageDescriptor.Location).toEqual(s3Url("checkpoints/manifest/"));
  });

  it("projects no partition of the unpartitioned tables", () => {
    for (const definition of definitions.filter(
      (candidate) => !candidate.yearProjection && !candidate.injectedPartition,
    ))
      expect(Object.keys(tableInput(definition.name).Parameters)).not.toContain("projection.enabled");
  });
});

describe("the Athena workgroup", () => {
  const configuration = resource(catalog.workGroup).Properties.WorkGroupConfiguration;

  it("enforces its configuration on every query", () => {
    expect(configuration.EnforceWorkGroupConfiguration).toBe(true);
  });

  it("writes results to the query-results bucket, encrypted with the KMS key", () => {
    expect(configuration.ResultConfiguration).toEqual({
      OutputLocation: {
        "Fn::Join": ["", ["s3://", { Ref: logicalId(storage.queryResultsBucket) }, "/athena/"]],
      },
      ExpectedBucketOwner: { Ref: "AWS::AccountId" },
      EncryptionConfiguration: { EncryptionOption: "SSE_KMS", KmsKey: arnOf(storage.key) },
    });
  });

  it("cancels a query that scans more than 1 GiB", () => {
    expect(configuration.BytesScannedCutoffPerQuery).toBe(1024 ** 3);
  });

  it("publishes CloudWatch metrics", () => {
    expect(configuration.PublishCloudWatchMetricsEnabled).toBe(true);
  });

  it("lets Athena choose the engine version", () => {
    expect(configuration.EngineVersion).toEqual({ SelectedEngineVersion: "AUTO" });
  });
});

describe("the staging workgroup", () => {
  const main = resource(catalog.workGroup).Properties.WorkGroupConfiguration;
  const staging = resource(catalog.stagingWorkGroup).Properties;

  it("is the observatory's, for the compute runs' CREATE TABLE … AS and DROP TABLE", () => {
    expect(staging.Name).toBe("equity-observatory-staging");
    expect(staging.State).toBe("ENABLED");
  });

  it("lets a CREATE TABLE … AS name its table's location, which a workgroup enforcing its own refuses", () => {
    expect(staging.WorkGroupConfiguration.EnforceWorkGroupConfiguration).toBe(false);
  });

  it("has the query workgroup's results location, encryption, scan cutoff, metrics and engine", () => {
    const { EnforceWorkGroupConfiguration: _enforced, ...settings } = staging.WorkGroupConfiguration;
    const { EnforceWorkGroupConfiguration: _enforcedToo, ...mainSettings } = main;
    expect(settings).toEqual(mainSettings);
    expect(settings.BytesScannedCutoffPerQuery).toBe(1024 ** 3);
  });
});

describe("query access", () => {
  const statements = statementsOfRole(stack.recompute.computeFunction.role);

  it("reaches the catalog, the database and each table by name, with no wildcard", () => {
    const glue = statements.find((statement) => JSON.stringify(statement.Action).includes("glue:"));
    const resources = JSON.stringify(glue?.Resource);
    for (const definition of definitions)
      expect(resources).toContain(`:table/equity_observatory/${definition.name}`);
    expect(resources).not.toContain("*");
  });

  it("runs queries only in the observatory's workgroups", () => {
    const athena = statements.filter((statement) => JSON.stringify(statement.Action).includes("athena:"));
    const workGroups = athena
      .flatMap(resourcesOf)
      .map((arn) => JSON.stringify(arn).match(/:workgroup\/([a-z-]+)"/)?.[1])
      .sort();
    expect(workGroups).toEqual(["equity-observatory", "equity-observatory-staging"]);
  });

  it("creates and drops tables named compute_run_* in the observatory's database, and no other", () => {
    const writing = statements.filter((statement) =>
      actionsOf(statement).some((action) => /^glue:(Create|Delete|Update|BatchDelete)/.test(action)),
    );
    expect(writing).toHaveLength(1);
    expect(actionsOf(writing[0] as Statement).filter((action) => !action.startsWith("glue:Get"))).toEqual([
      "glue:CreateTable",
      "glue:DeleteTable",
    ]);
    const resources = resourcesOf(writing[0] as Statement).map((arn) => JSON.stringify(arn));
    expect(resources).toHaveLength(3);
    expect(resources[0]).toMatch(/:catalog"\]\]\}$/);
    expect(resources[1]).toMatch(/:database\/equity_observatory"\]\]\}$/);
    expect(resources[2]).toMatch(/:table\/equity_observatory\/compute_run_\*"\]\]\}$/);
  });

  it("lists tables (SHOW TABLES, to find dead runs' tables) only where it may drop them, besides the lake's named tables", () => {
    const listing = statements.filter((statement) => actionsOf(statement).includes("glue:GetTables"));
    const wildcards = listing
      .flatMap(resourcesOf)
      .map((arn) => JSON.stringify(arn))
      .filter((arn) => arn.includes("*"));
    expect(wildcards).toHaveLength(1);
    expect(wildcards[0]).toMatch(/:table\/equity_observatory\/compute_run_\*"\]\]\}$/);
    const dropping = listing.filter((statement) => actionsOf(statement).includes("glue:DeleteTable"));
    expect(dropping).toHaveLength(1);
    expect(resourcesOf(dropping[0] as Statement).map((arn) => JSON.stringify(arn))).toContain(wildcards[0]);
  });
});

import * as parquet from "parquet-wasm";

const input = new ReadableStream({
  start(c) {
    c.close();
  },
});
const props = new parquet.WriterPropertiesBuilder().build();
try {
  const out = await parquet.transformParquetStream(input, props);
  const chunks = [];
  for await (const c of out as any) chunks.push(c);
  console.log("chunks", chunks.length);
} catch (e) {
  console.log("caught", e);
}
setTimeout(() => console.log("alive"), 200);

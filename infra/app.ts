import { createObservatoryApp } from "./observatory-app.js";

createObservatoryApp({
  stack: {
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  },
});

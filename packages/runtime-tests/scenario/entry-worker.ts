// Entry for workerd: a module worker whose every request runs the scenario and answers with
// its result as JSON.
import { runScenario } from "./run-scenario.js";

export default {
  async fetch(): Promise<Response> {
    const result = await runScenario({ name: "workerd", version: navigator.userAgent }, { browser: false });
    return Response.json(result);
  },
};

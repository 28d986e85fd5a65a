export type { RecordedRequest, RecordedWrite } from "./context.js";
export type { FakeDns, FakeMailDomain, RecordedDnsQuery } from "./dns.js";
export type {
  FakeGitHubIssue,
  FakeGitHubOptions,
  FakeGitHubState,
} from "./github.js";
export {
  caCertPath,
  type Fake,
  type FakeOptions,
  startFake,
} from "./server.js";
export {
  baseTenant,
  behaviourTimes,
  type FakeBehaviour,
  type FakeContact,
  type FakeManagementGroup,
  type FakeSubscription,
  type FakeTenant,
  forever,
  generatedTenant,
  guid,
  sampleTenant,
  writeForbidden,
} from "./tenant.js";

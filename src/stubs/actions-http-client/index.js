// @actions/core imports @actions/http-client (and through it undici, 0.9 MB
// of code evaluated at every start, on both threads) only for getIDToken.
// The action asks GitHub's OIDC endpoint itself (src/azure/sign-in/
// id-token-request.ts), so under @actions/core this stand-in takes its place
// through package.json "overrides"; @actions/github keeps the real package.
const unavailable = () => {
  throw new Error(
    "@actions/core's HTTP client is not bundled: this action requests ID tokens itself.",
  );
};

export class HttpClient {
  constructor() {
    unavailable();
  }
}

export class BearerCredentialHandler {
  constructor() {
    unavailable();
  }
}

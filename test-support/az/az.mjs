/* global process, Buffer, console, URLSearchParams */
// Stand-in for the Azure CLI (`az`), first on PATH in the end-to-end tests.
// It answers `az account get-access-token --output json --resource R
// [--tenant T]` the way the real CLI does: the same JSON, exit code 1 and
// "Please run 'az login'" on stderr when logged out. Its session lives where
// the real CLI keeps its own, in $AZURE_CONFIG_DIR, as fake-session.json:
//   { "authority": fake.authorityUrl, "tenant": T, "refreshToken": fake.cliSession(),
//     "subscription": S, "resource"?: R }
// and, like the real CLI, it exchanges the refresh token at Entra's token
// endpoint (the fake's). "resource" stands for a session of another cloud:
// it replaces the requested resource.
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";

const AZ_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function option(args, name) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function readSession() {
  const dir = process.env.AZURE_CONFIG_DIR;
  if (!dir) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, "fake-session.json"), "utf8"));
  } catch {
    return undefined;
  }
}

function post(url, form) {
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** "YYYY-MM-DD hh:mm:ss.ffffff" in local time, as the CLI prints expiresOn. */
function localTime(date) {
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.` +
    pad(date.getMilliseconds() * 1000, 6)
  );
}

async function main(args) {
  if (args[0] !== "account" || args[1] !== "get-access-token") {
    fail(
      `ERROR: 'az ${args.slice(0, 2).join(" ")}' is not supported by this stand-in.`,
      2,
    );
  }
  const session = readSession();
  if (!session) fail("ERROR: Please run 'az login' to setup account.");
  const resource =
    session.resource ??
    option(args, "--resource") ??
    "https://management.core.windows.net/";
  const tenant = option(args, "--tenant") ?? session.tenant;
  const answer = await post(
    `${session.authority}/${tenant}/oauth2/v2.0/token`,
    {
      grant_type: "refresh_token",
      client_id: AZ_CLIENT_ID,
      refresh_token: session.refreshToken,
      scope: `${resource.replace(/\/+$/, "")}/.default`,
    },
  );
  const body = JSON.parse(answer.text);
  if (answer.status !== 200) {
    const first = String(body.error_description ?? body.error).split(
      /\r?\n/,
    )[0];
    fail(`ERROR: ${first}`);
  }
  const expiresOn = Math.floor(Date.now() / 1000) + Number(body.expires_in);
  console.log(
    JSON.stringify(
      {
        accessToken: body.access_token,
        expiresOn: localTime(new Date(expiresOn * 1000)),
        expires_on: expiresOn,
        subscription: session.subscription,
        tenant,
        tokenType: "Bearer",
      },
      null,
      2,
    ),
  );
}

main(process.argv.slice(2)).catch((error) => fail(`ERROR: ${error.message}`));

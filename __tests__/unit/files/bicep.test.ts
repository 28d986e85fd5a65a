import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { brief, fixture, judgeFiles } from "./fixtures.js";

const one = async (path: string, text: string) =>
  (await judgeFiles({ [path]: text })).map(brief);

const contact = (emails: string) =>
  `resource c 'Microsoft.Security/securityContacts@2023-12-01-preview' = {\n  name: 'default'\n  properties: {\n    ${emails}\n  }\n}\n`;

describe(".bicepparam", () => {
  it("ALZ-Bicep classic: param <name> = '<literal>'", async () => {
    const path = "alz-bicep-classic/alzDefaultPolicyAssignments.bicepparam";
    assert.deepEqual(await one(path, fixture(path)), [
      "6 param parMsDefenderForCloudEmailSecurityContact=secops@contoso.com;soc@contoso.com",
    ]);
  });

  it("AVM accelerator: emailSecurityContact: { value } at any depth and key quoting; comments ignored", async () => {
    const path = "alz-bicep-accelerator/int-root/main.bicepparam";
    assert.deepEqual(await one(path, fixture(path)), [
      "21 param parPolicyAssignmentParameterOverrides.Deploy-MDFC-Config-H224.parameters.emailSecurityContact.value=security@yourcompany.com",
      "35 param parPolicyAssignmentParameterOverrides.Deploy-SvcHealth-BuiltIn.parameters.emailSecurityContact.value={{security_contact_email}}",
    ]);
  });

  it("decodes escapes and multi-line strings; functions are errors, unbound names unresolved", async () => {
    const text = [
      "param emailContactAsc = 'it\\'s@contoso.com'",
      "param emailSecurityContact = '''ops@contoso.com'''",
      "param parMsDefenderForCloudEmailSecurityContact = readEnvironmentVariable('MAIL')",
      "param x = { emailSecurityContact: { value: '${prefix}@contoso.com' } }",
    ].join("\n");
    assert.deepEqual(await one("p.bicepparam", text), [
      "1 param emailContactAsc=it's@contoso.com",
      "2 param emailSecurityContact=ops@contoso.com",
      "3 param parMsDefenderForCloudEmailSecurityContact!not a literal: readEnvironmentVariable('MAIL')",
      "4 param x.emailSecurityContact.value!not a literal: '${prefix}@contoso.com'",
    ]);
  });

  it("an unterminated string is an error finding naming the line, not a crash", async () => {
    const path = "hostile/broken.bicepparam";
    assert.deepEqual(await one(path, fixture(path)), [
      "1 (file)!invalid Bicep: line break in a string",
    ]);
  });
});

describe(".bicep", () => {
  const path = "direct-resources/securityContact.bicep";

  it("reads literal emails, a param's default where it is written, legacy email; skips existing and comments", async () => {
    const findings = await judgeFiles({ [path]: fixture(path) });
    assert.deepEqual(findings.map(brief), [
      "4 param securityContactEmails=security_contact@replace_me.com",
      "26 literal.properties.emails=secops@contoso.com",
      "33 legacy.properties.email=secops@contoso.com",
      "40 computed.properties.emails?parameter notificationOwner of direct-resources/securityContact.bicep has no default and no scanned file sets it (deployed by itself, with no parameter file or .bicepparam): decided at deployment",
    ]);
    assert.deepEqual(findings[0]?.usedAt, {
      path,
      line: 8,
      setting: "contact.properties.emails",
    });
    const legacy = findings[2];
    assert.ok(legacy && "value" in legacy);
    assert.equal(legacy.legacyEmail, true);
  });

  it("a legacy email bound to nothing: whatever deploys, no additional address (CanadaPubSecALZ's asc.bicep)", async () => {
    const text = `param mail string\nresource c 'Microsoft.Security/securityContacts@2017-08-01-preview' = {\n  name: 'default1'\n  properties: {\n    email: mail\n  }\n}\n`;
    assert.deepEqual(await one("asc.bicep", text), ["4 c.properties.emails="]);
  });

  it("hostile 1: a literal followed by an operator is the whole expression, never its first literal", async () => {
    for (const emails of [
      "emails: 'a@contoso.com' == x ? 'b@contoso.com' : 'security_contact@replace_me'",
      "emails: 'a@contoso.com' ?? 'security_contact@replace_me'",
      "emails: true ? 'a@contoso.com' : 'security_contact@replace_me'",
      "emails: 'a@contoso.com' + ''",
      "emails: last(split('a@contoso.com;x@replace_me', ';'))",
    ]) {
      const [finding, ...rest] = await one("m.bicep", contact(emails));
      assert.deepEqual(rest, []);
      assert.match(
        finding ?? "",
        /^4 c\.properties\.emails!not a literal: /,
        emails,
      );
    }
  });

  it("hostile 1: quoted keys are keys; emails: inside a ''' string or comment is not a property", async () => {
    assert.deepEqual(
      await one("q.bicep", contact("'emails': 'security_contact@replace_me'")),
      ["4 c.properties.emails=security_contact@replace_me"],
    );
    const text = contact(
      "description: '''\n    emails: 'ok@contoso.com'\n    '''\n    // emails: 'ok@contoso.com'\n    /* emails: 'ok@contoso.com' */\n    emails: 'security_contact@replace_me'",
    );
    assert.deepEqual(await one("s.bicep", text), [
      "9 c.properties.emails=security_contact@replace_me",
    ]);
    assert.deepEqual(await one("n.bicep", contact("description: 'x'")), [
      "3 c.properties.emails=",
    ]);
    assert.deepEqual(
      await one(
        "e.bicep",
        contact("'\\u{65}mails': 'security_contact@replace_me'"),
      ),
      ["4 c.properties.emails=security_contact@replace_me"],
    );
  });

  it("pure string functions of literals are evaluated where the value is written", async () => {
    const text = [
      "param mails array = [",
      "  'SecOps@Contoso.com'",
      "  'security_contact@replace_me'",
      "]",
      contact("emails: toLower(join(mails, ';'))"),
      "resource f 'Microsoft.Security/securityContacts@2023-12-01-preview' = {",
      "  properties: { emails: format('{0}@{1}', 'soc', 'contoso.com') }",
      "}",
    ].join("\n");
    assert.deepEqual(await one("f.bicep", text), [
      "1 param mails=secops@contoso.com;security_contact@replace_me",
      "13 f.properties.emails=soc@contoso.com",
    ]);
  });

  it("a property written twice is an error, never the one that passes", async () => {
    for (const body of [
      "emails: 'security_contact@replace_me'\n    emails: 'a@contoso.com'",
      "emails: 'security_contact@replace_me'\n    'Emails': 'a@contoso.com'",
    ]) {
      const [finding] = await one("d.bicep", contact(body));
      assert.match(finding ?? "", /!duplicate property /);
    }
  });

  it("interpolation of literals, variables, object parameters and loadJsonContent + union are followed", async () => {
    const text = [
      "param securityCenter object = { email: 'secops@contoso.com' }",
      "var domain = 'contoso.com'",
      "var lib = loadJsonContent('lib/assignment.json')",
      contact("emails: securityCenter.email"),
      "resource d 'Microsoft.Security/securityContacts@2023-12-01-preview' = {",
      "  properties: { emails: 'soc@${domain}' }",
      "}",
      "resource a 'Microsoft.Authorization/policyAssignments@2024-04-01' = {",
      "  name: 'mdfc'",
      "  properties: {",
      "    parameters: union(lib.properties.parameters, { emailSecurityContact: { value: 'ops@contoso.com' } })",
      "  }",
      "}",
    ].join("\n");
    const lib = JSON.stringify(
      { properties: { parameters: { emailSecurityContact: { value: "" } } } },
      null,
      1,
    );
    const findings = await judgeFiles({
      "m.bicep": text,
      "lib/assignment.json": lib,
    });
    assert.deepEqual(findings.map(brief), [
      "1 param securityCenter.email=secops@contoso.com",
      "12 d.properties.emails=soc@contoso.com",
      "17 a.properties.parameters.emailSecurityContact.value=ops@contoso.com",
    ]);
  });

  it("a param without a default that nothing binds is unresolved; a .bicepparam binding it decides", async () => {
    const template = "param mail string\n" + contact("emails: mail");
    assert.deepEqual(await one("c.bicep", template), [
      "1 param mail?parameter mail of c.bicep has no default and no scanned file sets it (deployed by itself, with no parameter file or .bicepparam): decided at deployment",
    ]);
    const findings = await judgeFiles({
      "c.bicep": template,
      "c.bicepparam":
        "using './c.bicep'\nparam mail = 'security_contact@replace_me'\n",
    });
    assert.deepEqual(findings.map(brief), [
      "2 param mail=security_contact@replace_me",
    ]);
    assert.equal(findings[0]?.usedAt?.path, "c.bicep");
  });

  it("modules: the caller's params decide; registry modules are judged by the names they pass", async () => {
    const findings = await judgeFiles({
      "main.bicep": [
        "module m './contact.bicep' = {",
        "  params: {",
        "    mail: 'security_contact@replace_me'",
        "  }",
        "}",
        "module alz 'br/public:avm/ptn/alz/empty:0.3.6' = {",
        "  params: { overrides: { 'Deploy-MDFC-Config-H224': { parameters: { emailSecurityContact: { value: 'x@example.com' } } } } }",
        "}",
      ].join("\n"),
      "contact.bicep": "param mail string\n" + contact("emails: mail"),
    });
    assert.deepEqual(findings.map(brief), [
      "3 m.params.mail=security_contact@replace_me",
      "7 alz.params.overrides.Deploy-MDFC-Config-H224.parameters.emailSecurityContact.value=x@example.com",
    ]);
    assert.equal(findings[0]?.usedAt?.path, "contact.bicep");
  });
});

/**
 * Where a Terraform module instance writes the security contact: the
 * resources (`azurerm_security_center_contact.email`, `azapi_resource`
 * securityContacts `body.properties.emails`, a policy assignment's
 * `emailSecurityContact`) and the ALZ settings in its locals and module
 * arguments; then, through local module calls, its children's.
 */
import { mentionsSetting } from "./hints.js";
import type { Instance } from "./instance.js";
import { fileOf, type Declared } from "./module.js";
import { Findings, member, parameterValue, walk } from "./sinks.js";
import { attribute, type Block } from "./syntax.js";
import type { Origin, Val } from "./val.js";

type Read = (attr: string) => [Val, Origin] | undefined;

const isOpen = (value: Val | undefined): boolean =>
  value?.k === "unknown" || value?.k === "unset";

/** `azapi_resource` of type `Microsoft.Security/securityContacts@…`: `body.properties.emails`. */
function azapi(
  found: Findings,
  declared: Declared<Block>,
  address: string,
  read: Read,
): void {
  const kind = read("type");
  const body = read("body");
  const properties = body && member(body[0], "properties");
  const emails = member(properties, "emails");
  const legacy = emails ? undefined : member(properties, "email");
  const value = emails ?? legacy;
  if (kind && isOpen(kind[0])) {
    // A type the scan cannot read matters when the resource shows a contact.
    const shows = (attr: string): boolean => {
      const node = attribute(declared.node.body, attr);
      const text = fileOf(declared, attr).text;
      return !!node && mentionsSetting(text.slice(node.expr.at, node.expr.end));
    };
    if ((value && !isOpen(value)) || shows("type") || shows("body"))
      found.value(kind[0], kind[1]);
    return;
  }
  const type = kind?.[0];
  const lower = type?.k === "str" ? type.v.toLowerCase() : "";
  if (body && lower.startsWith("microsoft.authorization/policyassignments@")) {
    // An assignment of the Defender initiative written with azapi.
    const parameters = member(properties, "parameters");
    const contact = member(parameters, "emailSecurityContact");
    const setting = `${address}.body.properties.parameters.emailSecurityContact.value`;
    if (contact && !isOpen(contact))
      found.value(parameterValue(contact), { ...body[1], setting });
    return;
  }
  if (!body || !lower.startsWith("microsoft.security/securitycontacts@"))
    return;
  const setting = `${address}.body.properties.${legacy ? "email" : "emails"}`;
  const where = { ...body[1], setting };
  if (value) found.value(value, where, legacy ? true : undefined);
  else {
    const why = `${address}.body has no properties.emails`;
    found.value({ k: "unknown", why, o: body[1] }, where);
  }
}

/** `azurerm_*policy_assignment`: `parameters.emailSecurityContact.value`. */
function assignment(
  found: Findings,
  declared: Declared<Block>,
  address: string,
  read: Read,
): void {
  const parameters = read("parameters");
  if (!parameters) return;
  const contact = member(parameters[0], "emailSecurityContact");
  const setting = `${address}.parameters.emailSecurityContact.value`;
  const where = { ...parameters[1], setting };
  if (contact && !isOpen(contact)) found.value(parameterValue(contact), where);
  else if (isOpen(parameters[0])) {
    // Unreadable parameters matter when they may hold the contact.
    const node = attribute(declared.node.body, "parameters");
    const text = fileOf(declared, "parameters").text;
    if (node && mentionsSetting(text.slice(node.expr.at, node.expr.end)))
      found.value(parameters[0], where);
  }
}

function resource(
  found: Findings,
  instance: Instance,
  declared: Declared<Block>,
): void {
  const [type = "", name = ""] = declared.node.labels;
  const address = `${type}.${name}`;
  const read: Read = (attr) => {
    const node = attribute(declared.node.body, attr);
    if (!node) return undefined;
    const file = fileOf(declared, attr);
    const o = { file, at: node.at, setting: `${address}.${attr}` };
    return [instance.evaluate(node.expr, file, o.setting), o];
  };
  if (type === "azurerm_security_center_contact") {
    const email = read("email");
    if (email) found.value(email[0], email[1]);
    else {
      // `email` is required: a contact declared without it never carries an address.
      const o = {
        file: declared.file,
        at: declared.node.at,
        setting: `${address}.email`,
      };
      found.value({ k: "str", v: "", o }, o);
    }
  } else if (type === "azapi_resource" || type === "azapi_update_resource")
    azapi(found, declared, address, read);
  else if (type.startsWith("azurerm_") && type.endsWith("policy_assignment"))
    assignment(found, declared, address, read);
}

/** Every finding of one module instance and, through local module calls, of its children. */
export function judgeInstance(found: Findings, instance: Instance): void {
  const { module } = instance;
  for (const declared of module.resources) resource(found, instance, declared);
  for (const [name, { file, node }] of module.locals) {
    const o = { file, at: node.at, setting: `locals.${name}` };
    walk(found, instance.local(name, o));
  }
  for (const [name, call] of module.calls) {
    for (const [, value] of instance.callArguments(name, call))
      walk(found, value);
    const child = instance.child(name);
    if (typeof child !== "string") judgeInstance(found, child);
  }
}

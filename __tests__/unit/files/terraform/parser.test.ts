import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { HclSyntaxError } from "../../../../src/files/terraform/lexer.js";
import { parseHclBody } from "../../../../src/files/terraform/parser.js";
import {
  parseTfJson,
  parseTfvarsJson,
} from "../../../../src/files/terraform/json-syntax.js";
import {
  literalString,
  type Expr,
} from "../../../../src/files/terraform/syntax.js";

const attr = (text: string, name = "x"): Expr | undefined =>
  parseHclBody(text).attributes.find((a) => a.name === name)?.expr;

describe("HCL native syntax", () => {
  it("decodes escapes, keeps $${ and %%{ as literal text, and gives offsets", () => {
    const text = 'a = 1\nx = "\\u0063ontact \\"q\\" $${name} %%{x}"\n';
    const expr = attr(text);
    assert.equal(literalString(expr), 'contact "q" ${name} %{x}');
    assert.equal(expr?.at, text.indexOf('"'));
  });

  it("comments of every kind are skipped, a block comment spanning lines ends the line", () => {
    const body = parseHclBody(
      '# one\n// two\n/* three\n */ x = "a" # four\ny = 1\n',
    );
    assert.deepEqual(
      body.attributes.map((a) => a.name),
      ["x", "y"],
    );
  });

  it("heredocs, plain and indented, are templates", () => {
    assert.equal(
      literalString(attr("x = <<EOT\nline1\n  line2\nEOT\n")),
      "line1\n  line2\n",
    );
    assert.equal(
      literalString(attr("x = <<-EOT\n    a\n      b\n    EOT\n")),
      "a\n  b\n",
    );
    assert.equal(attr("x = <<EOT\n${var.a}\nEOT\n")?.k, "template");
  });

  it("a lone interpolation is the expression itself; mixed text is a template", () => {
    assert.equal(attr('x = "${var.a}"')?.k, "ref");
    assert.equal(attr('x = "a-${var.a}"')?.k, "template");
    assert.equal(attr('x = "%{if true}a%{endif}"')?.k, "opaque");
  });

  it("blocks with labels, single-line blocks, nested blocks", () => {
    const body = parseHclBody(
      'resource "a" "b" {\n  lifecycle { ignore_changes = [tags] }\n  c = 1\n}\nlocals {}\n',
    );
    assert.deepEqual(
      body.blocks.map((b) => [b.type, ...b.labels]),
      [["resource", "a", "b"], ["locals"]],
    );
    assert.deepEqual(
      body.blocks[0]?.body.blocks.map((b) => b.type),
      ["lifecycle"],
    );
  });

  it("operators, conditionals, for and splats are opaque; provider functions are calls", () => {
    for (const source of [
      'a == "" ? b : c',
      "[for s in var.l : upper(s)]",
      "{ for k, v in m : k => v }",
      "var.l[*].id",
      "-var.x",
      "a.*.b",
    ])
      assert.equal(attr(`x = ${source}\n`)?.k, "opaque", source);
    assert.equal(
      attr('x = provider::azapi::build_resource_id("a", "b")\n')?.k,
      "call",
    );
    assert.deepEqual(attr("x = -1.5e2\n"), {
      k: "literal",
      v: -150,
      at: 4,
      end: 10,
    });
  });

  it("objects: bare, quoted and parenthesised keys, = or :, commas or newlines", () => {
    const expr = attr('x = {\n  a = 1, "b" : 2\n  (var.k) = 3\n}\n');
    assert.equal(expr?.k, "object");
    assert.equal(expr?.k === "object" && expr.items.length, 3);
  });

  it("refuses what Terraform refuses, with the offset", () => {
    for (const [text, offset] of [
      ["x = \n", 4],
      ['x = "unterminated\n', 4],
      ["x = 1 y = 2\n", 6],
      ['x = "\\q"\n', 5],
      ["x = <<EOT\nno end\n", 4],
    ] as const) {
      assert.throws(
        () => parseHclBody(text),
        (e: unknown) => e instanceof HclSyntaxError && e.offset === offset,
        text,
      );
    }
  });

  it("refuses hostile nesting instead of overflowing the stack", () => {
    assert.throws(
      () => parseHclBody(`x = ${"[".repeat(5000)}${"]".repeat(5000)}\n`),
      /nested too deeply/,
    );
  });
});

describe("Terraform JSON syntax", () => {
  it(".tf.json: blocks by label depth, strings as templates, a variable's default as a plain value", () => {
    const body = parseTfJson(
      JSON.stringify({
        resource: { t: { n: { email: "${var.m}" } } },
        variable: {
          m: {
            default: "${not-a-template}",
            type: 'object({ a = optional(string, "d") })',
          },
        },
        locals: [{ a: 1 }, { b: 2 }],
        terraform: { required_version: ">= 1.5" },
      }),
    );
    assert.deepEqual(
      body.blocks.map((b) => [b.type, ...b.labels]),
      [["resource", "t", "n"], ["variable", "m"], ["locals"], ["locals"]],
    );
    const [resource, variable] = body.blocks;
    assert.equal(resource?.body.attributes[0]?.expr.k, "ref");
    assert.equal(
      literalString(variable?.body.attributes[0]?.expr),
      "${not-a-template}",
    );
    assert.equal(variable?.body.attributes[1]?.expr.k, "call");
  });

  it(".tfvars.json: values as they are, escapes decoded, duplicates and comments refused", () => {
    const body = parseTfvarsJson('{"\\u0061": "${x}"}');
    assert.equal(body.attributes[0]?.name, "a");
    assert.equal(literalString(body.attributes[0]?.expr), "${x}");
    assert.throws(
      () => parseTfvarsJson('{"a": 1, "a": 2}'),
      /duplicate key "a"/,
    );
    assert.throws(() => parseTfvarsJson('{"a": 1 /* c */}'), HclSyntaxError);
  });
});

describe("HCL characters", () => {
  it("a byte-order mark is skipped, zero-width and no-break spaces are refused, Unicode names are names", () => {
    assert.deepEqual(
      parseHclBody("\uFEFFx = 1\n").attributes.map((a) => a.name),
      ["x"],
    );
    assert.throws(() => parseHclBody("x\u200B = 1\n"), HclSyntaxError);
    assert.throws(() => parseHclBody('x = "a"\u00a0\n'), HclSyntaxError);
    assert.deepEqual(
      parseHclBody("\u00e9t\u00e9 = 1\n").attributes.map((a) => a.name),
      ["\u00e9t\u00e9"],
    );
  });
});

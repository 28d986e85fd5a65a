import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ownerOf } from "../../../src/check/owner.js";

const DEFAULT = ["owner", "Owner", "technical-contact"];

describe("ownerOf", () => {
  it("takes the first tag present, in owner-tags order", () => {
    const tags = { "technical-contact": "ops@contoso.com", owner: "Jane" };
    assert.equal(ownerOf(tags, DEFAULT), "Jane");
    assert.equal(
      ownerOf(tags, ["technical-contact", "owner"]),
      "ops@contoso.com",
    );
  });

  it("matches tag names case-insensitively, as Azure does", () => {
    assert.equal(ownerOf({ OWNER: "Jane" }, DEFAULT), "Jane");
    assert.equal(ownerOf({ "Technical-Contact": "Ops" }, DEFAULT), "Ops");
  });

  it("skips blank values and trims the one it returns", () => {
    assert.equal(
      ownerOf({ owner: "  ", "technical-contact": " Ops " }, DEFAULT),
      "Ops",
    );
  });

  it("is undefined without tags or without a matching one", () => {
    assert.equal(ownerOf(undefined, DEFAULT), undefined);
    assert.equal(ownerOf({}, DEFAULT), undefined);
    assert.equal(ownerOf({ CostCenter: "42" }, DEFAULT), undefined);
    assert.equal(ownerOf({ owner: "Jane" }, []), undefined);
  });
});

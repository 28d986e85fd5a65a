import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // dependency-cruiser's configuration is CommonJS.
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable" },
    },
  },
  {
    rules: {
      "no-console": ["error", { allow: ["log", "error"] }],
      "@typescript-eslint/no-non-null-assertion": "error",
      eqeqeq: "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { ignoreRestSiblings: true },
      ],
    },
  },
);

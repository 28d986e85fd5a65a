// @azure/identity imports `open` only for interactive browser sign-in, which a
// workflow never uses; this stand-in keeps the real package (and its bundled
// xdg-open) out of dist/. package.json points `open` here through "overrides".
export default function open() {
  throw new Error(
    "Interactive browser sign-in is not available in this action.",
  );
}

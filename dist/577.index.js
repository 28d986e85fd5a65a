export const id = 577;
export const ids = [577];
export const modules = {

/***/ 3577:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (/* binding */ open)
/* harmony export */ });
// @azure/identity imports `open` only for interactive browser sign-in, which a
// workflow never uses; this stand-in keeps the real package (and its bundled
// xdg-open) out of dist/. package.json points `open` here through "overrides".
function open() {
  throw new Error(
    "Interactive browser sign-in is not available in this action.",
  );
}


/***/ })

};

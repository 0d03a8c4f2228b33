// svgo settings for tools/flags/gen.py (which passes this file with --config).
// preset-default only: in svgo 4 it keeps the viewBox and the xmlns declarations, so
// every flag still scales and still works alone as a file or a data: URI. Three decimals
// are lossless here: flag-icons 7.5.0 already rounds to one or two.
export default {
  multipass: true,
  floatPrecision: 3,
  js2svg: { pretty: false },
  plugins: ["preset-default"],
};

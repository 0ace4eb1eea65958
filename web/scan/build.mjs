// Copies jsQR's browser build into web/js/vendor/ (served by the site as /js/vendor/jsQR.js) with its licence.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "js", "vendor");
mkdirSync(vendor, { recursive: true });
const pkg = JSON.parse(readFileSync(join(here, "node_modules", "jsqr", "package.json"), "utf8"));
copyFileSync(join(here, "node_modules", "jsqr", "dist", "jsQR.js"), join(vendor, "jsQR.js"));
writeFileSync(join(vendor, "jsQR.LICENSE.txt"),
  `jsQR ${pkg.version} (${pkg.repository?.url ?? "https://github.com/cozmo/jsQR"}), licence ${pkg.license}.\n\n` +
  readFileSync(join(here, "node_modules", "jsqr", "LICENSE"), "utf8"));
console.log(`web/js/vendor/jsQR.js from jsqr ${pkg.version}`);

#!/usr/bin/env bash
# Refresh the vendored front-end assets from npm. Never edit files under static/vendor by hand:
# change a version below and run this script. Nothing is fetched at run time.
set -euo pipefail

UTRECHT_CSS=9.0.4           # @utrecht/component-library-css (EUPL-1.2)
VOORBEELD_TOKENS=7.4.1      # @nl-design-system-unstable/voorbeeld-design-tokens (EUPL-1.2)
HTMX=2.0.11                 # htmx.org (0BSD)
AXE=4.14.1                  # axe-core (MPL-2.0), for browser tests only, not shipped
SOURCE_SANS=3.52.0          # source-sans (OFL-1.1): Adobe's Source Sans 3 as TTF, embedded in PDFs
FIRA_SANS=5.3.0             # @fontsource/fira-sans (OFL-1.1): the web font, latin subset as woff2

root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$root/src/oogst/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() {  # fetch PACKAGE VERSION -> unpacked in $work/NAME/package
  local name="${1//[@\/]/_}"
  mkdir -p "$work/$name"
  (cd "$work/$name" && npm pack --silent "$1@$2" >/dev/null && tar xzf ./*.tgz)
  echo "$work/$name/package"
}

u=$(fetch @utrecht/component-library-css "$UTRECHT_CSS")
mkdir -p "$vendor/utrecht/component-library-css"
cp "$u/dist/index.css" "$u/LICENSE.md" "$vendor/utrecht/component-library-css/"

t=$(fetch @nl-design-system-unstable/voorbeeld-design-tokens "$VOORBEELD_TOKENS")
mkdir -p "$vendor/voorbeeld-design-tokens"
# theme.css defines the tokens under the .voorbeeld-theme class (OOGST_THEME_CLASS).
cp "$t/dist/theme.css" "$vendor/voorbeeld-design-tokens/index.css"
cp "$t/LICENSE.md" "$vendor/voorbeeld-design-tokens/"

h=$(fetch htmx.org "$HTMX")
mkdir -p "$vendor/htmx"
cp "$h/dist/htmx.min.js" "$h/LICENSE" "$vendor/htmx/"

a=$(fetch axe-core "$AXE")
mkdir -p "$root/tests/e2e/vendor"
cp "$a/axe.min.js" "$a/LICENSE" "$root/tests/e2e/vendor/"

# Typst needs TrueType/OpenType files (not woff2); the PDFs embed the four faces they use.
s=$(fetch source-sans "$SOURCE_SANS")
fonts="$root/src/oogst/documents/fonts"
mkdir -p "$fonts"
cp "$s"/TTF/SourceSans3-{Regular,It,Bold,BoldIt}.ttf "$fonts/"
cp "$s/LICENSE.md" "$fonts/LICENSE-SourceSans3.md"

# The pages' font: the theme's font tokens name it (oogst/fonts.css), so headings never fall back
# to a serif the visitor's machine happens to have.
f=$(fetch @fontsource/fira-sans "$FIRA_SANS")
mkdir -p "$vendor/fira-sans"
cp "$f"/files/fira-sans-latin-{400-normal,400-italic,700-normal,700-italic}.woff2 "$vendor/fira-sans/"
cp "$f/LICENSE" "$vendor/fira-sans/LICENSE-OFL.txt"

cat > "$vendor/VERSIONS.txt" <<VERSIONS
# Written by scripts/vendor_assets.sh; do not edit.
@utrecht/component-library-css@$UTRECHT_CSS
@nl-design-system-unstable/voorbeeld-design-tokens@$VOORBEELD_TOKENS
htmx.org@$HTMX
axe-core@$AXE (tests/e2e/vendor, not shipped)
source-sans@$SOURCE_SANS (src/oogst/documents/fonts)
@fontsource/fira-sans@$FIRA_SANS
VERSIONS
echo "vendored into $vendor"

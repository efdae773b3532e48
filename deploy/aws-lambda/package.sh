#!/usr/bin/env bash
# Builds deploy/aws-lambda/build/: the package as published (npm pack), installed with production
# dependencies only, plus followup.yaml (and prospects.yaml, templates/ if present) from CONFIG_DIR.
# Prints the unzipped and zipped sizes (Lambda's limits: 250 MB unzipped, 50 MB zipped upload).
# Build on Linux x86_64 with the Node major of the function (22): native modules compile for it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="$ROOT/deploy/aws-lambda/build"
CONFIG_DIR="${CONFIG_DIR:-$ROOT}"
rm -rf "$BUILD" && mkdir -p "$BUILD"
TARBALL="$(cd "$ROOT" && npm pack --silent --pack-destination "$BUILD" | tail -n1)"
cd "$BUILD"
echo '{"name":"followup-lambda","private":true,"type":"module"}' > package.json
# Node 22 on Lambda uses node:sqlite: --omit=optional leaves out better-sqlite3 (Node 20's driver).
npm install --omit=dev --omit=optional --no-audit --no-fund "./$TARBALL" >/dev/null
rm -f "$TARBALL"
for f in followup.yaml prospects.yaml; do [ -f "$CONFIG_DIR/$f" ] && cp "$CONFIG_DIR/$f" .; done
[ -d "$CONFIG_DIR/templates" ] && [ "$CONFIG_DIR" != "$ROOT" ] && cp -r "$CONFIG_DIR/templates" .
echo "unzipped: $(du -sm --apparent-size . | cut -f1) MB"
if command -v zip >/dev/null; then
  rm -f ../function.zip && zip -qr ../function.zip . && echo "zipped: $(du -m ../function.zip | cut -f1) MB (deploy/aws-lambda/function.zip)"
fi

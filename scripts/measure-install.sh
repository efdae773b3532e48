#!/usr/bin/env bash
# Measures the production install: packs the package, installs the tarball with --omit=dev in an
# empty folder, and prints its size, package count, whether msw/emulators/demo are in it, and the
# cold start of the serverless entry (import of dist/serverless.js in a fresh process).
# Usage: [OMIT_OPTIONAL=1] bash scripts/measure-install.sh [keep-dir]
# OMIT_OPTIONAL=1 adds --omit=optional (Node 22.16+: node:sqlite, no better-sqlite3 to compile).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-$(mktemp -d)}"
mkdir -p "$OUT"
TARBALL="$(npm pack --silent --pack-destination "$OUT" | tail -n1)"
echo "tarball: $TARBALL ($(du -k "$OUT/$TARBALL" | cut -f1) KB)"
mkdir -p "$OUT/app"
cd "$OUT/app"
echo '{"name":"measure","private":true}' > package.json
start=$(date +%s)
npm install --omit=dev ${OMIT_OPTIONAL:+--omit=optional} --no-audit --no-fund --prefer-offline "$OUT/$TARBALL" > "$OUT/install.log" 2>&1
echo "install: $(( $(date +%s) - start )) s"
echo "node $(node --version); node_modules: $(du -sm --apparent-size node_modules | cut -f1) MB (apparent), $(du -sm node_modules | cut -f1) MB on disk"
echo "packages: $(npm ls --all --parseable --omit=dev 2>/dev/null | grep -c node_modules)"
echo "msw present: $([ -d node_modules/msw ] && echo yes || echo no)"
echo "emulators/demo/bench in dist: $(ls node_modules/followup/dist | grep -cE '^(emulators|demo|bench)$' || true)"
echo "largest:"; { du -sm --apparent-size node_modules/* node_modules/@*/* 2>/dev/null | sort -rn | head -8; } || true # head closing the pipe is not a failure
for i in 1 2 3; do
  node -e "const t=performance.now(); import('followup/serverless').then(()=>console.log('cold import of followup/serverless: '+Math.round(performance.now()-t)+' ms'))"
done
echo "kept in $OUT"

#!/usr/bin/env bash
# ./pack.sh: the deployable Functions layout in artifacts/app and its zip, artifacts/contactsync.zip:
#   host.json                 (the repo's, unchanged)
#   <FunctionName>/function.json for each folder of functions/definitions
#   handler/                  ContactSync.Handler published self-contained for linux-x64; the executable is the one
#                             host.json names in customHandler.description.defaultExecutablePath
# Run it with Core Tools (`cd artifacts/app && func start`) or the dev host; deploy the zip (azd deploy, or
# `az functionapp deployment source config-zip`).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh
ensure_node_modules # node reads host.json below

out=artifacts/app
rm -rf "$out" artifacts/contactsync.zip
mkdir -p "$out"
cp host.json "$out/"
for dir in functions/definitions/*/; do
  name=$(basename "$dir")
  mkdir -p "$out/$name"
  cp "$dir/function.json" "$out/$name/"
done

echo "==> dotnet publish ContactSync.Handler (Release, linux-x64, self-contained)"
dotnet publish functions/ContactSync.Handler -c Release -r linux-x64 --self-contained true -p:DebugType=none \
  -o "$out/handler" --nologo -v q -clp:ErrorsOnly

exe=$(node -e "console.log(require('./host.json').customHandler.description.defaultExecutablePath)")
[ -x "$out/$exe" ] || { echo "host.json names $exe, but $out/$exe is not an executable" >&2; exit 1; }

(cd "$out" && rm -f ../contactsync.zip && zip -qr -X ../contactsync.zip .)
echo "==> $out ($(ls -d "$out"/*/ | wc -l) folders: $(cd "$out" && ls -d */ | tr -d / | tr '\n' ' '))"
echo "==> artifacts/contactsync.zip ($(du -h artifacts/contactsync.zip | cut -f1))"

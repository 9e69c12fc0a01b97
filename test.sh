#!/usr/bin/env bash
# Runs every DmpConnector test. On a fresh Debian machine with the .NET SDK, first installs the native tools the
# tests need (SoftHSM2, OpenSC, the OpenSSL pkcs11 engine, xmlsec1) as root or with sudo.
# Ends with one line "N passed, N failed"; exits non-zero when anything failed or did not run.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root=$(pwd)
results="$root/artifacts/test-results"

# shellcheck source=eng/install-test-deps.sh
. eng/install-test-deps.sh
if ! dmp_install_test_deps; then
  echo "0 passed, 1 failed"
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
rm -rf "$results"
mkdir -p "$results"

projects=$(find tests -name '*.csproj' ! -path '*/bin/*' ! -path '*/obj/*' | sort)
test_projects=()
for p in $projects; do
  if grep -q '<IsTestProject>true</IsTestProject>' "$p"; then
    test_projects+=("$p")
  fi
done

build_failed=0
if ! dotnet build DmpConnector.sln -c Debug -nologo -v:q -clp:ErrorsOnly; then
  build_failed=1
  echo "error: the build failed; no test ran." >&2
fi

missing_results=0
if [ "$build_failed" -eq 0 ]; then
  for p in "${test_projects[@]}"; do
    name=$(basename "$p" .csproj)
    dotnet test "$p" -c Debug --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      || true
    if [ ! -f "$results/$name.trx" ]; then
      echo "error: $name produced no results (crashed or did not start)." >&2
      missing_results=$((missing_results + 1))
    fi
  done
fi

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  e=$(echo "$counters" | sed -n 's/.* error="\([0-9]*\)".*/\1/p')
  t=$(echo "$counters" | sed -n 's/.* timeout="\([0-9]*\)".*/\1/p')
  a=$(echo "$counters" | sed -n 's/.* aborted="\([0-9]*\)".*/\1/p')
  n1=$(echo "$counters" | sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p')
  n2=$(echo "$counters" | sed -n 's/.* inconclusive="\([0-9]*\)".*/\1/p')
  n3=$(echo "$counters" | sed -n 's/.* notRunnable="\([0-9]*\)".*/\1/p')
  n=$((${n1:-0} + ${n2:-0} + ${n3:-0}))
  if [ "${n:-0}" -gt 0 ]; then
    echo "error: $(basename "$trx" .trx): ${n} test(s) skipped, inconclusive or not runnable; that counts as a failure here." >&2
  fi
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0} + ${n:-0}))
done
# A build failure or a test project that produced no results counts as a failure: nothing may pass silently.
failed=$((failed + build_failed + missing_results))

# The official DMP example messages are read in place, never copied (see tests/Shared/ReferenceMaterial.cs).
reference_found=no
for candidate in "${DMP_REFERENCE_DIR:-}" "$root/../shared/reference" /work/shared/reference; do
  if [ -n "$candidate" ] && [ -d "$candidate/dmp-messages" ]; then reference_found=yes; fi
done
if [ "$reference_found" = no ]; then
  echo "note: the official DMP reference material was not found (set DMP_REFERENCE_DIR); the checks against it were not generated." >&2
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

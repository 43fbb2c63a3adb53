#!/usr/bin/env bash
# Runs the whole WebOps test suite on a fresh Debian 12 machine (as root): installs and starts what the
# tests need (scripts/install-test-deps.sh), builds in Release, runs every test project, and ends with
#   Tests: N passed, N failed, N skipped
# as the last line of output. Exits non-zero when the build or a test fails, or when no test passed.
#
# Arguments go to `dotnet test`, e.g.  ./scripts/test.sh --filter "FullyQualifiedName~Dockerfile"
# Environment: WEBOPS_TEST_RESULTS (default artifacts/test-results; wiped first), WEBOPS_SKIP_BROWSER=1,
# WEBOPS_TEST_IMAGE_BUSYBOX / _NGINX / _PYTHON (base image tags, see scripts/install-test-deps.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

summary() { printf 'Tests: %s passed, %s failed, %s skipped\n' "$1" "$2" "$3"; }
# fail MESSAGE: the run cannot produce results; still ends with the summary line.
fail() {
  printf '[test] %s\n' "$1" >&2
  summary 0 0 0
  exit 1
}

sdks=""
if command -v dotnet >/dev/null 2>&1; then sdks=$(dotnet --list-sdks 2>/dev/null || true); fi
if ! grep -q '^10\.' <<<"$sdks"; then
  cat >&2 <<'EOF'
[test] The .NET 10 SDK is required ('dotnet' with a 10.x SDK in `dotnet --list-sdks`). Install it, e.g.:
         curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
         bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
         ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
       or use Microsoft's Debian 12 packages: https://learn.microsoft.com/dotnet/core/install/linux-debian
EOF
  summary 0 0 0
  exit 1
fi

# The tests read the base image tags from these; install-test-deps.sh builds the same tags.
export WEBOPS_TEST_IMAGE_BUSYBOX="${WEBOPS_TEST_IMAGE_BUSYBOX:-webops-test/busybox:1}"
export WEBOPS_TEST_IMAGE_NGINX="${WEBOPS_TEST_IMAGE_NGINX:-webops-test/nginx:1}"
export WEBOPS_TEST_IMAGE_PYTHON="${WEBOPS_TEST_IMAGE_PYTHON:-webops-test/python-django:1}"
# Docker tests fail instead of skipping when the engine is missing.
export WEBOPS_REQUIRE_DOCKER=1
# The dockerd-restart test runs too; its collection runs alone, after the parallel ones.
export WEBOPS_DISRUPTIVE_TESTS=1
# The engine is Docker 20.10 (API 1.41); Testcontainers would ask for 1.44 and pull its reaper image.
export DOCKER_API_VERSION=1.41
export TESTCONTAINERS_RYUK_DISABLED=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

./scripts/install-test-deps.sh || fail "installing the test dependencies failed (see above)"

RESULTS=$(realpath -m "${WEBOPS_TEST_RESULTS:-artifacts/test-results}")
if [[ $RESULTS == / || $PWD == "$RESULTS" || $PWD == "$RESULTS"/* ]]; then
  fail "refusing to wipe results directory '$RESULTS' (it contains the repository)"
fi
rm -rf -- "$RESULTS"
mkdir -p -- "$RESULTS"

started=$SECONDS
# One compiler server for all projects (UseSharedCompilation=true), even where the environment turns it off: a clean
# build then takes about 115 s instead of 180 s on 2 cores. It is shut down after the build so nothing is left running.
build_rc=0
dotnet build WebOps.slnx -c Release -p:UseSharedCompilation=true || build_rc=$?
dotnet build-server shutdown >/dev/null 2>&1 || true
((build_rc == 0)) || fail "dotnet build failed after $((SECONDS - started)) s; no test ran"
printf '[test] dotnet build succeeded (%s s)\n' "$((SECONDS - started))"

started=$SECONDS
test_rc=0
dotnet test WebOps.slnx -c Release --no-build --logger "trx;LogFilePrefix=results" \
  --results-directory "$RESULTS" "$@" || test_rc=$?
printf '[test] dotnet test exited with %s (%s s)\n' "$test_rc" "$((SECONDS - started))"

# Totals over every .trx written (one per test project). Passed and failed come from <Counters>; skipped
# tests are those not executed: VSTest leaves notExecuted at 0 for xunit skips, so total - executed is
# used (or notExecuted, if larger). Lines out: "S<TAB>name<TAB>reason" per skipped test, then
# "T<TAB>passed<TAB>failed<TAB>skipped<TAB>files".
mapfile -t trx_files < <(find "$RESULTS" -type f -name '*.trx' | sort)
parsed=""
if ((${#trx_files[@]} > 0)); then
  parsed=$(awk '
    function attr(el, name,    n) {
      if (!match(el, "[ \t]" name "=\"[^\"]*\"")) return ""
      n = length(name)
      return substr(el, RSTART + n + 3, RLENGTH - n - 4)
    }
    function unxml(s) {
      gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s)
      gsub(/&amp;/, "\\&", s)
      return s
    }
    function skipped_test(name, reason) { print "S\t" unxml(name) "\t" unxml(reason) }
    FNR == 1 { files++; if (pending != "") skipped_test(pending, ""); pending = "" }
    {
      line = $0
      while (match(line, /<Counters[ \t][^>]*>/)) {
        el = substr(line, RSTART, RLENGTH); line = substr(line, RSTART + RLENGTH)
        total += attr(el, "total"); executed += attr(el, "executed"); passed += attr(el, "passed")
        failed += attr(el, "failed") + attr(el, "error") + attr(el, "timeout") + attr(el, "aborted")
        not_executed += attr(el, "notExecuted")
      }
      line = $0
      # The skip reason is the first line of the <Message> that follows a NotExecuted result.
      if (pending != "" && match(line, /<Message>/)) {
        reason = substr(line, RSTART + RLENGTH); sub(/<\/Message>.*/, "", reason)
        skipped_test(pending, reason); pending = ""
      } else if (pending != "" && line ~ /<\/UnitTestResult>/) {
        skipped_test(pending, ""); pending = ""
      }
      while (match(line, /<UnitTestResult[ \t][^>]*>/)) {
        el = substr(line, RSTART, RLENGTH); line = substr(line, RSTART + RLENGTH)
        if (attr(el, "outcome") != "NotExecuted") continue
        if (el ~ /\/>$/) skipped_test(attr(el, "testName"), ""); else pending = attr(el, "testName")
      }
    }
    END {
      if (pending != "") skipped_test(pending, "")
      skipped = total - executed
      if (not_executed > skipped) skipped = not_executed
      printf "T\t%d\t%d\t%d\t%d\n", passed, failed, skipped, files
    }
  ' "${trx_files[@]}")
fi

passed=0 failed=0 skipped=0 files=0
skipped_lines=()
while IFS=$'\t' read -r kind a b c d; do
  case $kind in
    S) skipped_lines+=("  - $a${b:+ : $b}") ;;
    T) passed=$a failed=$b skipped=$c files=$d ;;
    *) ;;
  esac
done <<<"$parsed"

if ((${#skipped_lines[@]} > 0)); then
  printf '[test] skipped tests:\n'
  printf '%s\n' "${skipped_lines[@]}"
elif ((skipped > 0)); then
  printf '[test] %s tests were not executed (no names in the .trx files)\n' "$skipped"
fi
printf '[test] results: %s .trx file(s) in %s\n' "$files" "$RESULTS"

status=0
if ((test_rc != 0)); then
  printf '[test] FAILED: dotnet test exited with %s\n' "$test_rc"
  status=1
fi
if ((failed > 0)); then
  printf '[test] FAILED: %s test(s) failed\n' "$failed"
  status=1
fi
if ((passed == 0)); then
  printf '[test] FAILED: no test passed (were any tests found and run?)\n'
  status=1
fi
summary "$passed" "$failed" "$skipped"
exit "$status"

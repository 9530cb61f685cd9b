#!/usr/bin/env bash
# Differential oracle of the workflow linter: `argo-gke lint` (dev.argogke.workflows.lint.Linter) against
# the real `argo lint --offline` (Argo v4.0.7, built from the Go module proxy by e2e/tools.sh argo) on
#   1. Argo's examples (../shared/conformance/argo-examples), linted as one set;
#   2. the linter's invalid cases (src/test/resources/lint/invalid/*.yaml), each alone;
#   3. mutated manifests (the manifest mutator of WorkflowFuzzTest, fixed seed), each alone, written to a
#      temporary folder that is removed afterwards (LINT_ORACLE_KEEP=1 keeps it).
# Every document's verdict (refused / accepted / skipped) is compared; each disagreement must match a class
# of e2e/oracles/lint-known-differences.txt. Prints
#   lint oracle: N documents compared, D disagreements (K explained)
# and exits 1 on an unexplained disagreement (all are listed in WORK/disagreements.txt).
#
# Environment: LINT_ORACLE_MUTANTS (default 10000), LINT_ORACLE_SEED (default 20260407), ARGO (the argo
# binary), ARGOGKE_SHARED (default ../shared), LINT_ORACLE_WORK (a folder to use and keep),
# LINT_ORACLE_WORKERS (parallel argo processes, default 2), LINT_ORACLE_BATCH (files per argo run, default 50).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
start=$(date +%s)

argo="${ARGO:-${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke/e2e/bin/argo}"
if [[ ! -x "$argo" ]]; then
  if [[ -x e2e/tools.sh ]]; then
    e2e/tools.sh argo >&2
  else
    echo "lint oracle: no argo CLI at $argo; build it with e2e/tools.sh argo (or set ARGO=/path/to/argo)" >&2
    exit 2
  fi
fi
shared="${ARGOGKE_SHARED:-$root/../shared}"
examples="$shared/conformance/argo-examples"
if [[ ! -d "$examples" ]]; then
  echo "lint oracle: Argo's examples are not at $examples (set ARGOGKE_SHARED)" >&2
  exit 2
fi

# The oracle is test code (it reuses the fuzz tests' mutator): compile the tests once, and keep the class path.
classpath=target/lint-oracle.classpath
if [[ ! -f "$classpath" || pom.xml -nt "$classpath" || -n "$(find src -newer "$classpath" -name '*.java' -print -quit)" ]]; then
  echo "lint oracle: compiling (mvn test-compile)..." >&2
  mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >&2
fi

work="${LINT_ORACLE_WORK:-}"
if [[ -z "$work" ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/lint-oracle.XXXXXX")"
  [[ -n "${LINT_ORACLE_KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT
fi
echo "lint oracle: $("$argo" version --short 2>/dev/null | head -1) against argo-gke lint; work folder $work"

status=0
java -XX:+UseSerialGC -Xss4m -cp "target/test-classes:target/classes:$(cat "$classpath")" \
  dev.argogke.workflows.lint.oracle.LintOracle \
  --root="$root" --argo="$argo" --examples="$examples" --work="$work" \
  --known="$root/e2e/oracles/lint-known-differences.txt" \
  --mutants="${LINT_ORACLE_MUTANTS:-10000}" --seed="${LINT_ORACLE_SEED:-20260407}" \
  --workers="${LINT_ORACLE_WORKERS:-2}" --batch="${LINT_ORACLE_BATCH:-50}" || status=$?
if [[ $status -ne 0 && -z "${LINT_ORACLE_WORK:-}" && -z "${LINT_ORACLE_KEEP:-}" ]]; then
  # Keep the evidence of a failed run.
  kept="${TMPDIR:-/tmp}/lint-oracle-failed-$(date +%s)"
  cp "$work/disagreements.txt" "$work/disagreements.jsonl" "$(mkdir -p "$kept" && echo "$kept")/" 2>/dev/null || true
  echo "lint oracle: the disagreements are kept in $kept" >&2
fi
echo "lint oracle: $(( $(date +%s) - start )) s in all (compile included)"
exit $status

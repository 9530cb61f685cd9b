#!/usr/bin/env bash
# Differential oracle: our cron code (dev.argogke.workflows.cron) against robfig/cron v3.0.1, the
# parser Argo's controller schedules CronWorkflows with, on random (schedule, zone, instant) triples.
#
#   e2e/oracles/cron.sh            # 100,000 triples, seed 20260101
#   CRON_ORACLE_SEED=7 CRON_ORACLE_TRIPLES=20000 e2e/oracles/cron.sh
#
# Prints "cron oracle: N triples compared, D disagreements (K explained)" and exits non-zero when
# a disagreement is not explained by e2e/oracles/cron-known-differences.txt. Needs go (any 1.24+;
# GOTOOLCHAIN=local, modules from the Go module proxy) and a JDK 17 (javac, java). Builds are cached
# under ${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke/e2e/cron-oracle, keyed by their sources.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/e2e/oracles"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke/e2e/cron-oracle"
seed="${CRON_ORACLE_SEED:-20260101}"
triples="${CRON_ORACLE_TRIPLES:-100000}"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

for tool in go javac java; do
  command -v "$tool" >/dev/null || { echo "cron oracle: '$tool' is not on PATH" >&2; exit 2; }
done
start=$SECONDS

# --- build (cached) -------------------------------------------------------------------------------
# The cron package and what it uses (dev.argogke.names: time zones as Go reads them; JDK only).
java_sources=("$root"/src/main/java/dev/argogke/workflows/cron/*.java "$root"/src/main/java/dev/argogke/names/*.java
  "$root"/src/test/java/dev/argogke/workflows/cron/{CronOracle,CronOracleTriple,CronKnownDifferences}.java)
go_key=$( (go version; cd "$here/cron" && cat go.mod go.sum ./*.go gen/*.go) | sha256sum | cut -c1-16)
java_key=$( (javac -version 2>&1; cat "${java_sources[@]}") | sha256sum | cut -c1-16)
go_bin="$cache/go-$go_key"
java_classes="$cache/java-$java_key"
if [[ ! -x "$go_bin/cron-oracle" || ! -x "$go_bin/cron-oracle-gen" ]]; then
  mkdir -p "$go_bin.tmp"
  (cd "$here/cron" && go build -o "$go_bin.tmp/cron-oracle" . && go build -o "$go_bin.tmp/cron-oracle-gen" ./gen)
  rm -rf "$go_bin" && mv "$go_bin.tmp" "$go_bin"
fi
if [[ ! -d "$java_classes" ]]; then
  rm -rf "$java_classes.tmp"
  javac -d "$java_classes.tmp" "${java_sources[@]}"
  mv "$java_classes.tmp" "$java_classes"
fi

# --- generate and run both sides ------------------------------------------------------------------
run="$cache/run"
mkdir -p "$run"
# Go's own tz database (the one Argo's controller embeds), not the host's; the controller's
# time.Local is UTC (see cron/main.go).
export TZ=UTC
zoneinfo="$(go env GOROOT)/lib/time/zoneinfo.zip"
[[ -f "$zoneinfo" ]] && export ZONEINFO="$zoneinfo"
tzdata=$(sed -n 's/^DATA=//p' "$(go env GOROOT)/lib/time/update.bash" 2>/dev/null || true)
echo "cron oracle: seed $seed, $triples triples; $(go version | cut -d' ' -f3) tz database ${tzdata:-?}" >&2

"$go_bin/cron-oracle-gen" -n "$triples" -seed "$seed" >"$run/triples.tsv" 2>/dev/null

# robfig's Next can spin for ever; the oracle then prints "hang" and exits 3, and we go on after it.
: >"$run/robfig.out"
while :; do
  answered=$(wc -l <"$run/robfig.out")
  set +e
  tail -n +"$((answered + 1))" "$run/triples.tsv" | "$go_bin/cron-oracle" >>"$run/robfig.out"
  status=${PIPESTATUS[1]}
  set -e
  [[ $status == 3 ]] || break
done
if [[ $status != 0 ]]; then
  echo "cron oracle: the Go side failed (exit $status)" >&2
  exit 2
fi
go_done=$SECONDS

set +e
java -cp "$java_classes" dev.argogke.workflows.cron.CronOracle \
  "$run/triples.tsv" "$run/robfig.out" "$here/cron-known-differences.txt" "$run/disagreements.tsv"
status=$?
set -e
echo "cron oracle: $((SECONDS - start)) s (builds and Go side $((go_done - start)) s); files in $run" >&2
exit $status

#!/usr/bin/env bash
# Differential oracle of the linter's EventSource and Sensor rules: Argo Events v1.9.10's own decoding and
# validation (e2e/oracles/events: a Go program linking github.com/argoproj/argo-events@v1.9.10 from the Go module
# proxy; it calls pkg/reconciler/eventsource ValidateEventSource and pkg/reconciler/sensor ValidateSensor) against
# argo-gke lint, document by document, on the linter's EventSource and Sensor cases and on Argo Events' examples.
#
#   e2e/oracles/events.sh          # builds the oracle (cached, ~10 min cold), then runs ArgoEventsOracleTest
#   e2e/oracles/events.sh --build  # only builds; prints the binary's path
#
# The binary goes to ${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke/e2e/bin/events-oracle, modules to
# ~/.cache/argo-gke/gomod (as e2e/tools.sh). ArgoEventsOracleTest skips when the binary is absent.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke"
bin="$cache/e2e/bin/events-oracle"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod GOMODCACHE="$cache/gomod" GOCACHE="$cache/gobuild" CGO_ENABLED=0

key=$( (go version; cd "$root/e2e/oracles/events" && cat go.mod go.sum main.go) | sha256sum | cut -c1-16)
if [[ ! -x "$bin" || "$(cat "$bin.key" 2>/dev/null)" != "$key" ]]; then
  echo "events oracle: building (go build, Argo Events v1.9.10 and its event source SDKs)..." >&2
  mkdir -p "$(dirname "$bin")"
  (cd "$root/e2e/oracles/events" && go build -trimpath -p 2 -o "$bin.tmp" .)
  mv "$bin.tmp" "$bin" && echo "$key" > "$bin.key"
fi
if [[ "${1:-}" == "--build" ]]; then
  echo "$bin"
  exit 0
fi
cd "$root"
EVENTS_ORACLE="$bin" mvn -B -q test -Dtest=ArgoEventsOracleTest
echo "events oracle: agreed (see ArgoEventsOracleTest)"

#!/usr/bin/env bash
# Wall time of the preview pipeline's commands, JVM start included, as a pull request pays it:
#   plan of the dev stack; plans of generated repos of 100 and 1000 CronWorkflows; diff; cost.
# Targets (issue 5): dev plan <= 2 s, 1000 workflows <= 5 s, on 2 cores.
# Usage: bench/plan.sh [RUNS]   (default 3 runs each; the best and the median are printed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
cli="$root/bin/argo-gke"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Build once, outside the timings.
"$cli" --version >/dev/null

# A repo of N CronWorkflows, each a 4-task DAG over the shared etl-step WorkflowTemplate.
generate() {
  local n="$1" dir="$2" i name
  mkdir -p "$dir"
  cp "$root/workflows/etl-step.yaml" "$dir/"
  for ((i = 1; i <= n; i++)); do
    name="$(printf 'job-%04d' "$i")"
    cat >"$dir/$name.yaml" <<YAML
apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: $name
  annotations:
    workflows.argoproj.io/description: Generated benchmark job $i.
spec:
  schedules:
    - "$((i % 60)) $((i % 24)) * * *"
  timezone: Europe/Oslo
  concurrencyPolicy: Forbid
  workflowSpec:
    entrypoint: main
    templates:
      - name: main
        dag:
          tasks:
            - name: extract-a
              templateRef: {name: etl-step, template: run}
              arguments: {parameters: [{name: job, value: $name-extract-a}]}
            - name: extract-b
              templateRef: {name: etl-step, template: run}
              arguments: {parameters: [{name: job, value: $name-extract-b}]}
            - name: load
              depends: "extract-a && extract-b"
              templateRef: {name: etl-step, template: run}
              arguments: {parameters: [{name: job, value: $name-load}]}
            - name: report
              depends: load
              templateRef: {name: etl-step, template: run}
              arguments: {parameters: [{name: job, value: $name-report}]}
YAML
  done
}

# Runs "$@" $runs times; prints the best and the median wall time in seconds.
measure() {
  local label="$1"; shift
  local times=() i start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local best median
  best=$(echo "$sorted" | head -1)
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  awk -v l="$label" -v b="$best" -v m="$median" -v r="$runs" \
    'BEGIN { printf "%-44s best %6.2f s   median %6.2f s   (%d runs)\n", l, b / 1000, m / 1000, r }'
}

generate 100 "$work/wf100"
generate 1000 "$work/wf1000"
# The 1000-workflow repo after a change to one job's schedule and shape, for the diff.
cp -r "$work/wf1000" "$work/wf1000b"
sed -i 's/"1 1 \* \* \*"/"30 3 * * *"/; s/depends: load$/depends: "load \&\& extract-b"/' "$work/wf1000b/job-0001.yaml"

echo "argo-gke preview benchmark ($(nproc) cores, $(java -version 2>&1 | head -1))"
measure "plan --stack dev" "$cli" plan --stack dev --out "$work/dev.json"
measure "plan --stack dev, 100 workflows" "$cli" plan --stack dev --workflows "$work/wf100" --out "$work/dev-100.json"
measure "plan --stack dev, 1000 workflows" "$cli" plan --stack dev --workflows "$work/wf1000" --out "$work/dev-1000.json"
"$cli" plan --stack dev --workflows "$work/wf1000b" --out "$work/dev-1000b.json" >/dev/null
measure "diff dev (committed workflows vs 100)" "$cli" diff --format markdown "$work/dev.json" "$work/dev-100.json"
measure "diff dev, 1000 workflows, one changed" "$cli" diff --format markdown "$work/dev-1000.json" "$work/dev-1000b.json"
measure "cost --plan dev" "$cli" cost --plan "$work/dev.json"
echo "plan sizes: dev $(wc -c <"$work/dev.json") B, 1000 workflows $(wc -c <"$work/dev-1000.json") B"

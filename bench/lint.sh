#!/usr/bin/env bash
# Lint throughput: documents per second over Argo's examples and over 1000 generated workflows,
# with JVM start included (the whole `bin/argo-gke lint` command) and excluded (Linter.lint timed
# in a warm JVM by LintBenchmark). Prints figures; asserts nothing. Target: >= 1000 docs/s warm.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
examples="${ARGOGKE_SHARED:-$root/../shared}/conformance/argo-examples"

# Build what is missing or stale: the jar (bin/argo-gke does that itself) and the test classes.
bench_class="target/test-classes/dev/argogke/workflows/lint/LintBenchmark.class"
if [ ! -f "$bench_class" ] || [ -n "$(find src pom.xml -newer "$bench_class" -print -quit)" ]; then
  echo "bench: compiling (mvn -o -q test-compile)..." >&2
  mvn -o -B -q test-compile >&2
fi
classpath_file="target/lint-bench.classpath"
if [ ! -f "$classpath_file" ] || [ pom.xml -nt "$classpath_file" ]; then
  mvn -o -B -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" >&2
fi
classpath="target/test-classes:target/classes:$(cat "$classpath_file")"
"$root/bin/argo-gke" --version >/dev/null # builds the jar if needed, outside the timings

# 1000 workflows like the ones users write: a DAG of four tasks, parameters, a retry strategy.
generated="$(mktemp -d)"
trap 'rm -rf "$generated"' EXIT
for i in $(seq -w 1 1000); do
  cat > "$generated/workflow-$i.yaml" <<YAML
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: etl-$i-
  labels:
    team: data
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: day
        value: "2024-01-$(( 10#$i % 28 + 1 ))"
  templates:
    - name: main
      dag:
        tasks:
          - name: extract
            template: run
            arguments:
              parameters: [{name: step, value: extract}]
          - name: transform
            template: run
            depends: extract
            arguments:
              parameters: [{name: step, value: transform}]
          - name: load
            template: run
            depends: "transform.Succeeded"
            arguments:
              parameters: [{name: step, value: load}]
          - name: report
            template: run
            depends: "load || transform.Failed"
            arguments:
              parameters: [{name: step, value: report}]
    - name: run
      inputs:
        parameters:
          - name: step
      retryStrategy:
        limit: 3
        retryPolicy: OnFailure
        backoff: {duration: 10s, factor: 2}
      container:
        image: europe-docker.pkg.dev/acme/etl/runner:1.4.2
        command: [python, -m, etl]
        args: ["{{inputs.parameters.step}}", "--day", "{{workflow.parameters.day}}"]
        resources:
          requests: {cpu: 250m, memory: 512Mi}
          limits: {memory: 1Gi}
YAML
done

whole_command() { # label path...
  local label="$1"; shift
  local start end docs
  start=$(date +%s%N)
  docs=$( ("$root/bin/argo-gke" lint "$@" || true) | tail -n 1 | awk '{print $2}')
  end=$(date +%s%N)
  awk -v l="$label, JVM start included:" -v d="$docs" -v ns="$((end - start))" \
    'BEGIN { printf "%-46s %5d docs  %8.0f docs/s  (%.2f s for the whole command)\n", l, d, d / (ns / 1e9), ns / 1e9 }'
}

echo "lint throughput ($(nproc) cores, $(java -version 2>&1 | head -n 1))"
if [ -d "$examples" ]; then
  whole_command "Argo examples" "$examples"
  java -cp "$classpath" dev.argogke.workflows.lint.LintBenchmark "Argo examples" "$examples"
else
  echo "Argo examples: skipped ($examples not found)"
fi
whole_command "1000 generated workflows" "$generated"
java -cp "$classpath" dev.argogke.workflows.lint.LintBenchmark "1000 generated workflows" "$generated"

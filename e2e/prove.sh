#!/usr/bin/env bash
# Proves the local control plane of e2e/cluster.sh with the built kubectl, workflow-controller
# and argo CLI. Prints one "ok"/"FAIL" line per check and ends with "N passed, N failed".
#
#   e2e/prove.sh [STATE_DIR]    (default: a fresh temporary directory, removed at the end
#                                unless E2E_KEEP=1)
#
# Argo's CRDs are read at run time from the argo-workflows chart in ../shared/charts (the
# chart the project deploys) or, failing that, from the Argo module in the module cache.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke"
BIN="$CACHE/e2e/bin"
USER_STATE=${1:-}
STATE=${USER_STATE:-$(mktemp -d /tmp/argo-gke-e2e.XXXXXX)}
mkdir -p "$STATE/logs" "$STATE/pids"
export KUBECONFIG="$STATE/kubeconfig"
k() { "$BIN/kubectl" "$@"; }
PASSED=0; FAILED=0
check() { # check DESCRIPTION COMMAND...: runs COMMAND, counts and prints the outcome
  local what=$1; shift
  local t0=$SECONDS out="$STATE/logs/check-$((PASSED + FAILED + 1)).out"
  if "$@" >"$out" 2>&1; then
    PASSED=$((PASSED + 1)); echo "ok   $what ($((SECONDS - t0)) s)"
  else
    FAILED=$((FAILED + 1)); echo "FAIL $what ($((SECONDS - t0)) s)"; sed 's/^/     /' "$out" | tail -15
  fi
  [[ -z "${E2E_VERBOSE:-}" ]] || sed 's/^/     /' "$out"
}
cleanup() {
  local pid
  if [[ -f "$STATE/pids/workflow-controller.pid" ]]; then
    # The controller does not always exit on SIGTERM (seen still running minutes later once
    # the API server had gone): give it 10 s, then SIGKILL.
    pid=$(cat "$STATE/pids/workflow-controller.pid")
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
    rm -f "$STATE/pids/workflow-controller.pid"
  fi
  "$HERE/cluster.sh" stop "$STATE" >/dev/null
  [[ -n "$USER_STATE" || "${E2E_KEEP:-}" == 1 ]] || rm -rf "$STATE"
}
trap 'cleanup' EXIT

t0=$SECONDS
"$HERE/cluster.sh" start "$STATE" || { echo "0 passed, 1 failed"; exit 1; }
echo "cluster started in $((SECONDS - t0)) s"

# ---- plain Kubernetes ------------------------------------------------------------------------
k create namespace proof >/dev/null
check "Deployment becomes Available (2 replicas, pods Running and Ready on kwok nodes)" bash -c '
  kubectl() { "$0" "$@"; }
  kubectl -n proof create deployment web --image=nginx:1.27 --replicas=2 &&
  kubectl -n proof wait --for=condition=Available deployment/web --timeout=60s &&
  kubectl -n proof get deployment,replicaset,pods -o wide &&
  test "$(kubectl -n proof get deployment web -o jsonpath={.status.availableReplicas})" = 2' "$BIN/kubectl"

k -n proof apply -f - >/dev/null <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: bare}
spec:
  restartPolicy: Never
  containers: [{name: main, image: busybox:1.36, command: [sleep, "3600"]}]
EOF
check "bare pod (restartPolicy Never, no owner) becomes Running and stays Running" bash -c '
  "$0" -n proof wait --for=jsonpath={.status.phase}=Running pod/bare --timeout=60s && sleep 5 &&
  test "$("$0" -n proof get pod bare -o jsonpath={.status.phase})" = Running' "$BIN/kubectl"

check "Job's pod completes (kwok pod-complete) and the Job is Complete" bash -c '
  "$0" -n proof create job once --image=busybox:1.36 -- true &&
  "$0" -n proof wait --for=condition=Complete job/once --timeout=60s' "$BIN/kubectl"

check "ServiceAccount admission mounted a projected token volume into the bare pod" bash -c '
  "$0" -n proof get pod bare -o jsonpath="{.spec.volumes[*].projected.sources[*].serviceAccountToken.path}" | grep -q token' "$BIN/kubectl"

check "PodSecurity admission enforces a namespace's restricted level" bash -c '
  "$0" create namespace restricted &&
  "$0" label namespace restricted pod-security.kubernetes.io/enforce=restricted &&
  ! "$0" -n restricted run priv --image=busybox:1.36 --privileged 2>"$1" &&
  grep "violates PodSecurity \"restricted:latest\"" "$1"' "$BIN/kubectl" "$STATE/logs/podsecurity.err"

check "namespace delete finalizes (pods, deployments, jobs gone; namespace gone)" \
  "$BIN/kubectl" delete namespace proof restricted --wait=true --timeout=90s

# ---- Argo Workflows --------------------------------------------------------------------------
crds="$HERE/../../shared/charts/argo-workflows/files/crds/full"
[[ -d "$crds" ]] || crds="$(ls -d "$CACHE"/e2e/mods/argo-workflows/manifests/base/crds/full 2>/dev/null)"
check "Argo CRDs (full) apply and become Established (from $crds)" bash -c '
  "$0" apply --server-side -f "$1" &&
  "$0" wait --for=condition=Established crd/workflows.argoproj.io crd/workflowtaskresults.argoproj.io --timeout=30s' \
  "$BIN/kubectl" "$crds"

k create namespace argo >/dev/null
# Metrics off: its server would listen on :9090 on every interface. (The controller's
# /healthz server always listens on :6060, every interface: cmd/workflow-controller/main.go.)
# A one-line value is pasted inline after "key: " (config/controller.go parseConfigMap), so
# a nested setting needs a trailing newline to be indented as a block.
# No stand-in for the executor's wait container is needed for templates without outputs:
# a pod node starts with taskResultSynced=true (operator.go initializeNode @ v4.0.7) and only a
# WorkflowTaskResult labelled report-outputs-completed=false makes it wait.
k -n argo create configmap workflow-controller-configmap --from-literal=metricsConfig=$'enabled: false\n' >/dev/null
LEADER_ELECTION_DISABLE=true setsid "$BIN/workflow-controller" --kubeconfig "$KUBECONFIG" \
  --namespace argo --executor-image quay.io/argoproj/argoexec:e2e \
  >"$STATE/logs/workflow-controller.log" 2>&1 </dev/null &
echo $! >"$STATE/pids/workflow-controller.pid"

cat >"$STATE/hello.yaml" <<'EOF'
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: hello-}
spec:
  entrypoint: main
  templates:
  - name: main
    container: {image: busybox:1.36, command: [echo, hello]}
EOF
check "one-step Workflow submitted with the argo CLI reaches Succeeded" bash -c '
  name=$("$0" -n argo submit "$1" -o name) || exit 1
  timeout 120 "$0" -n argo wait "$name"
  "$0" -n argo get "$name"
  test "$("$2" -n argo get workflow "$name" -o jsonpath={.status.phase})" = Succeeded' \
  "$BIN/argo" "$STATE/hello.yaml" "$BIN/kubectl"

cat >"$STATE/steps.yaml" <<'EOF2'
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: steps-}
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - [{name: first, template: echo}]
    - [{name: second, template: echo}]
  - name: echo
    container: {image: busybox:1.36, command: [echo, step]}
EOF2
check "two sequential steps run one after the other and the Workflow reaches Succeeded" bash -c '
  name=$("$0" -n argo submit "$1" -o name) || exit 1
  timeout 120 "$0" -n argo wait "$name"
  "$0" -n argo get "$name"
  test "$("$2" -n argo get workflow "$name" -o jsonpath={.status.phase})" = Succeeded &&
  test "$("$2" -n argo get workflow "$name" -o jsonpath={.status.progress})" = 2/2' \
  "$BIN/argo" "$STATE/steps.yaml" "$BIN/kubectl"

echo "total $((SECONDS - t0)) s"
echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]

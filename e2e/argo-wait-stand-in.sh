#!/usr/bin/env bash
# Stands in for the `wait` container of Argo's executor on kwok nodes, where no container runs.
#
#   e2e/argo-wait-stand-in.sh KUBECONFIG      loop until killed (run it in the background)
#
# Why: the controller gives every pod node taskResultSynced=false and will not finish the
# Workflow while any is false (WorkflowStatus.TaskResultsInProgress, checked before the
# workflow is marked completed in workflow/controller/operator.go @ v4.0.7). Only a
# WorkflowTaskResult labelled workflows.argoproj.io/report-outputs-completed=true flips it
# (taskResultReconciliation in workflow/controller/taskresult.go). The real wait container
# creates that object (workflow/executor/taskresult.go: createTaskResult, named after the node
# id, labelled with the workflow name, owned by the Workflow) and sets the label to "true" when
# it has reported the outputs. This script does the same, with no outputs, for each pod of a
# Workflow that kwok has finished (phase Succeeded or Failed). Templates that declare outputs
# (parameters, artifacts, result) therefore never succeed here: nothing produces the outputs.
set -euo pipefail
KUBECONFIG_FILE=${1:?usage: argo-wait-stand-in.sh KUBECONFIG}
BIN="${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke/e2e/bin"
k() { "$BIN/kubectl" --kubeconfig "$KUBECONFIG_FILE" "$@"; }

declare -A reported=()
tmpl='{{range .items}}{{if or (eq .status.phase "Succeeded") (eq .status.phase "Failed")}}'
tmpl+='{{.metadata.namespace}} {{index .metadata.labels "workflows.argoproj.io/workflow"}} '
tmpl+='{{index .metadata.annotations "workflows.argoproj.io/node-id"}} '
tmpl+='{{range .metadata.ownerReferences}}{{if eq .kind "Workflow"}}{{.uid}}{{end}}{{end}}{{"\n"}}{{end}}{{end}}'

while true; do
  while read -r ns wf node uid; do
    [[ -n "${uid:-}" && -z "${reported[$ns/$node]:-}" ]] || continue
    if k apply -f - >/dev/null <<EOF
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTaskResult
metadata:
  name: $node
  namespace: $ns
  labels:
    workflows.argoproj.io/workflow: $wf
    workflows.argoproj.io/report-outputs-completed: "true"
  ownerReferences:
  - apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    name: $wf
    uid: $uid
EOF
    then
      reported[$ns/$node]=1
      echo "reported task result $ns/$node (workflow $wf)"
    fi
  done < <(k get pods -A -l workflows.argoproj.io/workflow -o go-template="$tmpl" 2>/dev/null || true)
  sleep 1
done

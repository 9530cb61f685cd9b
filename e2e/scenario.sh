# The end-to-end scenario, sourced by bin/e2e (which defines check, die, ROOT, SHARED, BIN, STATE
# and LOGS). Each step is one `check` of what the real tools answered.

E2E_CRON=e2e-every-minute      # e2e/workflows/: fires every minute, one step without outputs
EDITED_CRON=nightly-reports    # a repository CronWorkflow whose schedule the scenario edits
NEW_SCHEDULE="17 5 * * *"
ARGO_NS=argo                   # the controller and argo-server
WF_NS=argo-workflows           # where the workflows run (workflows.namespace's default)
GUARDED_CRON=employee-directory-sync  # a repository CronWorkflow the UI checks suspend, resume and try to edit
UI_USER=system:serviceaccount:$ARGO_NS:argo-server   # whom every UI user acts as (--auth-mode=server)
UI_POLICY=argo-gke-ui-cronworkflows-suspend-only     # CronWorkflowEditGuard.POLICY
UI_REFUSAL="change CronWorkflows in workflows/ and deploy; the Argo UI may only suspend or resume them"

k() { kubectl --kubeconfig "$KUBECONFIG" "$@"; }
# The event-driven part (Argo Events' EventSource and Sensor as local processes): run_events.
. "$(dirname "${BASH_SOURCE[0]}")/events.sh"
in_project() { (cd "$PROJECT" && "$@"); }

cleanup() {
  local pid
  for pid in "$STATE"/pids/*.pid; do
    [[ -f "$pid" ]] && kill -- -"$(cat "$pid")" 2>/dev/null
  done
  sleep 2
  # workflow-controller ignores SIGTERM (e2e/README.md).
  for pid in "$STATE"/pids/*.pid; do
    [[ -f "$pid" ]] && kill -KILL -- -"$(cat "$pid")" 2>/dev/null
  done
  "$ROOT/e2e/cluster.sh" stop "$STATE/cluster" >/dev/null 2>&1
}

# background NAME CMD...: a process of the scenario (its own process group), stopped by cleanup.
background() {
  local name=$1
  shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE/pids/$name.pid"
}

start_cluster() {
  mkdir -p "$STATE/pids"
  trap cleanup EXIT
  "$ROOT/e2e/cluster.sh" start "$STATE/cluster" >"$LOGS/cluster-start.log" 2>&1 \
    || { tail -20 "$LOGS/cluster-start.log"; die "the local control plane did not start"; }
  export KUBECONFIG="$STATE/cluster/kubeconfig"
}

# The project as a user has it, with one more stack, Pulumi.e2e.yaml, for the cluster above.
make_project() {
  PROJECT="$STATE/project"
  mkdir -p "$PROJECT/stacks"
  cp "$ROOT/Pulumi.yaml" "$PROJECT/"
  ln -s "$ROOT/target" "$PROJECT/target"
  cp -r "$ROOT/workflows" "$PROJECT/workflows"
  cp "$ROOT"/e2e/workflows/*.yaml "$PROJECT/workflows/"
  cat >"$PROJECT/stacks/Pulumi.e2e.yaml" <<EOF
config:
  argo-gke:environment: dev
  argo-gke:cluster:
    existing:
      kubeconfig: $KUBECONFIG
  argo-gke:argo:
    chartPath: $(cd "$SHARED/charts/argo-workflows" && pwd)
  argo-gke:events:
    chartPath: $(cd "$SHARED/charts/argo-events" && pwd)
  argo-gke:workflows:
    suspendAll: false
EOF
}

# The Pulumi CLI on a local file backend, with the Java host and the Kubernetes provider built here.
setup_pulumi() {
  export PULUMI_HOME="$STATE/pulumi-home" PULUMI_BACKEND_URL="file://$STATE/backend"
  export PULUMI_CONFIG_PASSPHRASE=e2e-only PULUMI_SKIP_UPDATE_CHECK=true
  export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
  mkdir -p "$STATE/backend"
  # com.pulumi:kubernetes 4.0.0 asks the engine for plugin version 4.0.0: the provider built by
  # e2e/tools.sh is installed under that version, so nothing is downloaded.
  check "the Kubernetes provider is installed for the CLI from the local build" \
    pulumi plugin install resource kubernetes 4.0.0 --file "$BIN/pulumi-resource-kubernetes"
  check "pulumi stack init e2e (file backend)" in_project pulumi stack init e2e --non-interactive
}

# Stands in for the chart's CRD install Job (templates/crds-install-job.yaml), whose container
# applies the full CRDs it downloads from GitHub: kwok runs no container and there is no network,
# so this applies the same files of the same chart when the Job appears.
# It watches (a poll could miss a Job that Helm deletes once done); cluster.sh gives Job pods the
# seconds a real apply takes before kwok completes them.
crd_job_stand_in() {
  grep -m1 -q "job.batch/argo-crd-install" < <(k get jobs -A --watch -o name)
  k apply --server-side --force-conflicts -f "$SHARED/charts/argo-workflows/files/crds/full/"
  k wait --for=condition=Established crd --all --timeout=60s
}

every_cron_is_deployed() {
  local want have
  want=$(grep -l "^kind: CronWorkflow" "$PROJECT"/workflows/*.yaml | wc -l)
  have=$(k -n "$WF_NS" get cronworkflows -o name | wc -l)
  echo "CronWorkflows in workflows/: $want, in the cluster: $have"
  [[ "$want" -eq "$have" && "$have" -gt 0 ]]
}

# The offline plan names every resource exactly as the real engine did: same URNs, no more, no less.
plan_urns_are_the_engines() {
  in_project pulumi stack export --file "$LOGS/state.json" || return 1
  "$ROOT/bin/argo-gke" plan --stack-file "$PROJECT/stacks/Pulumi.e2e.yaml" --workflows "$PROJECT/workflows" \
    --out "$LOGS/plan-e2e.json" >/dev/null || return 1
  python3 - "$LOGS/state.json" "$LOGS/plan-e2e.json" <<'EOF'
import json, sys
state = {r["urn"] for r in json.load(open(sys.argv[1]))["deployment"]["resources"]
         if "::default" not in r["urn"]}
plan = {r["urn"] for r in json.load(open(sys.argv[2]))["resources"]}
print(len(state), "in the engine's state,", len(plan), "in the plan")
for u in sorted(state - plan): print("only in state:", u)
for u in sorted(plan - state): print("only in plan: ", u)
sys.exit(0 if state == plan else 1)
EOF
}

# Pod Security Admission in both namespaces (ArgoWorkflows.NAMESPACE_LABELS): the API server
# itself refuses a privileged pod, whoever asks.
privileged_pod_is_refused() {
  local out
  out=$(k -n "$1" run e2e-privileged --image=busybox:1.36 --restart=Never --privileged 2>&1)
  echo "$out"
  echo "$out" | grep -q 'violates PodSecurity "baseline:latest"'
}

# What the real API server's RBAC lets the controller's account do (ControllerRbac and the chart's
# Role, with singleNamespace): everything a run needs in the workflows namespace, nothing elsewhere.
controller_is_confined() {
  local as=(--as "system:serviceaccount:$ARGO_NS:argo-workflow-controller")
  k auth can-i create pods -n "$WF_NS" "${as[@]}" && k auth can-i update workflows.argoproj.io -n "$WF_NS" "${as[@]}" || return 1
  local where
  for where in "-n default" "-n kube-system" "--all-namespaces"; do
    # shellcheck disable=SC2086
    if k auth can-i create pods $where "${as[@]}"; then echo "the controller may create pods ($where)"; return 1; fi
  done
  if k auth can-i list secrets -n "$WF_NS" "${as[@]}"; then echo "the controller may list Secrets"; return 1; fi
}

# The API server type-checks a ValidatingAdmissionPolicy against the schema of what it matches, once
# per generation, and only if the kind is known then (k8s.io/apiserver v0.36.5
# pkg/admission/plugin/policy/validating/typechecking.go; kube-controller-manager's
# validatingadmissionpolicystatus controller). The deployed policy may predate Argo's CRDs, so an
# unbound copy is checked now, beside a copy with a field the schema lacks, which must be warned of.
ui_policy_type_checks() {
  local copy="$UI_POLICY-typecheck" control="$UI_POLICY-typecheck-control" ok=0
  k get validatingadmissionpolicy "$UI_POLICY" -o json >"$STATE/ui-policy.json" || return 1
  python3 - "$STATE/ui-policy.json" "$copy" "$control" >"$STATE/ui-policy-copies.json" <<'PY' || return 1
import json, sys
policy = json.load(open(sys.argv[1]))
def copy(name, extra=None):
    spec = json.loads(json.dumps(policy["spec"]))
    if extra:
        spec["validations"].append({"expression": extra})
    return {"apiVersion": policy["apiVersion"], "kind": policy["kind"], "metadata": {"name": name}, "spec": spec}
print(json.dumps({"apiVersion": "v1", "kind": "List",
                  "items": [copy(sys.argv[2]), copy(sys.argv[3], "object.spec.noSuchField == 'x'")]}))
PY
  k create -f "$STATE/ui-policy-copies.json" || return 1
  for _ in $(seq 1 30); do
    [[ "$(k get validatingadmissionpolicy "$copy" "$control" -o jsonpath='{.items[*].status.observedGeneration}')" == "1 1" ]] && break
    sleep 1
  done
  k get validatingadmissionpolicy "$copy" "$control" -o jsonpath='{range .items[*]}{.metadata.name}: {.status.typeChecking}{"\n"}{end}'
  [[ -z "$(k get validatingadmissionpolicy "$copy" -o jsonpath='{.status.typeChecking.expressionWarnings}')" ]] || ok=1
  k get validatingadmissionpolicy "$control" -o jsonpath='{.status.typeChecking.expressionWarnings}' | grep -q "undefined field 'noSuchField'" || ok=1
  k delete validatingadmissionpolicy "$copy" "$control"
  return $ok
}

guarded_cron() { k -n "$WF_NS" get cronworkflow "$GUARDED_CRON" -o jsonpath="$1"; }
# The real argo CLI without ARGO_SERVER runs argo-server's own service code in process
# (pkg/apiclient/argo-kube-client.go); --as is client-go's impersonation flag.
argo_as_ui() { argo --kubeconfig "$KUBECONFIG" -n "$WF_NS" --as "$UI_USER" "$@"; }

ui_suspends_and_resumes() {
  guarded_cron '{.spec}' >"$STATE/guarded-spec-before.json" || return 1
  argo_as_ui cron suspend "$GUARDED_CRON" || return 1
  [[ "$(guarded_cron '{.spec.suspend}')" == true ]] || return 1
  argo_as_ui cron resume "$GUARDED_CRON" || return 1
  [[ "$(guarded_cron '{.spec.suspend}')" == false ]]
}

# refused_with_reason CMD...: CMD fails, and says it is the policy's refusal naming spec.schedules.
refused_with_reason() {
  local out
  out=$("$@" 2>&1) && { echo "accepted: $out"; return 1; }
  echo "$out"
  echo "$out" | grep -qF "$UI_REFUSAL" && echo "$out" | grep -q "spec.schedules"
}

ui_schedule_change_is_refused() {
  refused_with_reason k -n "$WF_NS" --as "$UI_USER" patch cronworkflow "$GUARDED_CRON" \
    --type=merge -p '{"spec":{"schedules":["'"$NEW_SCHEDULE"'"]}}' || return 1
  [[ "$(guarded_cron '{.spec.schedules[0]}')" != "$NEW_SCHEDULE" ]]
}

# What the UI's editor sends: argo-server's UpdateCronWorkflow with the whole object.
ui_edit_is_refused() {
  python3 - "$PROJECT/workflows/$GUARDED_CRON.yaml" "$NEW_SCHEDULE" >"$STATE/$GUARDED_CRON-edited.yaml" <<'PY' || return 1
import re, sys
# The CronWorkflow document only (the file also holds the WorkflowTemplate it runs).
text = next(d for d in re.split(r'(?m)^---\s*$', open(sys.argv[1]).read()) if re.search(r'(?m)^kind: CronWorkflow\s*$', d))
edited = re.sub(r'(schedules:\s*\n\s*-\s*)"?[^"\n]+"?', lambda m: m.group(1) + '"' + sys.argv[2] + '"', text, count=1)
assert edited != text, "no schedule to edit in " + sys.argv[1]
print(edited, end="")
PY
  refused_with_reason argo_as_ui cron update "$STATE/$GUARDED_CRON-edited.yaml"
}

# The deploying user (here the cluster's admin) is not judged; the deploy's form is put back after.
deployer_schedule_change_is_accepted() {
  local schedules
  schedules=$(guarded_cron '{.spec.schedules}')
  k -n "$WF_NS" patch cronworkflow "$GUARDED_CRON" --type=merge -p '{"spec":{"schedules":["'"$NEW_SCHEDULE"'"]}}' || return 1
  [[ "$(guarded_cron '{.spec.schedules[0]}')" == "$NEW_SCHEDULE" ]] || return 1
  k -n "$WF_NS" patch cronworkflow "$GUARDED_CRON" --type=merge -p '{"spec":{"schedules":'"$schedules"'}}' || return 1
  if ! python3 -c 'import json,sys; sys.exit(0 if "suspend" in json.load(open(sys.argv[1])) else 1)' "$STATE/guarded-spec-before.json"; then
    k -n "$WF_NS" patch cronworkflow "$GUARDED_CRON" --type=merge -p '{"spec":{"suspend":null}}' || return 1
  fi
  guarded_cron '{.spec}' | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin) == json.load(open(sys.argv[1])) else 1)' \
    "$STATE/guarded-spec-before.json"
}

ui_may_only_suspend_and_resume() {
  check "the API server type-checks the UI's CronWorkflow policy against Argo's CRD without a warning" ui_policy_type_checks
  check "as argo-server (argo CLI v4.0.7, its own code in process): suspend and resume $GUARDED_CRON" ui_suspends_and_resumes
  check "as argo-server: a schedule change of $GUARDED_CRON is refused, saying to change workflows/ and deploy" ui_schedule_change_is_refused
  check "as argo-server: argo cron update (the UI's editor) of $GUARDED_CRON is refused" ui_edit_is_refused
  check "as the deploying user: the same schedule change is accepted (then the deployed form is put back)" deployer_schedule_change_is_accepted
}

# A stack that breaks a rule, on the same cluster before anything is deployed there: the program
# runs once under the real engine and checks the rules on what it registered (deploy.CheckedRun),
# so the preview that `pulumi up` runs first fails and the update never starts
# (pulumi/pulumi v3.276.0 pkg/backend/apply.go PreviewThenPromptThenExecute).
rule_breaker_creates_nothing() {
  local dir="$STATE/breaks-a-rule" stack=e2e-breaks-a-rule out rc
  mkdir -p "$dir/stacks"
  cp "$PROJECT/Pulumi.yaml" "$dir/"
  ln -s "$ROOT/target" "$dir/target"
  cp -r "$PROJECT/workflows" "$dir/workflows"
  cp "$ROOT"/e2e/workflows/breaks-a-rule/*.yaml "$dir/workflows/"
  cp "$PROJECT/stacks/Pulumi.e2e.yaml" "$dir/stacks/Pulumi.$stack.yaml"
  (cd "$dir" && pulumi stack init "$stack" --non-interactive) || return 1
  out=$(cd "$dir" && pulumi up --yes --non-interactive 2>&1)
  rc=$?
  echo "$out"
  [[ $rc -ne 0 ]] || return 1
  echo "$out" | grep -q "policy workflow-pods-confined: .*host-network.*hostNetwork" || return 1
  echo "$out" | grep -q "nothing was created" || return 1
  (cd "$dir" && pulumi stack export) | python3 -c '
import json, sys
resources = json.load(sys.stdin).get("deployment", {}).get("resources") or []
print(len(resources), "resources in its state")
sys.exit(1 if resources else 0)' || return 1
  ! k get namespace "$ARGO_NS" "$WF_NS" 2>/dev/null
}

# External Secrets Operator's own CRDs, from its Go module at v1.3.2 (the release chart 1.3.2 installs;
# config/crds/bases), admit the committed ExternalSecret and the SecretStore as the GKE stacks deploy them
# (read from the committed dev plan, src/test/resources/plan/dev-base.json, which PlanFixturesTest holds to
# the program), and refuse a misspelt field. Server-side dry runs with strict field validation: nothing is
# stored. The e2e stack itself (a cluster by kubeconfig, no Secret Manager) deploys neither object.
# crds_established CRD...: waits until each CustomResourceDefinition is served. Right after the apply a CRD may
# have no status yet, which kubectl wait reports as an error: ask again.
crds_established() {
  local crd
  for crd in "$@"; do
    for _ in $(seq 1 30); do
      k wait --for=condition=Established "crd/$crd" --timeout=60s 2>/dev/null && break
      sleep 1
    done
    k wait --for=condition=Established "crd/$crd" --timeout=1s || return 1
  done
}

ESO_MODULE=github.com/external-secrets/external-secrets@v1.3.2
# module_dir MODULE@VERSION: the module's folder, fetched from the Go module proxy into the tools' cache.
module_dir() {
  (cd "$STATE" && GOTOOLCHAIN=local GOFLAGS=-mod=mod GOMODCACHE="${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke/gomod" \
    go mod download -json "$1") | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'
}

external_secrets_crds_admit_ours() {
  local crds objs out
  crds="$(module_dir "$ESO_MODULE")/config/crds/bases"
  [[ -d "$crds" ]] || { echo "no CRDs at $crds"; return 1; }
  k apply --server-side -f "$crds/external-secrets.io_externalsecrets.yaml" -f "$crds/external-secrets.io_secretstores.yaml" || return 1
  crds_established externalsecrets.external-secrets.io secretstores.external-secrets.io || return 1
  objs="$STATE/external-secrets"
  rm -rf "$objs" && mkdir -p "$objs/ours" || return 1
  python3 - "$ROOT/src/test/resources/plan/dev-base.json" "$objs" <<'PY' || return 1
import copy, json, sys
plan, out = sys.argv[1:3]
def planned(kind):
    return [{k: r["inputs"][k] for k in ("apiVersion", "kind", "metadata", "spec")}
            for r in json.load(open(plan))["resources"] if r["type"] == "kubernetes:external-secrets.io/v1:" + kind]
secrets, stores = planned("ExternalSecret"), planned("SecretStore")
assert secrets and len(stores) == 1, (len(secrets), len(stores))
for s in secrets:
    json.dump(s, open("%s/ours/externalsecret-%s.json" % (out, s["metadata"]["name"]), "w"))
json.dump(stores[0], open(out + "/ours/secretstore.json", "w"))
misspelt = copy.deepcopy(stores[0])
auth = misspelt["spec"]["provider"]["gcpsm"]["auth"]["workloadIdentity"]
auth["serviceAccountRefs"] = auth.pop("serviceAccountRef")
json.dump(misspelt, open(out + "/misspelt.json", "w"))
print(len(secrets), "ExternalSecret(s) and the SecretStore, as the program deploys them")
PY
  k apply --dry-run=server --validate=strict -n "$WF_NS" -f "$objs/ours/" || return 1
  out=$(k apply --dry-run=server --validate=strict -n "$WF_NS" -f "$objs/misspelt.json" 2>&1) && { echo "$out"; return 1; }
  echo "$out"
  echo "$out" | grep -q 'unknown field "spec.provider.gcpsm.auth.workloadIdentity.serviceAccountRefs"'
}

# Argo Events v1.9.10's CRDs (its Go module's manifests/base/crds, the ones chart 2.4.22 installs) on the real API
# server admit the EventSources and Sensors the linter accepts (src/test/resources/lint/valid/events), in a
# namespace of their own, with the templates they trigger (server-side dry run). These CRDs leave spec unchecked
# (x-kubernetes-preserve-unknown-fields), so spec is the linter's and the events oracle's to judge; this proves the
# kinds, API versions and metadata the API server wants of them.
ARGO_EVENTS_MODULE=github.com/argoproj/argo-events@v1.9.10
argo_events_crds_admit_ours() {
  local crds objs
  crds="$(module_dir "$ARGO_EVENTS_MODULE")/manifests/base/crds"
  [[ -d "$crds" ]] || { echo "no CRDs at $crds"; return 1; }
  k apply --server-side -f "$crds/argoproj.io_eventsources.yaml" -f "$crds/argoproj.io_sensors.yaml" -f "$crds/argoproj.io_eventbus.yaml" || return 1
  crds_established eventsources.argoproj.io sensors.argoproj.io eventbus.argoproj.io || return 1
  objs="$ROOT/src/test/resources/lint/valid/events"
  echo "$(grep -hcE '^kind: (EventSource|Sensor)$' "$objs"/*.yaml | awk '{n += $1} END {print n}') EventSources and Sensors, beside the templates they trigger"
  k create namespace argo-events-e2e --dry-run=client -o yaml | k apply -f - || return 1
  k apply --dry-run=server -n argo-events-e2e -f "$objs/" | tee "$STATE/argo-events-admitted.txt" || return 1
  k delete namespace argo-events-e2e --wait=false || return 1
  [[ $(grep -cE '^(eventsource|sensor)\.argoproj\.io/' "$STATE/argo-events-admitted.txt") -ge 4 ]]
}

deploy() {
  check "a stack that breaks a rule: pulumi up fails in its preview, naming the rule, and creates nothing" rule_breaker_creates_nothing
  check "pulumi preview of the e2e stack succeeds" in_project pulumi preview --non-interactive --diff
  background crd-job-stand-in bash -c "$(declare -f k crd_job_stand_in)
    ARGO_NS=$ARGO_NS SHARED='$SHARED' KUBECONFIG='$KUBECONFIG' crd_job_stand_in"
  check "pulumi up installs Argo from the real chart and deploys workflows/" \
    in_project pulumi up --yes --non-interactive --skip-preview
  check "Argo's controller and server Deployments are available" \
    k -n "$ARGO_NS" wait --for=condition=Available deployment/argo-workflow-controller deployment/argo-server --timeout=60s
  check "every CronWorkflow of workflows/ is in the cluster" every_cron_is_deployed
  check "the API server refuses a privileged pod in the workflows namespace (Pod Security: baseline)" privileged_pod_is_refused "$WF_NS"
  check "the API server refuses a privileged pod in Argo's namespace (Pod Security: baseline)" privileged_pod_is_refused "$ARGO_NS"
  check "the controller's account may run workflows in $WF_NS and nothing outside it (real RBAC)" controller_is_confined
  check "a second pulumi up changes nothing" in_project pulumi up --yes --non-interactive --expect-no-changes
  check "the offline plan's URNs are the real engine's" plan_urns_are_the_engines
  check "External Secrets Operator's CRDs admit the committed ExternalSecret and the planned SecretStore (server-side dry run)" \
    external_secrets_crds_admit_ours
  check "Argo Events v1.9.10's CRDs admit the EventSources and Sensors the linter accepts (server-side dry run)" \
    argo_events_crds_admit_ours
  ui_may_only_suspend_and_resume
}

# preview_counts: pulumi preview --json's change summary, as "op=count" lines.
one_update_of_the_edited_cron() {
  in_project pulumi preview --json --non-interactive >"$LOGS/edit-preview.json" || return 1
  python3 - "$LOGS/edit-preview.json" "$EDITED_CRON" <<'EOF'
import json, sys
steps = [s for s in json.load(open(sys.argv[1])).get("steps", []) if s.get("op") not in ("same", None)]
for s in steps:
    print(s["op"], s["urn"])
sys.exit(0 if len(steps) == 1 and steps[0]["op"] == "update" and steps[0]["urn"].endswith("::workflows-cronworkflow-" + sys.argv[2]) else 1)
EOF
}

edit_one_cron() {
  python3 - "$PROJECT/workflows/$EDITED_CRON.yaml" "$NEW_SCHEDULE" <<'EOF'
import re, sys
path, schedule = sys.argv[1], sys.argv[2]
text = open(path).read()
edited = re.sub(r'(schedules:\s*\n\s*-\s*)"?[^"\n]+"?', lambda m: m.group(1) + '"' + schedule + '"', text, count=1)
assert edited != text, "no schedule to edit in " + path
open(path, "w").write(edited)
EOF
  check "after editing one CronWorkflow, the preview updates exactly that one resource" one_update_of_the_edited_cron
  check "pulumi up applies the edit" in_project pulumi up --yes --non-interactive --skip-preview
  check "the live CronWorkflow has the new schedule" bash -c \
    'test "$("$@")" = "'"$NEW_SCHEDULE"'"' _ kubectl --kubeconfig "$KUBECONFIG" -n "$WF_NS" get cronworkflow "$EDITED_CRON" -o 'jsonpath={.spec.schedules[0]}'
}

first_workflow_of() {
  k -n "$WF_NS" get workflows -l "workflows.argoproj.io/cron-workflow=$1" -o name | head -1
}

controller_fires_the_cron() {
  local name
  for _ in $(seq 1 75); do
    name=$(first_workflow_of "$E2E_CRON")
    [[ -n "$name" ]] && { k -n "$WF_NS" get "$name" -o yaml | head -30; return 0; }
    sleep 2
  done
  return 1
}

# account_kubeconfig NAMESPACE ACCOUNT FILE: a kubeconfig that acts as that service account, with a token the API
# server issues (TokenRequest), so a program run with it has exactly the rights the deploy gave the account.
account_kubeconfig() {
  local token server
  token=$(k -n "$1" create token "$2" --duration 2h) || return 1
  server=$(k config view --minify -o 'jsonpath={.clusters[0].cluster.server}')
  KUBECONFIG="$3" kubectl config set-cluster e2e --server "$server" \
    --certificate-authority "$STATE/cluster/pki/ca.crt" --embed-certs >/dev/null || return 1
  KUBECONFIG="$3" kubectl config set-credentials "$2" --token "$token" >/dev/null
  KUBECONFIG="$3" kubectl config set-context e2e --cluster e2e --user "$2" >/dev/null
  KUBECONFIG="$3" kubectl config use-context e2e >/dev/null
}

controller_kubeconfig() { account_kubeconfig "$ARGO_NS" argo-workflow-controller "$STATE/controller.kubeconfig"; }

# submit_and_expect NAME PHASE MESSAGE: creates Workflow NAME from e2e/workflows/refused/NAME.yaml
# and waits until the controller gives it PHASE with MESSAGE in its status.
submit_and_expect() {
  k -n "$WF_NS" create -f "$ROOT/e2e/workflows/refused/$1.yaml" || return 1
  k -n "$WF_NS" wait --for=jsonpath="{.status.phase}"="$2" "workflow/$1" --timeout=60s || return 1
  k -n "$WF_NS" get "workflow/$1" -o 'jsonpath={.status.message}' | tee /dev/stderr | grep -qF "$3"
}

run_controller() {
  check "a token of the controller's own service account (TokenRequest)" controller_kubeconfig
  # The real controller as a process: the chart's Deployment runs on kwok, where no container runs.
  # Flags as the chart renders them (--namespaced from singleNamespace, --managed-namespace from
  # controller.extraArgs), acting as its own service account, not as the cluster's admin.
  LEADER_ELECTION_DISABLE=true background workflow-controller workflow-controller --kubeconfig "$STATE/controller.kubeconfig" \
    --namespace "$ARGO_NS" --namespaced --managed-namespace "$WF_NS" --configmap argo-workflow-controller-configmap \
    --executor-image "quay.io/argoproj/argoexec:$ARGO_IMAGE_TAG"
  check "the controller, not the test, creates a Workflow from $E2E_CRON at its scheduled minute" controller_fires_the_cron
  check "that Workflow succeeds" bash -c 'ns=$2; k() { kubectl --kubeconfig "$0" -n "$ns" "$@"; }
    k wait --for=jsonpath="{.status.phase}"=Succeeded "$(k get workflows -l workflows.argoproj.io/cron-workflow="$1" -o name | head -1)" --timeout=90s' \
    "$KUBECONFIG" "$E2E_CRON" "$WF_NS"
  check "the controller refuses a Workflow that does not reference a WorkflowTemplate (templateReferencing: Strict)" \
    submit_and_expect e2e-inline Error "workflows must use workflowTemplateRef"
  check "the controller refuses a Workflow that references a template but runs as another service account" \
    submit_and_expect e2e-other-account Error "fields [ServiceAccountName] are not permitted"
}

day2() {
  local cli=("$ROOT/bin/argo-gke")
  check "argo-gke status lists $E2E_CRON and its last run" bash -c '"$@" | tee /dev/stderr | grep -q "'"$E2E_CRON"'"' _ \
    "${cli[@]}" status --kubeconfig "$KUBECONFIG" -n "$WF_NS" --workflows "$PROJECT/workflows"
  check "argo-gke run --follow runs $E2E_CRON to Succeeded" \
    "${cli[@]}" run "$E2E_CRON" --follow --kubeconfig "$KUBECONFIG" -n "$WF_NS" --poll-millis 1000
  local from to
  from=$(date -u -d '-10 minutes' +%Y-%m-%dT%H:%M:00Z)
  to=$(date -u -d '-7 minutes' +%Y-%m-%dT%H:%M:00Z)
  check "argo-gke backfill runs three past minutes of $E2E_CRON" \
    "${cli[@]}" backfill "$E2E_CRON" --from "$from" --to "$to" --kubeconfig "$KUBECONFIG" -n "$WF_NS" --poll-millis 1000
  check "argo-gke status shows the Sensor e2e-on-webhook with its newest Workflow as last trigger, and the Pub/Sub Sensors the stack leaves out as not deployed" \
    status_shows_the_sensors_last_trigger
}

# argo-gke status on the real API server, for the e2e stack: the Sensor e2e-on-webhook's last trigger is the newest
# Workflow its trigger created (by the events.argoproj.io/action-timestamp label argo-events v1.9.10 sets), and it has
# a test message; the repository's Pub/Sub Sensors, which a kubeconfig stack does not deploy, are not "missing" but
# left out with a note.
status_shows_the_sensors_last_trigger() {
  local out newest
  newest=$(k -n "$WF_NS" get workflows -l events.argoproj.io/sensor=e2e-on-webhook -o \
    jsonpath='{range .items[*]}{.metadata.labels.events\.argoproj\.io/action-timestamp} {.metadata.name}{"\n"}{end}' \
    | sort -n | tail -1 | cut -d' ' -f2)
  [[ -n "$newest" ]] || { echo "no Workflow labelled events.argoproj.io/sensor=e2e-on-webhook in $WF_NS"; return 1; }
  out=$("$ROOT/bin/argo-gke" status --stack-file "$PROJECT/stacks/Pulumi.e2e.yaml" --kubeconfig "$KUBECONFIG" -n "$WF_NS" \
    --workflows "$PROJECT/workflows" 2>"$STATE/status-events.err") || return 1
  echo "$out"
  cat "$STATE/status-events.err"
  echo "$out" | grep -qE "^e2e-on-webhook .* $newest( |\$)" && echo "$out" | grep -q "^  e2e-on-webhook, on " \
    && ! echo "$out" | grep -q "^employee-directory-sync .*missing from cluster" \
    && grep -q "note: not deployed on this cluster: Sensor/employee-directory-sync" "$STATE/status-events.err"
}

nothing_left() {
  ! k get namespace "$ARGO_NS" 2>/dev/null && ! k get namespace "$WF_NS" 2>/dev/null \
    && [[ -z "$(k get cronworkflows -A -o name 2>/dev/null)" ]]
}

destroy() {
  check "pulumi destroy removes everything" in_project pulumi destroy --yes --non-interactive --skip-preview
  check "the namespaces and the CronWorkflows are gone" nothing_left
}

# The committed stacks as far as the CLI gets without the GCP provider (which cannot be built
# here): the CLI accepts Pulumi.yaml and the stack's config, starts the program, and stops only
# where the program asks for the GCP provider.
preview_reaches_the_gcp_provider() {
  local out
  (cd "$1" && pulumi stack select --create "$2" --non-interactive) || return 1
  out=$(cd "$1" && pulumi preview --non-interactive 2>&1)
  echo "$out"
  echo "$out" | grep -qiE "plugin.*gcp|gcp.*plugin" || return 1
  ! echo "$out" | grep -qiE "configuration (key|value)|missing configuration|policy |error: argo-gke"
}

committed_stacks() {
  local stack copy="$STATE/committed"
  # A copy: selecting a stack with the passphrase provider writes its salt into the stack file.
  mkdir -p "$copy"
  cp -r "$ROOT/Pulumi.yaml" "$ROOT/stacks" "$ROOT/workflows" "$copy/"
  ln -s "$ROOT/target" "$copy/target"
  for stack in dev prod; do
    check "real pulumi preview of stacks/Pulumi.$stack.yaml gets as far as the GCP provider" \
      preview_reaches_the_gcp_provider "$copy" "$stack"
  done
}

run_scenario() {
  ARGO_IMAGE_TAG=$(sed -n 's/^appVersion: *//p' "$SHARED/charts/argo-workflows/Chart.yaml" | tr -d '"')
  start_cluster
  make_project
  setup_pulumi
  deploy
  edit_one_cron
  run_controller
  run_events
  day2
  destroy
  committed_stacks
}

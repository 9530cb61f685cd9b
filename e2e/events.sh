# shellcheck shell=bash
# The event-driven part of the scenario, sourced by e2e/scenario.sh (which defines k, check, background, account
# kubeconfigs, STATE, LOGS, WF_NS). Argo Events v1.9.10's own binary runs an EventSource and a Sensor as local
# processes, as their pods would (kwok runs no container), from the objects `pulumi up` deployed, around a local
# nats-server with JetStream standing in for the EventBus's StatefulSet:
#
#   curl POST -> eventsource-service (webhook) -> JetStream -> sensor-service -> API server (Sensor's own account)
#             -> Workflow from the WorkflowTemplate -> the real workflow-controller runs it
#
# What the pods would get from Argo Events' controller (pkg/reconciler/{eventsource,sensor}/resource.go
# buildDeployment) is built here the same way: EVENTSOURCE_OBJECT / SENSOR_OBJECT are base64 JSON of
# {metadata: {namespace, name}, spec} of the object read back from the cluster, EVENTBUS_SUBJECT is
# "eventbus-<namespace>", POD_NAME a pod-like name, EVENTBUS_CONFIG base64 JSON of the BusConfig
# (v1alpha1.BusConfig). What differs, and why:
#   * the event bus is one nats-server on 127.0.0.1, TLS (pkg/eventbus/jetstream/base/jetstream.go always asks for
#     it, skipping verification) and no auth: the controller's JetStream installer sets an accessSecret whose
#     credentials the pods read from a file mounted at /etc/eventbus/auth (pkg/eventbus/driver.go GetAuth); with no
#     accessSecret GetAuth answers AuthStrategyNone. Stream replicas are 1 (one server; the chart's default is 3);
#   * the webhook listens on a free port instead of the EventSource's (in a pod the port is the pod's own; here the
#     host's), and the metrics listener (fixed ":7777" in both programs) on a free port: see e2e/tools.sh
#     build_argo_events for the one-line patch that allows it.

EVENTS_NS=argo-events          # argo-gke:events.namespace's default
E2E_EVENTS=e2e-on-webhook      # e2e/workflows/: a WorkflowTemplate, a webhook EventSource, a Sensor
E2E_SENSOR_ACCOUNT=$E2E_EVENTS-sensor
E2E_POSTED_FILE="gs://e2e-uploads/landed-$(date +%s).csv"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The JetStream settings and stream config the chart gave Argo Events' controller (its ConfigMap's
# controller-config.yaml, eventBus.jetstream), merged with the EventBus's own spec.jetstream when there is one, as
# pkg/reconciler/eventbus/installer/jetstream.go Install does; replicas 1. Writes nats.conf and bus-config.json.
event_bus_config() {
  local dir=$1
  k -n "$EVENTS_NS" get configmaps -o json >"$dir/configmaps.json" || return 1
  k -n "$EVENTS_NS" get eventbus -o json >"$dir/eventbus.json" 2>/dev/null || echo '{"items": []}' >"$dir/eventbus.json"
  python3 - "$dir" "$NATS_PORT" "$NATS_MONITOR_PORT" <<'PY'
import json, re, sys, yaml
d, port, monitor = sys.argv[1:4]
configs = [c["data"]["controller-config.yaml"] for c in json.load(open(d + "/configmaps.json"))["items"]
           if "controller-config.yaml" in (c.get("data") or {})]
assert len(configs) == 1, "no single ConfigMap with controller-config.yaml in the events namespace: %d" % len(configs)
js = yaml.safe_load(configs[0])["eventBus"]["jetstream"]
# viper (which merges them there) keys settings case-insensitively and writes them back lower-cased, and reads
# YAML 1.2 (go-yaml v3), where 1e+06 is a number: Helm renders the chart's maxMsgs 1000000 as 1e+06, which PyYAML
# (YAML 1.1) would keep as a string, and the bus would then read as 0.
NUMBER = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
def number(v):
    if isinstance(v, str) and NUMBER.match(v):
        f = float(v)
        return int(f) if f.is_integer() else f
    return v
def lower(text):
    return {k.lower(): number(v) for k, v in (yaml.safe_load(text or "") or {}).items()}
stream = lower(js.get("streamConfig"))
settings = js.get("settings") or ""
for bus in json.load(open(d + "/eventbus.json"))["items"]:
    spec = bus["spec"].get("jetstream") or {}
    stream.update(lower(spec.get("streamConfig")))
    settings = spec.get("settings") or settings
stream["replicas"] = 1
print("stream config:", json.dumps(stream))
open(d + "/nats.conf", "w").write("""listen: 127.0.0.1:%s
http: 127.0.0.1:%s
max_payload: 1MB
server_name: e2e-event-bus
jetstream {
  store_dir: "%s/jetstream"
%s
}
tls {
  cert_file: "%s/server-cert.pem"
  key_file: "%s/server-key.pem"
}
""" % (port, monitor, d, settings, d, d))
json.dump({"jetstream": {"url": "nats://127.0.0.1:" + port, "streamConfig": yaml.safe_dump(stream)}},
          open(d + "/bus-config.json", "w"))
PY
}

start_event_bus() {
  local dir="$STATE/event-bus"
  rm -rf "$dir" && mkdir -p "$dir/jetstream" || return 1
  NATS_PORT=$(free_port) && NATS_MONITOR_PORT=$(free_port) || return 1
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=e2e-event-bus -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$dir/server-key.pem" -out "$dir/server-cert.pem" 2>/dev/null || return 1
  event_bus_config "$dir" || return 1
  cat "$dir/nats.conf"
  background nats-server nats-server -c "$dir/nats.conf"
  for _ in $(seq 1 30); do
    curl -fsS "http://127.0.0.1:$NATS_MONITOR_PORT/healthz?js-enabled-only=true" && return 0
    sleep 1
  done
  return 1
}

# object_env KIND NAME: base64 of what the controller puts in the pod's env: {metadata: {name, namespace}, spec}
# of the object as the cluster has it; an EventSource's webhook ports become WEBHOOK_PORT.
object_env() { k -n "$EVENTS_NS" get "$1" "$2" -o json | object_env_of; }

# object_env_of < OBJECT_JSON: the same, of an object given as JSON (the Pub/Sub check takes it from the plan).
object_env_of() {
  python3 -c '
import base64, json, sys
o = json.load(sys.stdin)
spec = o["spec"]
for hook in (spec.get("webhook") or {}).values():
    hook["port"] = sys.argv[1]
# As Go marshals the copy: a zero creationTimestamp is null, an empty status {}.
meta = {"creationTimestamp": None, "name": o["metadata"]["name"], "namespace": o["metadata"]["namespace"]}
print(base64.b64encode(json.dumps({"metadata": meta, "spec": spec, "status": {}}).encode()).decode())' "${WEBHOOK_PORT:-}"
}

# The Sensor as deployed: its pod's account, and the namespace the program filled in.
sensor_is_deployed_as_contracted() {
  local sensor
  sensor=$(k -n "$EVENTS_NS" get sensor "$E2E_EVENTS" -o json) || return 1
  echo "$sensor" | python3 -c '
import json, sys
s = json.load(sys.stdin)["spec"]
account = s.get("template", {}).get("serviceAccountName")
resource = s["triggers"][0]["template"]["k8s"]["source"]["resource"]
print("serviceAccountName:", account, "; trigger resource namespace:", resource["metadata"].get("namespace"))
sys.exit(0 if account == sys.argv[1] and resource["metadata"].get("namespace") == sys.argv[2] else 1)' \
    "$E2E_SENSOR_ACCOUNT" "$WF_NS" || return 1
  k -n "$EVENTS_NS" get eventsource "$E2E_EVENTS" -o name && k -n "$EVENTS_NS" get serviceaccount "$E2E_SENSOR_ACCOUNT" -o name
}

start_event_source_and_sensor() {
  account_kubeconfig "$EVENTS_NS" "$E2E_SENSOR_ACCOUNT" "$STATE/sensor.kubeconfig" || return 1
  kubectl --kubeconfig "$STATE/sensor.kubeconfig" auth whoami -o jsonpath='{.status.userInfo.username}{"\n"}' \
    | tee /dev/stderr | grep -qx "system:serviceaccount:$EVENTS_NS:$E2E_SENSOR_ACCOUNT" || return 1
  WEBHOOK_PORT=$(free_port) || return 1
  local bus subject="eventbus-$EVENTS_NS" es sensor
  bus=$(base64 -w0 <"$STATE/event-bus/bus-config.json") || return 1
  es=$(object_env eventsource "$E2E_EVENTS") && sensor=$(WEBHOOK_PORT='' object_env sensor "$E2E_EVENTS") || return 1
  printf '%s\n' "EVENTSOURCE_OBJECT=$es" "SENSOR_OBJECT=$sensor" "EVENTBUS_SUBJECT=$subject" >"$STATE/events-env.txt"
  # Pod names as the controller's Deployments would give them (<name>-eventsource-..., <name>-sensor-...).
  background sensor-service env -i PATH="$PATH" HOME="$HOME" KUBECONFIG="$STATE/sensor.kubeconfig" SENSOR_OBJECT="$sensor" \
    EVENTBUS_CONFIG="$bus" EVENTBUS_SUBJECT="$subject" POD_NAME="$E2E_EVENTS-sensor-e2e" \
    ARGOGKE_E2E_METRICS_ADDR="127.0.0.1:$(free_port)" argo-events sensor-service
  background eventsource-service env -i PATH="$PATH" HOME="$HOME" EVENTSOURCE_OBJECT="$es" \
    EVENTBUS_CONFIG="$bus" EVENTBUS_SUBJECT="$subject" POD_NAME="$E2E_EVENTS-eventsource-e2e" \
    ARGOGKE_E2E_METRICS_ADDR="127.0.0.1:$(free_port)" argo-events eventsource-service
  # The Sensor reads only events published after its durable consumer exists (trigger_conn.go: DeliverNew):
  # wait until JetStream lists it on the stream.
  wait_for_new_consumer "" sensor-service
}

# bus_consumers: the durable consumers JetStream lists on the stream "default", one a line.
bus_consumers() {
  curl -fsS "http://127.0.0.1:$NATS_MONITOR_PORT/jsz?consumers=true" | python3 -c '
import json, sys
streams = [s for a in json.load(sys.stdin).get("account_details", []) for s in a.get("stream_detail", [])]
print("\n".join(c["name"] for s in streams if s["name"] == "default" for c in s.get("consumer_detail", [])))'
}

# wait_for_new_consumer BEFORE LOG: until the stream has a consumer not in BEFORE (newline-separated names); on a
# time-out, the tail of LOG.
wait_for_new_consumer() {
  local now
  for _ in $(seq 1 60); do
    now=$(bus_consumers)
    comm -13 <(sort <<<"$1") <(sort <<<"$now") | grep -q . && { echo "consumers of stream default: $now" | tr '\n' ' '; echo; return 0; }
    sleep 1
  done
  tail -20 "$LOGS/$2.log"
  return 1
}

# Posts the event until the webhook answers 200: before its route is active it answers 400 and publishes nothing
# (pkg/eventsources/sources/webhook/start.go HandleRoute), so exactly one event is published.
post_event() {
  local code
  for _ in $(seq 1 60); do
    code=$(curl -s -o "$STATE/webhook-answer.txt" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -d '{"file": "'"$E2E_POSTED_FILE"'"}' "http://127.0.0.1:$WEBHOOK_PORT/file-landed")
    [[ $code == 200 ]] && { echo "200 $(cat "$STATE/webhook-answer.txt")"; return 0; }
    sleep 1
  done
  echo "last answer: $code $(cat "$STATE/webhook-answer.txt" 2>/dev/null)"
  tail -20 "$LOGS/eventsource-service.log"
  return 1
}

# workflows_of SENSOR: the Workflows Argo Events labelled as that Sensor's.
workflows_of() { k -n "$WF_NS" get workflows -l "events.argoproj.io/sensor=$1" -o name; }
sensor_workflow() { workflows_of "$E2E_EVENTS"; }

# the_one_workflow_of SENSOR LOG: waits up to a minute for the Sensor's Workflow and prints its name; fails, with the
# Sensor's log, when none comes, and when there is more than one.
the_one_workflow_of() {
  local name
  for _ in $(seq 1 60); do
    name=$(workflows_of "$1")
    [[ -n "$name" ]] && break
    sleep 1
  done
  [[ -n "$name" ]] || { tail -20 "$2" | cut -c1-400 >&2; return 1; }
  [[ $(workflows_of "$1" | wc -l) -eq 1 ]] || { echo "more than one Workflow: $(workflows_of "$1")" >&2; return 1; }
  echo "$name"
}

# The Workflow the Sensor created: labelled by Argo Events (pkg/sensors/triggers/standard-k8s/standard-k8s.go), from
# the template, with the posted body's file as its parameter, written by the argo-events program (managedFields'
# manager is the client's program name), which had no credential but the Sensor's account's token.
sensor_creates_the_workflow() {
  local name
  name=$(the_one_workflow_of "$E2E_EVENTS" "$LOGS/sensor-service.log") || return 1
  k -n "$WF_NS" get "$name" -o json --show-managed-fields | python3 -c '
import json, sys
w = json.load(sys.stdin)
labels, spec = w["metadata"].get("labels", {}), w["spec"]
params = {p["name"]: p.get("value") for p in spec.get("arguments", {}).get("parameters", [])}
managers = [f.get("manager") for f in w["metadata"].get("managedFields", [])]
print(w["metadata"]["name"], "labels:", labels, "managers:", managers)
print("workflowTemplateRef:", spec.get("workflowTemplateRef"), "parameters:", params)
ok = (labels.get("events.argoproj.io/sensor") == sys.argv[1] and labels.get("events.argoproj.io/trigger") == "run"
      and spec.get("workflowTemplateRef", {}).get("name") == sys.argv[1] and params.get("file") == sys.argv[2]
      and "argo-events" in managers and not any(m.startswith("kubectl") for m in managers))
sys.exit(0 if ok else 1)' "$E2E_EVENTS" "$E2E_POSTED_FILE"
}

sensor_workflow_succeeds() {
  k -n "$WF_NS" wait --for=jsonpath='{.status.phase}'=Succeeded "$(sensor_workflow)" --timeout=90s
}

# What the real API server's RBAC lets the Sensor's account do: create Workflows where they run, nothing more.
sensor_account_is_confined() {
  local as=(--as "system:serviceaccount:$EVENTS_NS:$E2E_SENSOR_ACCOUNT") ok=0 verb
  k auth can-i create workflows.argoproj.io -n "$WF_NS" "${as[@]}" || { echo "may not create workflows in $WF_NS"; ok=1; }
  for verb in delete patch update get list; do
    if k auth can-i "$verb" workflows.argoproj.io -n "$WF_NS" "${as[@]}"; then echo "may $verb workflows in $WF_NS"; ok=1; fi
  done
  for where in "-n $EVENTS_NS" "-n default" "--all-namespaces"; do
    # shellcheck disable=SC2086
    if k auth can-i create workflows.argoproj.io $where "${as[@]}"; then echo "may create workflows ($where)"; ok=1; fi
  done
  for where in "-n $WF_NS" "-n $EVENTS_NS"; do
    # shellcheck disable=SC2086
    if k auth can-i get secrets $where "${as[@]}"; then echo "may read secrets ($where)"; ok=1; fi
  done
  if k auth can-i create pods -n "$WF_NS" "${as[@]}"; then echo "may create pods in $WF_NS"; ok=1; fi
  return $ok
}

# Argo Events' controller as a process, as the chart deployed it: the args, ARGO_EVENTS_IMAGE and service account of
# the chart's controller Deployment, its ConfigMap as /etc/argo-events/controller-config.yaml (the path is fixed:
# pkg/reconciler/config.go LoadConfig; a private mount namespace with an overlay on /etc puts it there for this
# process only, so it needs root), acting as its own service account. Metrics and probe ports are flags.
start_events_controller() {
  local dir="$STATE/events-controller" sa cm image args
  rm -rf "$dir" && mkdir -p "$dir/upper" "$dir/work" || return 1
  k -n "$EVENTS_NS" get deployments -o json | python3 -c '
import json, sys
found = [(d, c) for d in json.load(sys.stdin)["items"] for c in d["spec"]["template"]["spec"]["containers"]
         if (c.get("args") or [None])[0] == "controller"]
assert len(found) == 1, "want one Deployment running argo-events controller, found %d" % len(found)
d, c = found[0]
pod = d["spec"]["template"]["spec"]
config = [v["configMap"]["name"] for v in pod.get("volumes", []) for m in c.get("volumeMounts", [])
          if m["name"] == v["name"] and m["mountPath"] == "/etc/argo-events" and "configMap" in v]
image = [e["value"] for e in c.get("env", []) if e["name"] == "ARGO_EVENTS_IMAGE"]
print(pod.get("serviceAccountName", "default"), config[0], image[0], " ".join(c["args"]))' >"$dir/deployed.txt" || return 1
  read -r sa cm image args <"$dir/deployed.txt"
  echo "as deployed: account $sa, config $cm, image $image, args: $args"
  k -n "$EVENTS_NS" get configmap "$cm" -o jsonpath='{.data.controller-config\.yaml}' >"$dir/controller-config.yaml" || return 1
  account_kubeconfig "$EVENTS_NS" "$sa" "$dir/kubeconfig" || return 1
  EVENTS_HEALTH_PORT=$(free_port)
  # shellcheck disable=SC2086,SC2016  # $args is split on purpose; the sh -c script expands its own $1
  background events-controller env -i PATH="$PATH" HOME="$HOME" KUBECONFIG="$dir/kubeconfig" NAMESPACE="$EVENTS_NS" \
    ARGO_EVENTS_IMAGE="$image" unshare -m --propagation private sh -c '
      mount -t overlay overlay -o "lowerdir=/etc,upperdir=$1/upper,workdir=$1/work" /etc && mkdir -p /etc/argo-events \
        && cp "$1/controller-config.yaml" /etc/argo-events/ && shift && exec "$@"' _ "$dir" \
    argo-events $args --metrics-port "$(free_port)" --health-port "$EVENTS_HEALTH_PORT"
  for _ in $(seq 1 30); do
    curl -fsS "http://127.0.0.1:$EVENTS_HEALTH_PORT/readyz" && return 0
    sleep 1
  done
  tail -20 "$LOGS/events-controller.log"
  return 1
}

# The controller turns each EventBus into a StatefulSet and each EventSource and Sensor into a Deployment, owned by
# the object, whose pods run as the account the object names (JetStreamBus.serviceAccountName,
# Template.serviceAccountName; pkg/reconciler/*/resource.go): the account the program set is the one the pods get.
events_controller_reconciles() {
  local i
  for i in $(seq 1 60); do
    k -n "$EVENTS_NS" get eventbus,eventsources,sensors,deployments,statefulsets -o json >"$STATE/events-reconciled.json"
    python3 - "$STATE/events-reconciled.json" "$E2E_EVENTS" "$E2E_SENSOR_ACCOUNT" "$i" <<'PY' && return 0
import json, sys
items = json.load(open(sys.argv[1]))["items"]
last = sys.argv[4] == "60"
want = {"EventBus": "StatefulSet", "EventSource": "Deployment", "Sensor": "Deployment"}
owned = {}
for o in items:
    for ref in o["metadata"].get("ownerReferences", []):
        if ref.get("controller"):
            owned[(ref["kind"], ref["name"])] = o
ok, seen = True, 0
for o in items:
    kind, name = o["kind"], o["metadata"]["name"]
    if kind not in want:
        continue
    seen += 1
    spec = o["spec"]
    account = (spec.get("jetstream") or {}).get("serviceAccountName") if kind == "EventBus" else (spec.get("template") or {}).get("serviceAccountName")
    made = owned.get((kind, name))
    got = made and made["spec"]["template"]["spec"].get("serviceAccountName")
    good = made is not None and made["kind"] == want[kind] and (got or None) == (account or None)
    if last or good:
        print("%-11s %-24s -> %s, pods run as %s (the object names %s)" % (kind, name,
              made and made["kind"] + "/" + made["metadata"]["name"], got, account))
    ok = ok and good
sensor = [o for o in items if o["kind"] == "Sensor" and o["metadata"]["name"] == sys.argv[2]]
made = sensor and owned.get(("Sensor", sys.argv[2]))
ok = ok and seen >= 3 and bool(made) and made["spec"]["template"]["spec"].get("serviceAccountName") == sys.argv[3]
sys.exit(0 if ok else 1)
PY
    sleep 2
  done
  grep -i '"level":"error"' "$LOGS/events-controller.log" | tail -5 | cut -c1-400
  return 1
}

# What the local processes were given is what the controller puts in the pods (SENSOR_OBJECT, EVENTSOURCE_OBJECT with
# the webhook port put back, EVENTBUS_SUBJECT, EVENTBUS_CONFIG's stream config), read from the Deployments it made.
local_env_is_the_controllers() {
  python3 - "$STATE/events-reconciled.json" "$STATE/events-env.txt" "$E2E_EVENTS" "$STATE/event-bus/bus-config.json" <<'PY'
import base64, json, sys, yaml
items = json.load(open(sys.argv[1]))["items"]
given = dict(line.rstrip("\n").split("=", 1) for line in open(sys.argv[2]))
# Go writes the zero value of a field without omitempty (loggingFields: null, url: ""); the cluster's copy lacks it.
def bare(v):
    if isinstance(v, dict):
        return {k: bare(x) for k, x in v.items() if x is not None and x != ""}
    return [bare(x) for x in v] if isinstance(v, list) else v
def decoded(env, key):
    return bare(json.loads(base64.b64decode(env[key])))
ok = True
for kind, key in (("Sensor", "SENSOR_OBJECT"), ("EventSource", "EVENTSOURCE_OBJECT")):
    d = [o for o in items if o["kind"] == "Deployment" and any(r["kind"] == kind and r["name"] == sys.argv[3]
         for r in o["metadata"].get("ownerReferences", []))][0]
    env = {e["name"]: e.get("value") for e in d["spec"]["template"]["spec"]["containers"][0]["env"]}
    theirs, ours = decoded(env, key), decoded(given, key)
    if kind == "EventSource":
        for name, hook in ours["spec"].get("webhook", {}).items():
            hook["port"] = theirs["spec"]["webhook"][name]["port"]
    same = theirs == ours and env["EVENTBUS_SUBJECT"] == given["EVENTBUS_SUBJECT"]
    print("%s: %s, EVENTBUS_SUBJECT %s: %s" % (key, "same" if theirs == ours else "DIFFERENT", env["EVENTBUS_SUBJECT"],
          "same" if same else "DIFFERENT"))
    if not same:
        print(" controller's:", json.dumps(theirs, sort_keys=True)); print(" ours:        ", json.dumps(ours, sort_keys=True))
    ok = ok and same
    # The bus: the same stream config but for the replicas (one server here); theirs has the StatefulSet's Service
    # as URL and an accessSecret (basic auth from a mounted file), ours neither (see the top of this file).
    bus, mine = decoded(env, "EVENTBUS_CONFIG")["jetstream"], json.load(open(sys.argv[4]))["jetstream"]
    theirs, ours = yaml.safe_load(bus["streamConfig"]), yaml.safe_load(mine["streamConfig"])
    theirs.pop("replicas", None), ours.pop("replicas", None)
    print("  EVENTBUS_CONFIG: url %s, accessSecret %s; stream config but replicas: %s" % (bus["url"],
          (bus.get("accessSecret") or {}).get("name"), "same" if theirs == ours else "DIFFERENT %s / %s" % (theirs, ours)))
    ok = ok and theirs == ours
sys.exit(0 if ok else 1)
PY
}

# ---- Pub/Sub: an HR export message reaches the real gcppubsub EventSource ------------------------------------------
# The kubeconfig stack deploys no Pub/Sub EventSource (no Google project there), so this part takes the objects from
# the program's dev plan (`argo-gke plan --stack dev`): the topic and subscription it creates in Google Cloud, and
# the EventSource hr-exports and Sensor employee-directory-sync as it would deploy them. Google's in-memory Pub/Sub
# server, pstest (e2e/pubsub-fake), holds that topic and subscription; argo-events' gcppubsub source (v1.9.10
# pkg/eventsources/sources/gcppubsub/start.go) goes to it when PUBSUB_EMULATOR_HOST is set: it then checks the
# subscription with Exists instead of TestPermissions, and, since the EventSource names a topic, reads the
# subscription's config and refuses to start unless its topic is projects/<topicProjectID|projectID>/topics/<topic>.
# So this proves that the EventSource the program writes and the Pub/Sub resources it creates name the same
# subscription and topic, and that jsonBody -> body.file -> the Workflow's parameter works; not real Pub/Sub IAM,
# Workload Identity or the network path to Google (pstest checks no credentials).
PUBSUB_EVENTS=hr-exports                 # workflows/hr-exports.yaml
PUBSUB_SENSOR=employee-directory-sync    # workflows/employee-directory-sync.yaml (its WorkflowTemplate too)
PUBSUB_FILE="gs://acme-hr-exports/2026-11-30/directory.csv"

# From the dev plan: pubsub/{eventsource,sensor}.json (the deployed objects), pubsub/names (topic, subscription).
pubsub_objects_from_the_dev_plan() {
  local dir="$STATE/pubsub"
  mkdir -p "$dir" && (cd "$ROOT" && bin/argo-gke plan --stack dev --out "$dir/plan-dev.json") || return 1
  python3 - "$dir" "$PUBSUB_EVENTS" "$PUBSUB_SENSOR" <<'PY'
import json, sys
d, source, sensor = sys.argv[1:4]
res = json.load(open(d + "/plan-dev.json"))["resources"]
def one(type_, name):
    found = [r["inputs"] for r in res if r["type"] == type_ and r["name"] == name]
    assert len(found) == 1, "the dev plan has %d %s %s" % (len(found), type_, name)
    return found[0]
es = one("kubernetes:argoproj.io/v1alpha1:EventSource", "event-objects-eventsource-" + source)
sn = one("kubernetes:argoproj.io/v1alpha1:Sensor", "event-objects-sensor-" + sensor)
# What the program creates in Google Cloud for that EventSource (PubSubEventSourceAccess pubsub-<eventsource>).
topic = one("gcp:pubsub/topic:Topic", "pubsub-" + source)
sub = one("gcp:pubsub/subscription:Subscription", "pubsub-" + source)
topic_name = "projects/%s/topics/%s" % (topic["project"], topic["name"])
assert sub["topic"] == topic_name, "the subscription's topic %s is not the topic %s" % (sub["topic"], topic_name)
json.dump(es, open(d + "/eventsource.json", "w")), json.dump(sn, open(d + "/sensor.json", "w"))
open(d + "/names", "w").write("%s projects/%s/subscriptions/%s\n" % (topic_name, sub["project"], sub["name"]))
print("topic", topic_name, "subscription", "projects/%s/subscriptions/%s" % (sub["project"], sub["name"]))
print("EventSource", es["metadata"]["namespace"] + "/" + es["metadata"]["name"], "pubSub:", json.dumps(es["spec"]["pubSub"]))
print("Sensor", sn["metadata"]["namespace"] + "/" + sn["metadata"]["name"], "account", sn["spec"]["template"]["serviceAccountName"])
PY
}

pubsub_state() { curl -fsS "http://127.0.0.1:$PUBSUB_CONTROL_PORT/state"; }

start_pubsub_fake() {
  local topic sub
  read -r topic sub <"$STATE/pubsub/names" || return 1
  PUBSUB_PORT=$(free_port) && PUBSUB_CONTROL_PORT=$(free_port) || return 1
  background pubsub-fake pubsub-fake -listen "127.0.0.1:$PUBSUB_PORT" -control "127.0.0.1:$PUBSUB_CONTROL_PORT" \
    -topic "$topic" -subscription "$sub"
  for _ in $(seq 1 30); do
    pubsub_state && echo && return 0
    sleep 1
  done
  cat "$LOGS/pubsub-fake.log"
  return 1
}

# The Sensor of the plan, then the EventSource of the plan (EVENTSOURCE_OBJECT of its deployed form, namespace
# argo-events) with PUBSUB_EMULATOR_HOST, on the same bus. The Sensor acts with the token of e2e-on-webhook-sensor:
# the kubeconfig stack leaves Pub/Sub Sensors out, so employee-directory-sync-sensor and its RoleBinding are not in
# this cluster; e2e-on-webhook-sensor is bound to the same Role (argo-gke-sensors-create-workflows: create workflows
# in the workflows namespace, nothing else; checked above), so the Sensor has the rights it would have on GKE.
start_pubsub_event_source_and_sensor() {
  local bus subject="eventbus-$EVENTS_NS" es sensor before
  bus=$(base64 -w0 <"$STATE/event-bus/bus-config.json") || return 1
  es=$(object_env_of <"$STATE/pubsub/eventsource.json") && sensor=$(object_env_of <"$STATE/pubsub/sensor.json") || return 1
  before=$(bus_consumers) || return 1
  background pubsub-sensor-service env -i PATH="$PATH" HOME="$HOME" KUBECONFIG="$STATE/sensor.kubeconfig" \
    SENSOR_OBJECT="$sensor" EVENTBUS_CONFIG="$bus" EVENTBUS_SUBJECT="$subject" POD_NAME="$PUBSUB_SENSOR-sensor-e2e" \
    ARGOGKE_E2E_METRICS_ADDR="127.0.0.1:$(free_port)" argo-events sensor-service
  wait_for_new_consumer "$before" pubsub-sensor-service || return 1
  background pubsub-eventsource-service env -i PATH="$PATH" HOME="$HOME" EVENTSOURCE_OBJECT="$es" \
    PUBSUB_EMULATOR_HOST="127.0.0.1:$PUBSUB_PORT" EVENTBUS_CONFIG="$bus" EVENTBUS_SUBJECT="$subject" \
    POD_NAME="$PUBSUB_EVENTS-eventsource-e2e" ARGOGKE_E2E_METRICS_ADDR="127.0.0.1:$(free_port)" \
    argo-events eventsource-service
  # start.go logs this after prepareSubscription accepted the subscription and its topic, before Receive.
  for _ in $(seq 1 60); do
    grep -m1 'listening for messages from PubSub' "$LOGS/pubsub-eventsource-service.log" | cut -c1-400 && return 0
    sleep 1
  done
  tail -20 "$LOGS/pubsub-eventsource-service.log" | cut -c1-400
  return 1
}

# The message is published once; the source acknowledges it only after dispatching it to the bus (start.go m.Ack).
pubsub_message_is_acknowledged() {
  curl -fsS -X POST --data '{"file": "'"$PUBSUB_FILE"'"}' "http://127.0.0.1:$PUBSUB_CONTROL_PORT/publish" || return 1
  for _ in $(seq 1 60); do
    pubsub_state >"$STATE/pubsub/state.json" && python3 - "$STATE/pubsub/state.json" "$STATE/pubsub/names" <<'PY' && return 0
import json, sys
s = json.load(open(sys.argv[1]))
topic, sub = open(sys.argv[2]).read().split()
ms = s["messages"]
print("messages:", [(m["id"], m["data"], "deliveries %d acks %d" % (m["deliveries"], m["acks"])) for m in ms])
# Nothing else in the fake: the source made no topic or subscription of its own.
same = s["topics"] == [topic] and s["subscriptions"] == {sub: topic}
print("topics", s["topics"], "subscriptions", s["subscriptions"])
sys.exit(0 if same and len(ms) == 1 and ms[0]["acks"] >= 1 else 1)
PY
    sleep 1
  done
  tail -20 "$LOGS/pubsub-eventsource-service.log" | cut -c1-400
  return 1
}

pubsub_workflow() { workflows_of "$PUBSUB_SENSOR"; }

pubsub_sensor_creates_the_workflow() {
  local name
  name=$(the_one_workflow_of "$PUBSUB_SENSOR" "$LOGS/pubsub-sensor-service.log") || return 1
  k -n "$WF_NS" get "$name" -o json | python3 -c '
import json, sys
w = json.load(sys.stdin)
labels, spec = w["metadata"].get("labels", {}), w["spec"]
params = {p["name"]: p.get("value") for p in spec.get("arguments", {}).get("parameters", [])}
print(w["metadata"]["name"], "labels:", labels)
print("workflowTemplateRef:", spec.get("workflowTemplateRef"), "parameters:", params)
sys.exit(0 if labels.get("events.argoproj.io/sensor") == sys.argv[1] and labels.get("events.argoproj.io/trigger") == "sync"
         and spec.get("workflowTemplateRef", {}).get("name") == sys.argv[1] and params == {"export-file": sys.argv[2]} else 1)' \
    "$PUBSUB_SENSOR" "$PUBSUB_FILE"
}

pubsub_workflow_succeeds() {
  k -n "$WF_NS" wait --for=jsonpath='{.status.phase}'=Succeeded "$(pubsub_workflow)" --timeout=120s
}

run_events() {
  check "the Sensor is deployed with its own account $E2E_SENSOR_ACCOUNT and its trigger aimed at $WF_NS" \
    sensor_is_deployed_as_contracted
  check "the Sensor's account may create workflows in $WF_NS and nothing else (real RBAC)" sensor_account_is_confined
  check "a local nats-server with JetStream stands in for the EventBus, with the chart's stream config" start_event_bus
  check "Argo Events' eventsource-service and sensor-service run the deployed objects; the Sensor subscribes" \
    start_event_source_and_sensor
  check "the webhook EventSource accepts a POSTed event (published to JetStream)" post_event
  check "the Sensor, with its own account's token, creates one Workflow from $E2E_EVENTS with the posted file" \
    sensor_creates_the_workflow
  check "the controller runs the Sensor's Workflow to Succeeded" sensor_workflow_succeeds
  check "Argo Events' controller runs as deployed by the chart, with its own account's token" start_events_controller
  check "it makes the EventBus, EventSources and Sensors into StatefulSets and Deployments running as the accounts the program set" \
    events_controller_reconciles
  check "the local EventSource and Sensor were given what the controller gives their pods" local_env_is_the_controllers
  run_pubsub
}

run_pubsub() {
  check "the dev plan names the topic and subscription of EventSource $PUBSUB_EVENTS, and deploys it and Sensor $PUBSUB_SENSOR" \
    pubsub_objects_from_the_dev_plan
  check "Google's pstest fake serves that topic and subscription" start_pubsub_fake
  check "Argo Events' gcppubsub EventSource (the plan's) accepts the plan's subscription and topic; the plan's Sensor subscribes" \
    start_pubsub_event_source_and_sensor
  check "an HR export message on Pub/Sub is received and acknowledged; the source created no topic or subscription" \
    pubsub_message_is_acknowledged
  check "the Sensor creates one Workflow from $PUBSUB_SENSOR with the message's file as export-file" \
    pubsub_sensor_creates_the_workflow
  check "the controller runs that Workflow (two etl-step steps, kwok's pods) to Succeeded" pubsub_workflow_succeeds
}

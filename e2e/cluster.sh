#!/usr/bin/env bash
# A local Kubernetes control plane on loopback, from the binaries e2e/tools.sh builds:
# etcd, kube-apiserver, kube-controller-manager, kube-scheduler, and kwok standing in for the
# kubelets of two fake Nodes.
#
#   e2e/cluster.sh start STATE_DIR   start everything; admin kubeconfig in STATE_DIR/kubeconfig
#   e2e/cluster.sh stop  STATE_DIR   stop what start started (pids in STATE_DIR/pids)
#   e2e/cluster.sh env   STATE_DIR   print `export KUBECONFIG=...; export PATH=...`
#
# Everything listens on 127.0.0.1 only, on free ports. Logs in STATE_DIR/logs.
# Pods: kwok's own fast stages (from the kwok module, kustomize/stage) make every scheduled pod
# Running and Ready, complete Job-owned pods, and delete pods being deleted; one more stage,
# derived from kwok's pod-complete, completes pods owned by an Argo Workflow (exit 0).
# Bare pods and Deployment pods stay Running, as they would on a real node.
set -euo pipefail

CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke"
BIN="$CACHE/e2e/bin"
READY_TIMEOUT="${E2E_READY_TIMEOUT:-90}"   # seconds per component

die() { echo "cluster.sh: $*" >&2; exit 1; }
usage() { die "usage: cluster.sh start|stop|env STATE_DIR"; }

[[ $# -eq 2 ]] || usage
CMD=$1
STATE=$2
mkdir -p "$STATE"
STATE=$(cd "$STATE" && pwd)
PKI="$STATE/pki"
LOGS="$STATE/logs"
PIDS="$STATE/pids"

# ---- ports ---------------------------------------------------------------------------------
USED_PORTS=" "
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    [[ "$USED_PORTS" == *" $p "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      USED_PORTS+="$p "
      echo "$p"
      return 0
    fi
  done
  die "no free port found on 127.0.0.1"
}

# ---- certificates (openssl) ----------------------------------------------------------------
# cert NAME SUBJECT [SAN]: a key and a certificate signed by the cluster CA.
cert() {
  local name=$1 subj=$2 san=${3:-}
  openssl req -new -newkey rsa:2048 -nodes -keyout "$PKI/$name.key" -subj "$subj" \
    -out "$PKI/$name.csr" 2>/dev/null
  local ext="$PKI/$name.ext"
  {
    echo "basicConstraints=CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    if [[ -n "$san" ]]; then
      echo "extendedKeyUsage=serverAuth"
      echo "subjectAltName=$san"
    else
      echo "extendedKeyUsage=clientAuth"
    fi
  } >"$ext"
  openssl x509 -req -in "$PKI/$name.csr" -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" \
    -CAcreateserial -days 30 -sha256 -extfile "$ext" -out "$PKI/$name.crt" 2>/dev/null
}

make_pki() {
  mkdir -p "$PKI"
  openssl req -x509 -new -newkey rsa:2048 -nodes -keyout "$PKI/ca.key" -days 30 -sha256 \
    -subj "/CN=argo-gke-e2e-ca" -out "$PKI/ca.crt" 2>/dev/null
  # kubeadm's SANs for the apiserver; 10.96.0.1 is the `kubernetes` Service's ClusterIP.
  cert apiserver "/CN=kube-apiserver" \
    "IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  cert admin "/O=system:masters/CN=kubernetes-admin"
  cert controller-manager "/CN=system:kube-controller-manager"
  cert scheduler "/CN=system:kube-scheduler"
  # Service-account token signing key pair.
  openssl genrsa -out "$PKI/sa.key" 2048 2>/dev/null
  openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
}

# kubeconfig FILE USER: a kubeconfig for the client certificate USER.
kubeconfig() {
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: e2e
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority: $PKI/ca.crt
users:
- name: $2
  user:
    client-certificate: $PKI/$2.crt
    client-key: $PKI/$2.key
contexts:
- name: e2e
  context: {cluster: e2e, user: $2, namespace: default}
current-context: e2e
EOF
}

# ---- processes -------------------------------------------------------------------------------
# run NAME ARGS...: starts a binary from BIN in the background, its own session, logging.
run() {
  local name=$1; shift
  setsid "$BIN/$name" "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

# wait_for WHAT COMMAND...: retries COMMAND every second until READY_TIMEOUT.
wait_for() {
  local what=$1; shift
  local deadline=$(( $(date +%s) + READY_TIMEOUT ))
  until "$@" >/dev/null 2>&1; do
    if (( $(date +%s) >= deadline )); then
      echo "cluster.sh: $what not ready after ${READY_TIMEOUT}s; last lines of its log:" >&2
      tail -15 "$LOGS/${what%% *}.log" >&2 2>/dev/null || true
      stop_all
      exit 1
    fi
    local pidfile="$PIDS/${what%% *}.pid"
    if [[ -f "$pidfile" ]] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "cluster.sh: $what exited; last lines of $LOGS/${what%% *}.log:" >&2
      tail -15 "$LOGS/${what%% *}.log" >&2 || true
      stop_all
      exit 1
    fi
    sleep 1
  done
}

# healthy PORT PATH: an HTTPS health endpoint answers ok (these paths need no authorization).
healthy() {
  curl -sf --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" \
    "https://127.0.0.1:$1$2" -o /dev/null
}
healthy_insecure() { curl -sfk "https://127.0.0.1:$1$2" -o /dev/null; }

stop_all() {
  local f pid
  [[ -d "$PIDS" ]] || return 0
  # Reverse start order: kwok, scheduler, controller-manager, apiserver, etcd.
  for name in kwok kube-scheduler kube-controller-manager kube-apiserver etcd; do
    f="$PIDS/$name.pid"
    [[ -f "$f" ]] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
}

# ---- kwok stages -----------------------------------------------------------------------------
kwok_config() {
  local ver dir out="$STATE/kwok.yaml"
  ver=$(cat "$BIN/.stamps/kwok" 2>/dev/null) || die "kwok not built: run e2e/tools.sh kwok"
  dir="$CACHE/gomod/sigs.k8s.io/kwok@$ver/kustomize/stage"
  [[ -d "$dir" ]] || die "kwok stages not found at $dir (run e2e/tools.sh kwok)"
  {
    for f in node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
             pod/fast/pod-ready.yaml pod/fast/pod-delete.yaml; do
      cat "$dir/$f"; echo "---"
    done
    # A Job's pod completes after a while, as a real one does: the chart's CRD-install Job gets the
    # seconds its kubectl apply would take, which bin/e2e's stand-in for it uses.
    sed -e "s/^spec:$/spec:\n  delay:\n    durationMilliseconds: ${E2E_JOB_SECONDS:-15}000/" "$dir/pod/fast/pod-complete.yaml"
    echo "---"
    # Argo's pods are owned by their Workflow, not by a Job: the same completion (every
    # container terminated, exit code 0, reason Completed, phase Succeeded) for them.
    sed -e 's/name: pod-complete$/name: pod-complete-argo-workflow/' -e "s/- 'Job'/- 'Workflow'/" \
      "$dir/pod/fast/pod-complete.yaml"
  } >"$out"
  grep -q "pod-complete-argo-workflow" "$out" && grep -q "'Workflow'" "$out" && grep -q "durationMilliseconds" "$out" \
    || die "could not derive the Workflow pod-complete stage from $dir/pod/fast/pod-complete.yaml"
}

# Two fake nodes shaped like GKE e2-standard-4 nodes in one zone. kwok manages the nodes that
# carry the annotation kwok.x-k8s.io/node=fake; no taint, so charts schedule as on GKE.
create_nodes() {
  local i
  for i in 1 2; do
    cat <<EOF
apiVersion: v1
kind: Node
metadata:
  name: gke-e2e-default-pool-$i
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: "0"
  labels:
    kubernetes.io/hostname: gke-e2e-default-pool-$i
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    beta.kubernetes.io/os: linux
    beta.kubernetes.io/arch: amd64
    node.kubernetes.io/instance-type: e2-standard-4
    topology.kubernetes.io/region: europe-west1
    topology.kubernetes.io/zone: europe-west1-b
    cloud.google.com/gke-nodepool: default-pool
    cloud.google.com/machine-family: e2
    type: kwok
spec: {}
status:
  capacity: {cpu: "4", memory: 16Gi, pods: "110", ephemeral-storage: 100Gi}
  allocatable: {cpu: "3920m", memory: 13Gi, pods: "110", ephemeral-storage: 95Gi}
---
EOF
  done | "$BIN/kubectl" --kubeconfig "$STATE/kubeconfig" apply -f - >/dev/null
}

start() {
  for b in etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok; do
    [[ -x "$BIN/$b" ]] || die "$BIN/$b missing: run e2e/tools.sh first"
  done
  command -v openssl >/dev/null || die "openssl is needed (apt-get install -y openssl)"
  command -v curl >/dev/null || die "curl is needed (apt-get install -y curl)"
  if [[ -d "$PIDS" ]] && ls "$PIDS"/*.pid >/dev/null 2>&1; then
    die "$STATE already has a running cluster (run: cluster.sh stop $STATE)"
  fi
  rm -rf "$PKI" "$LOGS" "$STATE/etcd"
  mkdir -p "$LOGS" "$PIDS"
  ETCD_PORT=$(free_port); ETCD_PEER_PORT=$(free_port); API_PORT=$(free_port)
  KCM_PORT=$(free_port); SCHED_PORT=$(free_port); KWOK_PORT=$(free_port)
  printf 'ETCD_PORT=%s\nAPI_PORT=%s\nKCM_PORT=%s\nSCHED_PORT=%s\nKWOK_PORT=%s\n' \
    "$ETCD_PORT" "$API_PORT" "$KCM_PORT" "$SCHED_PORT" "$KWOK_PORT" >"$STATE/ports"
  make_pki
  kubeconfig "$STATE/kubeconfig" admin
  kubeconfig "$STATE/controller-manager.kubeconfig" controller-manager
  kubeconfig "$STATE/scheduler.kubeconfig" scheduler
  kwok_config

  run etcd --name e2e --data-dir "$STATE/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "e2e=http://127.0.0.1:$ETCD_PEER_PORT" \
    --listen-metrics-urls "" --unsafe-no-fsync
  wait_for etcd curl -sf "http://127.0.0.1:$ETCD_PORT/health"

  # Admission: the release's default plugin set (which includes NamespaceLifecycle,
  # ServiceAccount, PodSecurity, LimitRanger, ResourceQuota, Priority, DefaultTolerationSeconds,
  # the webhook and policy plugins) plus NodeRestriction, as kubeadm and GKE enable it.
  run kube-apiserver \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$API_PORT" \
    --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --tls-cert-file "$PKI/apiserver.crt" --tls-private-key-file "$PKI/apiserver.key" \
    --client-ca-file "$PKI/ca.crt" \
    --service-account-key-file "$PKI/sa.pub" --service-account-signing-key-file "$PKI/sa.key" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-cluster-ip-range 10.96.0.0/16 \
    --authorization-mode Node,RBAC \
    --enable-admission-plugins NodeRestriction \
    --allow-privileged=true
  wait_for "kube-apiserver /readyz" healthy "$API_PORT" /readyz

  run kube-controller-manager \
    --kubeconfig "$STATE/controller-manager.kubeconfig" \
    --authentication-kubeconfig "$STATE/controller-manager.kubeconfig" \
    --authorization-kubeconfig "$STATE/controller-manager.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$KCM_PORT" \
    --client-ca-file "$PKI/ca.crt" \
    --service-account-private-key-file "$PKI/sa.key" --root-ca-file "$PKI/ca.crt" \
    --cluster-signing-cert-file "$PKI/ca.crt" --cluster-signing-key-file "$PKI/ca.key" \
    --use-service-account-credentials=true \
    --controllers '*,bootstrapsigner,tokencleaner' \
    --service-cluster-ip-range 10.96.0.0/16 \
    --leader-elect=false
  wait_for "kube-controller-manager /healthz" healthy_insecure "$KCM_PORT" /healthz

  run kube-scheduler \
    --kubeconfig "$STATE/scheduler.kubeconfig" \
    --authentication-kubeconfig "$STATE/scheduler.kubeconfig" \
    --authorization-kubeconfig "$STATE/scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$SCHED_PORT" \
    --leader-elect=false
  wait_for "kube-scheduler /healthz" healthy_insecure "$SCHED_PORT" /healthz

  run kwok --kubeconfig "$STATE/kubeconfig" --config "$STATE/kwok.yaml" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
    --server-address "127.0.0.1:$KWOK_PORT" --node-ip 127.0.0.1 \
    --node-lease-duration-seconds 40
  create_nodes
  local k=("$BIN/kubectl" --kubeconfig "$STATE/kubeconfig")
  wait_for "kwok (nodes Ready)" "${k[@]}" wait --for=condition=Ready node --all --timeout=1s
  # The controller-manager's serviceaccount controller makes `default` in each namespace;
  # pods cannot be admitted before it exists (ServiceAccount admission).
  wait_for "kube-controller-manager (ServiceAccount default)" "${k[@]}" get serviceaccount default -n default
  echo "cluster.sh: ready in $STATE (API https://127.0.0.1:$API_PORT)"
  echo "  export KUBECONFIG=$STATE/kubeconfig PATH=$BIN:\$PATH"
}

case $CMD in
  start) start ;;
  stop) stop_all; echo "cluster.sh: stopped $STATE" ;;
  env) echo "export KUBECONFIG=$STATE/kubeconfig"; echo "export PATH=$BIN:\$PATH" ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# Builds the real upstream programs that the end-to-end tier drives, from the Go module
# proxy, at the versions pinned below, into ${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke/e2e/bin.
#
#   e2e/tools.sh            build (or reuse) every tool, then print one line per tool
#   e2e/tools.sh kube argo  only these families (pulumi, pulumi-java, kubernetes-provider,
#                           kube, etcd, argo, argo-events, pubsub-fake, kwok)
#   e2e/tools.sh --bin      print the bin directory and exit
#
# Nothing from upstream is committed: the wrapper modules (one go.mod per program family,
# because minimal version selection would force one k8s.io / pulumi version on all of them)
# and the writable source copies are generated under the cache directory. A stamp per
# tool+version makes a warm run take seconds. See e2e/README.md for why each version.
set -euo pipefail

# ---- pinned versions (the only place they are written) ----------------------------------
# Newest pulumi/pkg/v3 the proxy serves (go list -m -versions).
PULUMI_VERSION=v3.276.0
# The proxy serves no pulumi-java root module newer than v1.34.0 (v1.35.x/v1.36.x answer
# "403 This module version is not available"); v1.34.0 is the nearest to the Java SDK 1.36.1.
PULUMI_JAVA_VERSION=v1.34.0
# provider/v4 has no tags of its own; this pseudo-version is the only one the proxy serves
# ("@latest"). Commit f47bc2d6f199, 2026-01-15, after sdk/v4.24.0. The label is what
# pulumictl would call an untagged commit after v4.24.x.
K8S_PROVIDER_MODVER=v4.0.0-20260115033456-f47bc2d6f199
K8S_PROVIDER_VERSION=4.25.0-alpha.1768448096+f47bc2d6
# The Java SDK com.pulumi:kubernetes 4.0.0 asks the engine for plugin kubernetes 4.0.0; the
# provider above is installed under that version into E2E's own PULUMI_HOME.
K8S_PLUGIN_REQUESTED=4.0.0
# Newest 1.36 patch the proxy serves (v1.36.6 answers 403).
KUBERNETES_VERSION=v1.36.5
# kubeadm's etcd for 1.36 (kwok pkg/kwokctl/components/etcd_version.go: 1.36 -> 3.6.10-0).
ETCD_VERSION=v3.6.10
# The project deploys v4.0.6 (argo-helm 1.0.18); the proxy answers 403 for v4.0.6 and serves
# v4.0.5 and v4.0.7. v4.0.7 is the nearer patch release that contains all of v4.0.6.
ARGO_VERSION=v4.0.7
KWOK_VERSION=v0.8.0
# What argo-helm's argo-events chart 2.4.22 installs (appVersion v1.9.10), and the NATS server of its JetStream
# EventBus version "latest" (values.yaml configs.jetstream.versions: nats:2.10.10).
ARGO_EVENTS_VERSION=v1.9.10
NATS_SERVER_VERSION=v2.10.10
# ------------------------------------------------------------------------------------------

CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke"
E2E="$CACHE/e2e"
BIN="$E2E/bin"
MODS="$E2E/mods"
LOGS="$E2E/logs"
STAMPS="$BIN/.stamps"
export GOMODCACHE="$CACHE/gomod" GOCACHE="$CACHE/gobuild"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
BUILD=(go build -trimpath -p 2)

if [[ "${1:-}" == "--bin" ]]; then echo "$BIN"; exit 0; fi
mkdir -p "$BIN" "$MODS" "$LOGS" "$STAMPS"
command -v go >/dev/null || { echo "tools.sh: go is not on PATH" >&2; exit 1; }

SUMMARY=()
FAILED=()
now() { date +%s; }
log() { echo "[tools] $*" >&2; }

# fresh NAME VERSION: the binary is there and was built from this version.
fresh() { [[ -x "$BIN/$1" && "$(cat "$STAMPS/$1" 2>/dev/null)" == "$2" ]]; }
stamp() { echo "$2" >"$STAMPS/$1"; }

# module_dir MODULE@VERSION: the read-only module cache directory of that version.
module_dir() {
  go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'
}

# wrapper DIR < go.mod text: (re)writes DIR/go.mod when the text changed and runs go mod
# tidy so go.sum is filled through the `tool` directives.
wrapper() {
  local dir=$1 text
  text=$(cat)
  mkdir -p "$dir"
  if [[ "$(cat "$dir/go.mod.in" 2>/dev/null)" != "$text" || ! -f "$dir/go.sum" ]]; then
    log "wrapper $dir: go mod tidy (log $LOGS/$(basename "$dir").tidy.log)"
    printf '%s\n' "$text" >"$dir/go.mod"
    rm -f "$dir/go.sum"
    (cd "$dir" && go mod tidy) >"$LOGS/$(basename "$dir").tidy.log" 2>&1 \
      || { tail -20 "$LOGS/$(basename "$dir").tidy.log" >&2; return 1; }
    printf '%s\n' "$text" >"$dir/go.mod.in"
  fi
}

# writable_copy MODULE@VERSION DEST: a chmod u+w copy of the module's source (for the
# programs that embed a generated, git-ignored file).
writable_copy() {
  local src dest=$2
  if [[ "$(cat "$dest/.copied-from" 2>/dev/null)" == "$1" ]]; then return 0; fi
  src=$(module_dir "$1")
  [[ -n "$src" ]] || { log "cannot download $1"; return 1; }
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  cp -r "$src" "$dest"
  chmod -R u+w "$dest"
  echo "$1" >"$dest/.copied-from"
}

# build NAME VERSION DIR PACKAGE [go build flags...]: builds DIR's PACKAGE into bin/NAME.
build() {
  local name=$1 version=$2 dir=$3 pkg=$4; shift 4
  if fresh "$name" "$version"; then return 0; fi
  local t0; t0=$(now)
  log "building $name $version (log $LOGS/$name.build.log)"
  if (cd "$dir" && "${BUILD[@]}" "$@" -o "$BIN/$name.tmp" "$pkg") >"$LOGS/$name.build.log" 2>&1; then
    mv "$BIN/$name.tmp" "$BIN/$name"
    stamp "$name" "$version"
    echo "$(( $(now) - t0 ))" >"$STAMPS/$name.seconds"
    log "built $name in $(( $(now) - t0 )) s"
  else
    tail -30 "$LOGS/$name.build.log" >&2
    return 1
  fi
}

build_pulumi() {
  local dir="$MODS/pulumi"
  fresh pulumi "$PULUMI_VERSION" && return 0
  # Wrapper: pkg/go.mod's own replace lines must be repeated (a dependency's replace is
  # ignored); the sdk => ../sdk one is satisfied by the sdk tag the pkg tag requires.
  wrapper "$dir" <<EOF
module argo-gke.e2e/pulumi

go 1.26.0

require github.com/pulumi/pulumi/pkg/v3 $PULUMI_VERSION

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e

tool github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
EOF
  # .goreleaser.yml (build id pulumi): -trimpath, tags osusergo grpcnotrace, ldflags -w -s
  # -X .../sdk/v3/go/common/version.Version=v<version>.
  build pulumi "$PULUMI_VERSION" "$dir" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
    -tags osusergo,grpcnotrace \
    -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION"
}

build_pulumi_java() {
  local dir="$MODS/pulumi-java"
  fresh pulumi-language-java "$PULUMI_JAVA_VERSION" && return 0
  # Its own wrapper: pulumi-java v1.34.0 is built against pulumi pkg v3.254.0, not the CLI's.
  wrapper "$dir" <<EOF
module argo-gke.e2e/pulumi-java

go 1.26.0

require github.com/pulumi/pulumi-java $PULUMI_JAVA_VERSION

replace github.com/Sirupsen/logrus => github.com/sirupsen/logrus v1.8.3

replace github.com/gogo/protobuf => github.com/gogo/protobuf v1.3.2

tool github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java
EOF
  # .goreleaser.yml: CGO_ENABLED=0, -trimpath, -w -s -X .../pkg/version.Version={{.Tag}}.
  build pulumi-language-java "$PULUMI_JAVA_VERSION" "$dir" \
    github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java \
    -ldflags "-w -s -X github.com/pulumi/pulumi-java/pkg/version.Version=$PULUMI_JAVA_VERSION"
}

build_kubernetes_provider() {
  local src="$MODS/pulumi-kubernetes-provider"
  local mod=github.com/pulumi/pulumi-kubernetes/provider/v4
  local cmd="$src/cmd/pulumi-resource-kubernetes"
  fresh pulumi-resource-kubernetes "$K8S_PROVIDER_VERSION" && return 0
  writable_copy "$mod@$K8S_PROVIDER_MODVER" "$src"
  # provider/go.mod points sdk/v4 at ../sdk, which is not in the module zip: use the
  # published sdk/v4 version it already requires instead.
  (cd "$src" && go mod edit -dropreplace github.com/pulumi/pulumi-kubernetes/sdk/v4)
  # main.go embeds schema-embed.json and terraform-mapping-embed.json, which are
  # git-ignored; the Makefile makes them with `VERSION=... go generate` (generate.go stamps
  # the version into the committed schema.json and re-marshals terraform-mapping.json).
  if [[ ! -f "$cmd/schema-embed.json" || "$(cat "$cmd/.generated" 2>/dev/null)" != "$K8S_PROVIDER_VERSION" ]]; then
    log "generating the provider's embedded schema"
    (cd "$cmd" && VERSION="$K8S_PROVIDER_VERSION" go generate ./main.go) \
      >"$LOGS/pulumi-resource-kubernetes.generate.log" 2>&1 \
      || { tail -20 "$LOGS/pulumi-resource-kubernetes.generate.log" >&2; return 1; }
    echo "$K8S_PROVIDER_VERSION" >"$cmd/.generated"
  fi
  # Makefile: CGO_ENABLED=0, -X .../provider/v4/pkg/version.Version=${VERSION}.
  build pulumi-resource-kubernetes "$K8S_PROVIDER_VERSION" "$src" ./cmd/pulumi-resource-kubernetes \
    -ldflags "-w -s -X github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version.Version=$K8S_PROVIDER_VERSION"
}

build_kube() {
  local dir="$MODS/kubernetes" gomod replaces minor
  local progs=(kube-apiserver kube-controller-manager kube-scheduler kubectl)
  local all_fresh=true p
  for p in "${progs[@]}"; do fresh "$p" "$KUBERNETES_VERSION" || all_fresh=false; done
  $all_fresh && return 0
  gomod="$(go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
  # Every staging module that k8s.io/kubernetes replaces with ./staging/src/k8s.io/X must be
  # replaced here by its published v0.MINOR.PATCH (as kubernetes/autoscaler's
  # hack/update-deps.sh derives them); one left out fails with "unknown revision v0.0.0".
  replaces=$(sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#\1#p' "$gomod" \
    | while read -r m; do echo "replace $m => $m v0.${KUBERNETES_VERSION#v1.}"; done)
  [[ -n "$replaces" ]] || { log "no staging replaces found in $gomod"; return 1; }
  wrapper "$dir" <<EOF
module argo-gke.e2e/kubernetes

go 1.26.0

godebug default=go1.26

require k8s.io/kubernetes $KUBERNETES_VERSION

$replaces

tool (
	k8s.io/kubernetes/cmd/kube-apiserver
	k8s.io/kubernetes/cmd/kube-controller-manager
	k8s.io/kubernetes/cmd/kube-scheduler
	k8s.io/kubernetes/cmd/kubectl
)
EOF
  # hack/lib/version.sh sets these in both client-go/pkg/version and component-base/version;
  # hack/lib/golang.sh adds -s -w. Without them /version says v0.0.0-master.
  minor=${KUBERNETES_VERSION#v1.}; minor=${minor%%.*}
  local ld="" key val
  for kv in "gitVersion=$KUBERNETES_VERSION" gitMajor=1 "gitMinor=$minor" gitTreeState=clean \
            "buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"; do
    key=${kv%%=*}; val=${kv#*=}
    ld+=" -X k8s.io/client-go/pkg/version.$key=$val -X k8s.io/component-base/version.$key=$val"
  done
  for p in "${progs[@]}"; do
    build "$p" "$KUBERNETES_VERSION" "$dir" "k8s.io/kubernetes/cmd/$p" -ldflags "-s -w$ld"
  done
}

build_etcd() {
  local dir="$MODS/etcd"
  fresh etcd "$ETCD_VERSION" && return 0
  # server/go.mod only replaces its sibling modules (../api, ../client/...), whose published
  # tags at the same version stand in; server/v3's root package is itself `package main`.
  wrapper "$dir" <<EOF
module argo-gke.e2e/etcd

go 1.26.0

require go.etcd.io/etcd/server/v3 $ETCD_VERSION

tool go.etcd.io/etcd/server/v3
EOF
  build etcd "$ETCD_VERSION" "$dir" go.etcd.io/etcd/server/v3 -ldflags "-s -w"
}

build_argo() {
  local src="$MODS/argo-workflows"
  local mod=github.com/argoproj/argo-workflows/v4
  if fresh argo "$ARGO_VERSION" && fresh workflow-controller "$ARGO_VERSION"; then return 0; fi
  writable_copy "$mod@$ARGO_VERSION" "$src"
  # ui/embed.go embeds ui/dist/app, which is git-ignored; the Makefile without STATIC_FILES
  # does `mkdir -p ui/dist/app && touch ui/dist/app/index.html`. The CLI links the UI only
  # for `argo server`.
  mkdir -p "$src/ui/dist/app" && touch "$src/ui/dist/app/index.html"
  # Makefile LDFLAGS (v4.0.x needs no build tag: it is on k8s.io v0.33).
  local ld="-s -w -X $mod.version=$ARGO_VERSION -X $mod.gitTag=$ARGO_VERSION"
  ld+=" -X $mod.gitTreeState=clean -X $mod.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  build workflow-controller "$ARGO_VERSION" "$src" ./cmd/workflow-controller -ldflags "$ld"
  # The controller imports time/tzdata; the CLI does not, and `argo lint` of a CronWorkflow
  # with a timezone calls time.LoadLocation: embed the zone database in the CLI too.
  build argo "$ARGO_VERSION" "$src" ./cmd/argo -tags timetzdata -ldflags "$ld"
}

build_kwok() {
  local dir="$MODS/kwok"
  fresh kwok "$KWOK_VERSION" && return 0
  wrapper "$dir" <<EOF
module argo-gke.e2e/kwok

go 1.26.0

require sigs.k8s.io/kwok $KWOK_VERSION

tool sigs.k8s.io/kwok/cmd/kwok
EOF
  # hack/releases.sh: -X sigs.k8s.io/kwok/pkg/consts.Version=... (the const defaults match).
  build kwok "$KWOK_VERSION" "$dir" sigs.k8s.io/kwok/cmd/kwok \
    -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${KWOK_VERSION#v}"
}

# Argo Events' one binary (cmd: controller, eventsource-service, sensor-service). The committed wrapper module
# e2e/argo-events (no replace lines to repeat: v1.9.10's go.mod has none) repeats the events oracle's versions, so
# the two share compiled dependencies in GOCACHE. Keyed on its go.mod and go.sum, the go version and this function.
# One patch, to a writable copy of the module (nothing upstream is committed; `go build -overlay` refuses files in
# GOMODCACHE): eventsource-service and sensor-service both serve metrics on the fixed ":7777"
# (v1alpha1.EventSourceMetricsPort, SensorMetricsPort; pkg/{eventsources,sensors}/cmd/start.go) and exit when it is
# taken. In a pod that port is the pod's own; here both share one host, so ARGOGKE_E2E_METRICS_ADDR, when set, is
# the address instead. Nothing else changes. The wrapper is copied next to the source copy and pointed at it.
# nats-server is built with its own go.mod (`go install module@version`, as upstream resolves it).
build_argo_events() {
  local wrapper key src="$MODS/argo-events-src" dir="$MODS/argo-events" f
  wrapper="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/argo-events"
  key="$ARGO_EVENTS_VERSION $( (go version; cat "$wrapper/go.mod" "$wrapper/go.sum"; declare -f build_argo_events) | sha256sum | cut -c1-16)"
  if ! fresh argo-events "$key"; then
    rm -rf "$src/.copied-from"
    writable_copy "github.com/argoproj/argo-events@$ARGO_EVENTS_VERSION" "$src" || return 1
    local patch='func() string { if a := os.Getenv("ARGOGKE_E2E_METRICS_ADDR"); a != "" { return a }; return fmt.Sprintf(":%d", v1alpha1.\1MetricsPort) }()'
    for f in sensors eventsources; do
      sed -i -E "s/fmt\.Sprintf\(\":%d\", v1alpha1\.(Sensor|EventSource)MetricsPort\)/$patch/" "$src/pkg/$f/cmd/start.go"
      grep -q ARGOGKE_E2E_METRICS_ADDR "$src/pkg/$f/cmd/start.go" || { log "metrics patch did not apply to pkg/$f/cmd/start.go"; return 1; }
    done
    mkdir -p "$dir"
    cp "$wrapper/go.mod" "$wrapper/go.sum" "$dir/"
    (cd "$dir" && go mod edit -replace "github.com/argoproj/argo-events=$src") || return 1
    # Makefile: LDFLAGS -X github.com/argoproj/argo-events.version/gitTag/gitTreeState/buildDate.
    local pkg=github.com/argoproj/argo-events ld
    ld="-s -w -X $pkg.version=$ARGO_EVENTS_VERSION -X $pkg.gitTag=$ARGO_EVENTS_VERSION -X $pkg.gitTreeState=clean"
    ld+=" -X $pkg.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    build argo-events "$key" "$dir" "$pkg/cmd" -ldflags "$ld" || return 1
  fi
  fresh nats-server "$NATS_SERVER_VERSION" && return 0
  local t0; t0=$(now)
  log "building nats-server $NATS_SERVER_VERSION (log $LOGS/nats-server.build.log)"
  (cd "$MODS" && GOBIN="$BIN" go install -trimpath "github.com/nats-io/nats-server/v2@$NATS_SERVER_VERSION") \
    >"$LOGS/nats-server.build.log" 2>&1 || { tail -20 "$LOGS/nats-server.build.log" >&2; return 1; }
  stamp nats-server "$NATS_SERVER_VERSION"
  echo "$(( $(now) - t0 ))" >"$STAMPS/nats-server.seconds"
}

# pubsub-fake: Google's in-memory Pub/Sub server (cloud.google.com/go/pubsub/pstest) behind a small committed
# program, e2e/pubsub-fake, for the gcppubsub EventSource (PUBSUB_EMULATOR_HOST). Its go.mod pins every module it
# compiles to the version e2e/argo-events/go.mod has (pubsub v1.49.0, grpc, genproto, ...), so its packages come
# out of GOCACHE as argo-events compiled them. Built in place; keyed on its sources, the go version and this function.
build_pubsub_fake() {
  local dir key
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pubsub-fake"
  key="$( (go version; cat "$dir/go.mod" "$dir/go.sum" "$dir"/*.go; declare -f build_pubsub_fake) | sha256sum | cut -c1-16)"
  build pubsub-fake "$key" "$dir" . -ldflags "-s -w"
}

# install_provider_plugin: `pulumi plugin install resource kubernetes 4.0.0 --file <binary>`
# (pkg/cmd/pulumi/plugin/plugin_install.go, --file installs without a download) into
# $E2E/pulumi-home, so a Pulumi run with PULUMI_HOME there uses the built provider for the
# Java SDK's request. ~/.pulumi is left alone.
install_provider_plugin() {
  local home="$E2E/pulumi-home" want="$K8S_PROVIDER_VERSION as $K8S_PLUGIN_REQUESTED"
  [[ -x "$BIN/pulumi" && -x "$BIN/pulumi-resource-kubernetes" ]] || return 0
  [[ "$(cat "$STAMPS/provider-plugin" 2>/dev/null)" == "$want" ]] && return 0
  mkdir -p "$home"
  rm -rf "$home/plugins/resource-kubernetes-v$K8S_PLUGIN_REQUESTED"*
  (cd / && PULUMI_HOME="$home" PULUMI_SKIP_UPDATE_CHECK=true "$BIN/pulumi" plugin install \
    resource kubernetes "$K8S_PLUGIN_REQUESTED" --file "$BIN/pulumi-resource-kubernetes") \
    >"$LOGS/provider-plugin.log" 2>&1 || { cat "$LOGS/provider-plugin.log" >&2; return 1; }
  echo "$want" >"$STAMPS/provider-plugin"
}

# version_of NAME: the version the program reports about itself.
version_of() {
  local b="$BIN/$1"
  case $1 in
    pulumi) PULUMI_SKIP_UPDATE_CHECK=true "$b" version ;;
    pulumi-language-java)
      # No version flag, and -trimpath leaves the ldflags out of the build info: the module
      # version the binary was built from is recorded there.
      go version -m "$b" | awk '$1 == "mod" { print "module " $3 }' ;;
    pulumi-resource-kubernetes)
      # The provider reports its version in the schema it serves (GetSchema).
      # (From /: the CLI would otherwise read a Pulumi.yaml in the current directory.)
      if [[ -x "$BIN/pulumi" ]]; then
        (cd / && PULUMI_SKIP_UPDATE_CHECK=true "$BIN/pulumi" package get-schema "$b" 2>/dev/null) \
          | grep -m1 -o '"version": *"[^"]*"' | sed 's/"version": *//; s/"//g'
      fi ;;
    kubectl) "$b" version --client 2>/dev/null | head -1 ;;
    kube-*) "$b" --version ;;
    etcd) "$b" --version | head -1 ;;
    workflow-controller) "$b" version 2>/dev/null | head -1 ;;
    argo) "$b" version --short ;;
    kwok) "$b" --version 2>/dev/null | head -1 ;;
    argo-events) "$b" --help >/dev/null 2>&1 && go version -m "$b" | awk '$1 == "mod" { print "module " $3 " (metrics address patch)" }' ;;
    nats-server) "$b" --version ;;
    pubsub-fake) go version -m "$b" | awk '$1 == "dep" && $2 == "cloud.google.com/go/pubsub" { print "pstest of " $2 " " $3 }' ;;
  esac
}

FAMILIES=(etcd kube kwok argo argo-events pubsub-fake pulumi pulumi-java kubernetes-provider)
declare -A TOOLS=(
  [etcd]="etcd" [kube]="kube-apiserver kube-controller-manager kube-scheduler kubectl"
  [kwok]="kwok" [argo]="workflow-controller argo" [argo-events]="argo-events nats-server" [pubsub-fake]="pubsub-fake" [pulumi]="pulumi"
  [pulumi-java]="pulumi-language-java" [kubernetes-provider]="pulumi-resource-kubernetes"
)
# The whole run is one function, read before it starts: editing this file while a build runs
# (bash reads scripts as it goes) cannot break the run.
main() {
  local wanted=("$@") start f t lock
  [[ ${#wanted[@]} -gt 0 ]] || wanted=("${FAMILIES[@]}")

  start=$(now)
  for f in "${wanted[@]}"; do
    [[ -n "${TOOLS[$f]:-}" ]] || { echo "tools.sh: unknown family '$f' (one of: ${FAMILIES[*]})" >&2; exit 2; }
    # One build per family at a time: a second tools.sh run waits, then finds it fresh.
    exec {lock}>"$MODS/$f.lock"
    flock "$lock"
    if ! "build_${f//-/_}"; then FAILED+=("$f"); log "FAILED: $f (see $LOGS)"; fi
    flock -u "$lock"
  done

  if [[ " ${wanted[*]} " == *" pulumi "* || " ${wanted[*]} " == *" kubernetes-provider "* ]]; then
    install_provider_plugin || FAILED+=("provider-plugin")
  fi

  for f in "${wanted[@]}"; do
    for t in ${TOOLS[$f]}; do
      if [[ -x "$BIN/$t" ]]; then
        printf '%-28s %-45s cold build %ss\n' "$t" "$(version_of "$t" 2>&1 | tr -s '\n' ' ' | cut -c1-45)" \
          "$(cat "$STAMPS/$t.seconds" 2>/dev/null || echo '?')"
      else
        printf '%-28s %s\n' "$t" "NOT BUILT"
      fi
    done
  done
  if [[ -f "$STAMPS/provider-plugin" ]]; then
    printf '%-28s %s\n' "plugin kubernetes" "$(cat "$STAMPS/provider-plugin") (PULUMI_HOME=$E2E/pulumi-home)"
  fi
  echo "tools.sh: $(( $(now) - start )) s this run; binaries in $BIN"
  [[ ${#FAILED[@]} -eq 0 ]] || { echo "tools.sh: failed: ${FAILED[*]}" >&2; exit 1; }
}
main "$@"

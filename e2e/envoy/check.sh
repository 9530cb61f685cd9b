#!/usr/bin/env bash
# The Envoy bootstrap argo-gke puts in argo-server's pod, checked against Envoy's own API
# definitions (github.com/envoyproxy/go-control-plane/envoy v1.40.0: the v3 messages, their
# protoc-gen-validate rules and deprecation marks), since Envoy itself cannot run here.
#
#   e2e/envoy/check.sh      builds e2e/envoy (Go module proxy, ~/.cache/argo-gke), prints the
#                           bootstrap with the packaged jar, checks it, then checks that the checker
#                           refuses broken copies of it. Ends with "envoy bootstrap: N passed, M failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/argo-gke"
BIN="$CACHE/e2e/tools-extra"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$BIN"
GOTOOLCHAIN=local GOFLAGS=-mod=mod GOMODCACHE="$CACHE/gomod" GOCACHE="$CACHE/gobuild" \
  go build -C "$ROOT/e2e/envoy" -trimpath -p 2 -o "$BIN/envoy-bootstrap-check" . || exit 1
[[ -f "$ROOT/target/argo-gke.jar" ]] || (cd "$ROOT" && mvn -B -q package -DskipTests) || exit 1

# Any project number will do: it only goes into the audience prefix.
java -cp "$ROOT/target/argo-gke.jar" "$ROOT/e2e/envoy/PrintBootstrap.java" 123456789012 >"$WORK/envoy.yaml" || exit 1

PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok   $*"; }
bad() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }

if "$BIN/envoy-bootstrap-check" "$WORK/envoy.yaml"; then
  ok "argo-gke's bootstrap is a valid Bootstrap"
else
  bad "argo-gke's bootstrap is refused"
fi

# Each broken copy must be refused, with the reason the checker gives: otherwise a pass above
# proves nothing. NAME | what it breaks | a perl substitution on the whole file.
while IFS='|' read -r name expect edit; do
  [[ -z "$name" ]] && continue
  perl -0pe "$edit" "$WORK/envoy.yaml" >"$WORK/$name.yaml"
  if cmp -s "$WORK/envoy.yaml" "$WORK/$name.yaml"; then
    bad "$name: the substitution changed nothing (fix the test)"
    continue
  fi
  out="$("$BIN/envoy-bootstrap-check" "$WORK/$name.yaml")"
  if [[ $? -ne 0 ]] && grep -q -- "$expect" <<<"$out"; then
    ok "$name refused: $(grep -m1 -- "$expect" <<<"$out" | sed "s|$WORK/||")"
  else
    bad "$name not refused as expected ($expect): $out"
  fi
done <<'CASES'
mistyped-field|unknown field "payload_in_metdata"|s/payload_in_metadata:/payload_in_metdata:/
bad-enum|invalid value for enum field dnsLookupFamily|s/V4_PREFERRED/V4_PREFERED/
bad-action|invalid value for enum field action|s/action: ALLOW/action: PERMIT/
unknown-extension|unable to resolve|s/router\.v3\.Router/router.v3.Routr/
empty-stat-prefix|StatPrefix|s/stat_prefix: iap_proxy/stat_prefix: ""/
zero-connect-timeout|ConnectTimeout|s/connect_timeout: 1s/connect_timeout: 0s/
missing-jwks-cluster|HttpUri.HttpUpstreamType: value is required|s/\n\s*cluster: iap-public-keys//
deprecated-field|deprecated field envoy.config.route.v3.HeaderMatcher.exact_match|s/string_match:\n\s*exact: \/healthz/exact_match: \/healthz/
CASES

echo "envoy bootstrap: $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]

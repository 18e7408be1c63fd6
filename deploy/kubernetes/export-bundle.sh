#!/usr/bin/env bash
# Exports a support bundle from the CompanyOS Agent on one node of the cluster into a local file, and prints the
# receipt (size and SHA-256, checked against the agent's own receipt line).
#
#   deploy/kubernetes/export-bundle.sh NODE [OUT_FILE] [export-bundle options...]
#   deploy/kubernetes/export-bundle.sh worker-3 support.tar.zst.pgp --since 48h
#
# It runs `agent export-bundle --out -` in the agent pod on NODE with `kubectl exec`. The bundle is encrypted in the
# pod to the configured vendor key(s): the plaintext never leaves the pod, and the file is written under a temporary
# name and renamed only once complete and verified.
#
#   COMPANYOS_AGENT_NAMESPACE  the agent's namespace (default companyos-agent)
#   KUBECTL                    the kubectl command (default kubectl); e.g. "kubectl --context prod"
set -euo pipefail

usage() {
  echo "usage: $0 NODE [OUT_FILE] [export-bundle options...]" >&2
  exit 2
}
[ $# -ge 1 ] && [ -n "$1" ] && [ "${1:0:1}" != - ] || usage
node=$1
shift
out="companyos-support-$node-$(date -u +%Y%m%dT%H%M%SZ).tar.zst.pgp"
if [ $# -ge 1 ] && [ "${1:0:1}" != - ]; then
  out=$1
  shift
fi
namespace=${COMPANYOS_AGENT_NAMESPACE:-companyos-agent}
read -r -a kubectl <<<"${KUBECTL:-kubectl}"
config=/etc/companyos-agent/config/agent.yaml
# The bundle is staged (redacted) before it is encrypted: on the state directory's volume, not the small /tmp.
staging=/var/lib/companyos-agent/export-staging

pod=$("${kubectl[@]}" -n "$namespace" get pods -l app.kubernetes.io/name=companyos-agent \
  --field-selector "spec.nodeName=$node" -o jsonpath='{.items[0].metadata.name}' 2>/dev/null || true)
if [ -z "$pod" ]; then
  echo "export-bundle: no agent pod on node '$node' in namespace $namespace" \
    "(kubectl -n $namespace get pods -o wide lists them)" >&2
  exit 1
fi

if [ -e "$out" ]; then
  echo "export-bundle: $out already exists; give another OUT_FILE" >&2
  exit 1
fi
partial="$out.partial"
agent_err=$(mktemp)
trap 'rm -f "$partial" "$agent_err"' EXIT

echo "export-bundle: exporting from pod $pod on node $node into $out ..." >&2
"${kubectl[@]}" -n "$namespace" exec "$pod" -c agent -- mkdir -p "$staging" >/dev/null
if ! "${kubectl[@]}" -n "$namespace" exec "$pod" -c agent -- \
    env "AGENT_JAVA_OPTS=-Djava.io.tmpdir=$staging" \
    agent export-bundle --config "$config" --out - "$@" >"$partial" 2>"$agent_err"; then
  cat "$agent_err" >&2
  echo "export-bundle: the agent on $node did not write a bundle; nothing was kept" >&2
  exit 1
fi

receipt=$(grep '^bundle stdout size ' "$agent_err" | tail -n 1 || true)
grep -v '^bundle stdout size ' "$agent_err" >&2 || true
if [ -z "$receipt" ]; then
  echo "export-bundle: the agent printed no receipt line; nothing was kept" >&2
  exit 1
fi
size=$(wc -c <"$partial" | tr -d ' ')
if command -v sha256sum >/dev/null; then
  sha=$(sha256sum "$partial" | cut -d' ' -f1)
else
  sha=$(shasum -a 256 "$partial" | cut -d' ' -f1)
fi
read -r _ _ _ agent_size _ agent_sha rest <<<"$receipt"
if [ "$size" != "$agent_size" ] || [ "$sha" != "$agent_sha" ]; then
  echo "export-bundle: the file received ($size bytes, sha256 $sha) differs from the agent's receipt" \
    "($agent_size bytes, sha256 $agent_sha); nothing was kept" >&2
  exit 1
fi
mv "$partial" "$out"
echo "bundle $out size $size sha256 $sha $rest"

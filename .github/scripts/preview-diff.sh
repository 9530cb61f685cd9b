#!/usr/bin/env bash
# The pull-request comment's plan diff, computed by the default branch's argo-gke
# (.github/workflows/preview-comment.yml, job "diff"; docs/security.md, "The pull-request comment").
#
#   preview-diff.sh JAR BASE_DIR HEAD_DIR STACK...   > preview.md
#
# JAR is argo-gke built from the default branch; this script comes from the same checkout. The pull
# request supplies data only: BASE_DIR and HEAD_DIR are project folders holding nothing but the
# workflows/ and stacks/ of its base and head commits, which JAR reads as YAML (-Dargogke.root, the
# folder `plan` reads stacks/Pulumi.STACK.yaml and the stack's workflows folder from). Nothing in
# them runs. For each STACK: the Markdown diff of the two plans, after a note when a side could not
# be planned or broke a policy rule. The pull request's data never makes this script fail: what
# went wrong goes into the note. Exit 2 only for a usage error.
# shellcheck disable=SC2016 # the backquotes in the printf formats are Markdown code spans
set -euo pipefail

if (($# < 4)); then
  echo "usage: preview-diff.sh JAR BASE_DIR HEAD_DIR STACK..." >&2
  exit 2
fi
for f in "$1" "$2" "$3"; do
  [[ -e "$f" ]] || { echo "preview-diff.sh: no $f" >&2; exit 2; }
done
jar=$1 base="$(cd "$2" && pwd)" head="$(cd "$3" && pwd)"
shift 3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# argo-gke as bin/argo-gke starts it, on a project folder other than the jar's checkout.
argo_gke() {
  local project=$1
  shift
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 \
    -Dargogke.root="$project" -cp "$jar" dev.argogke.cli.Main "$@"
}

# A message quoted as a Markdown code block (every line indented), so that text from the pull
# request's files is shown, not rendered; at most 20 lines.
quoted() {
  sed -n '1,20{s/^/    /;p}' "$1"
  if (($(wc -l <"$1") > 20)); then echo "    ..."; fi
}

# A symbolic link would let a data file name any file on the runner: such a folder is not read.
links() {
  find "$1" -type l -print -quit
}

# plan SIDE DIR STACK: writes $work/SIDE.json (absent when it cannot be planned), argo-gke's
# messages to $work/SIDE.err and its exit status to $work/SIDE.rc (1: planned, but a policy rule fails).
plan() {
  local side=$1 dir=$2 stack=$3 link rc=0
  rm -f "$work/$side.json"
  link="$(links "$dir")"
  if [[ -n "$link" ]]; then
    echo "${link#"$dir"/} is a symbolic link: argo-gke reads no linked file here" >"$work/$side.err"
    echo 2 >"$work/$side.rc"
    return 0
  fi
  argo_gke "$dir" plan --stack "$stack" --out "$work/$side.json" >&2 2>"$work/$side.raw" || rc=$?
  echo "$rc" >"$work/$side.rc"
  # Paths as in the repository: workflows/x.yaml, not the runner's folder.
  sed "s"$'\001'"$dir/"$'\001\001'"g" "$work/$side.raw" >"$work/$side.err"
}

empty_plan() {
  printf '{"formatVersion": 1, "project": "argo-gke", "stack": "%s", "resources": [], "outputs": {}, "workflows": [], "waivers": []}\n' "$1"
}

for stack in "$@"; do
  plan base "$base" "$stack"
  plan head "$head" "$stack"
  if [[ ! -s "$work/head.json" ]]; then
    printf '### Stack `%s`\n\n> **The pull request'"'"'s `workflows/` and `stacks/` cannot be planned for `%s`:**\n\n' "$stack" "$stack"
    quoted "$work/head.err"
    echo
    continue
  fi
  : >"$work/note.md"
  if [[ ! -s "$work/base.json" ]]; then
    empty_plan "$stack" >"$work/base.json"
    printf '> The base commit could not be planned for `%s` (a new stack, or files this argo-gke no longer reads): everything shows as new.\n\n' "$stack" >>"$work/note.md"
  fi
  if [[ "$(cat "$work/head.rc")" != 0 ]]; then
    { printf '> The head breaks policy rules for `%s`:\n\n' "$stack"; quoted "$work/head.err"; echo; } >>"$work/note.md"
  fi
  argo_gke "$head" diff --format markdown "$work/base.json" "$work/head.json" >"$work/diff.md"
  # The notes go under the diff's first line, its "### Stack" heading.
  sed -n '1,2p' "$work/diff.md"
  cat "$work/note.md"
  sed '1,2d' "$work/diff.md"
  echo
done

#!/usr/bin/env bash
# runtime-move-diff.sh [BASE]: shows that moving the runtime into a package of its own
# (issue 15 item 1) changes nothing else in the whole v1.0 and beta clients.
#
# It generates both from ../shared/corpus/graph-docs-2021/api-reference/{v1.0,beta} with
# the generator at BASE (default 74b2693, before the move) and with the working tree's,
# then compares them:
#   - the files only BASE writes must be the runtime's (batch_gen.go, ..., upload_gen.go),
#     and the files only the new one writes internal/graphrt/*_gen.go and graphrt_gen.go;
#   - the internal/graphrt files together must hold BASE's runtime files' lines, in any
#     order and file (the runtime's files were split by concern after the move), but for
#     headers, package comments and clauses, imports, and the two helpers generated code
#     now calls (rawMarshal -> MarshalRaw);
#   - every other file must be BASE's once the move's own edits are undone: the graphrt
#     import and qualifier, the runtime client a method passes (c.Client -> c), and the
#     model List that BASE named List2.
# It prints the figures and exits 1 when anything else differs. Run from the repository
# root; make runtime-move-diff runs it.
set -euo pipefail

base=${1:-74b2693}
corpus=${CORPUS:-../shared/corpus/graph-docs-2021/api-reference}
if [ ! -d "$corpus/v1.0" ]; then
	echo "runtime-move-diff: the corpus is absent ($corpus): nothing to compare" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/base-src" "$tmp/mod"
git archive "$base" | tar -x -C "$tmp/base-src"
(cd "$tmp/base-src" && go build -o "$tmp/gen-base" ./cmd/graphdocgen)
go build -o "$tmp/gen-new" ./cmd/graphdocgen
printf 'module example.com/m\n\ngo 1.26\n' >"$tmp/mod/go.mod"

# The runtime's files at BASE, and now: one per non-test Go file of internal/emit/runtime.
runtime_files=$(git ls-tree --name-only "$base" internal/emit/runtime/ | sed -n 's|^internal/emit/runtime/\(.*\)\.go$|\1_gen.go|p' | grep -v '_test_gen.go$')
new_runtime_files=$(cd internal/emit/runtime && ls *.go | grep -v '_test.go$' | sed 's|\.go$|_gen.go|')

# undo_move normalises a file of the new output: no graphrt import (an import block left
# with one path is written as one line, as gofmt would) or qualifier, the receiver instead
# of its runtime client, the helpers' old names, and spaces collapsed (gofmt aligns
# columns by the longer names).
undo_move() {
	sed -E -e '/^[[:space:]]*(import )?graphrt "[^"]*\/internal\/graphrt"$/d' \
		-e 's/graphrt\.//g' -e 's/\bc\.Client\b/c/g' \
		-e 's/\bMarshalRaw\b/rawMarshal/g' -e 's/\bUnmarshalRaw\b/rawUnmarshal/g' "$1" |
		perl -0pe 's/^import \(\n\s*("[^"\n]*")\n\)$/import $1/m' | tr -s ' \t' ' '
}
# base_norm normalises a file of BASE's output: the model List (and its knownList), not
# List2.
base_norm() { sed -E -e 's/\b(known)?List2\b/\1List/g' "$1" | tr -s ' \t' ' '; }
# runtime_lines lists the lines of runtime files, sorted: no header, package comment or
# clause, imports or blank lines, and the helpers' new names.
runtime_lines() {
	for f in "$@"; do
		sed -n '/^package /,$p' "$f" | tail -n +2 | perl -0pe 's/^import \((\n[^)]*)\n\)\n//m; s/^import "[^"]*"\n//m'
	done | sed -E 's/\brawMarshal\b/MarshalRaw/g; s/\brawUnmarshal\b/UnmarshalRaw/g' | grep -v '^$' | LC_ALL=C sort
}

status=0
for v in v1.0 beta; do
	old=$tmp/base-$v new=$tmp/mod/$v
	"$tmp/gen-base" -q --fail-on never --package graph --out "$old" "$corpus/$v" 2>/dev/null
	"$tmp/gen-new" -q --fail-on never --package graph --out "$new" "$corpus/$v" 2>/dev/null
	(cd "$old" && find . -name '*.go' | sed 's|^\./||' | sort) >"$tmp/old-files"
	(cd "$new" && find . -name '*.go' | sed 's|^\./||' | sort) >"$tmp/new-files"
	only_old=$(comm -23 "$tmp/old-files" "$tmp/new-files")
	only_new=$(comm -13 "$tmp/old-files" "$tmp/new-files")
	common=$(comm -12 "$tmp/old-files" "$tmp/new-files" | grep -vx 'client_gen.go' || true)

	want_old=$(echo "$runtime_files" | grep -vx 'client_gen.go' | sort)
	want_new=$( (echo graphrt_gen.go; echo "$new_runtime_files" | sed 's|^|internal/graphrt/|') | sort)
	if [ "$only_old" != "$want_old" ]; then
		echo "$v: files only the base writes are not the runtime's:"; diff <(echo "$want_old") <(echo "$only_old") || true; status=1
	fi
	if [ "$only_new" != "$want_new" ]; then
		echo "$v: files only the new generator writes are not the runtime package and graphrt_gen.go:"; diff <(echo "$want_new") <(echo "$only_new") || true; status=1
	fi

	# The runtime package against the base's runtime files.
	d=$(diff <(runtime_lines $(for f in $runtime_files; do echo "$old/$f"; done)) \
		<(runtime_lines $(for f in $new_runtime_files; do echo "$new/internal/graphrt/$f"; done)) || true)
	rt_lines=$(echo "$d" | grep -c '^[<>]' || true)
	if [ "$rt_lines" -gt 0 ]; then
		echo "$v: the runtime package's lines are not the base's runtime's:"; echo "$d" | head -20; status=1
	fi

	# Every other file, raw and with the move undone.
	raw_files=0 raw_lines=0 rest_files=0 rest_lines=0
	for f in $common; do
		n=$(diff "$old/$f" "$new/$f" | grep -c '^[<>]' || true)
		if [ "$n" -gt 0 ]; then raw_files=$((raw_files + 1)); raw_lines=$((raw_lines + n)); fi
		d=$(diff <(base_norm "$old/$f") <(undo_move "$new/$f") || true)
		if [ -n "$d" ]; then
			rest_files=$((rest_files + 1)); rest_lines=$((rest_lines + $(echo "$d" | grep -c '^[<>]')))
			echo "$v: $f differs beyond the move:"; echo "$d" | head -20; status=1
		fi
	done
	list2=$(grep -rlw List2 "$old" --include='*.go' | wc -l)
	echo "$v: base $(wc -l <"$tmp/old-files") files, new $(wc -l <"$tmp/new-files")."
	echo "  moved: the runtime's $(echo "$runtime_files" | wc -w) files -> $(echo "$new_runtime_files" | wc -w) files in internal/graphrt/ ($(runtime_lines $(for f in $new_runtime_files; do echo "$new/internal/graphrt/$f"; done) | wc -l) non-blank lines); lines not the base's runtime's, in any order, once rawMarshal/rawUnmarshal are read as MarshalRaw/UnmarshalRaw and imports and package clauses dropped: $rt_lines"
	echo "  added: graphrt_gen.go ($(wc -l <"$new/graphrt_gen.go") lines of re-exports); client_gen.go replaced ($(wc -l <"$old/client_gen.go") lines of runtime -> $(wc -l <"$new/client_gen.go") lines: Client, NewClient, Batch, NewBatch)"
	echo "  other files: $(echo "$common" | wc -w), $raw_files changed by $raw_lines diff lines (graphrt import and qualifiers, c.Client, List2 -> List in $list2 base files); beyond the move: $rest_files files, $rest_lines lines"
done
exit $status

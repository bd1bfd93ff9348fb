package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/emit"
	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// What the run prints besides the diagnostics themselves: the paths the user gave, notes on
// --include, counts, and --check's changes.

// article is "a" or "an" before a word.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// plural writes "1 page" or "2 pages".
func plural(n int, noun string) string {
	return fmt.Sprintf("%d %s", n, verb(n, noun, noun+"s"))
}

func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// displayName maps a page's name (Input.Rel) to the path the user gave.
func displayName(inputs []generate.Input) func(string) string {
	byRel := map[string]string{}
	for _, in := range inputs {
		byRel[in.Rel] = in.Display
	}
	return func(rel string) string {
		if d, ok := byRel[rel]; ok {
			return d
		}
		return rel
	}
}

// includeNotes says, for each --include glob that names only pages whose endpoints other
// pages own, where the endpoints it selected come from (the endpoint map gives each
// endpoint one owner; the other pages that document it are the owner's AlsoIn).
func includeNotes(res *generate.Result, include []string, inputs []generate.Input) []string {
	name := displayName(inputs)
	var notes []string
	for _, pat := range include {
		if strings.HasPrefix(pat, "/") {
			continue
		}
		one := model.Selection{Include: []string{pat}}
		if slices.ContainsFunc(res.API.Operations, func(op *model.Operation) bool { return one.SelectsPage(op.Page) }) {
			continue // it names a page that owns what it selects
		}
		for _, op := range res.API.Operations {
			for _, also := range op.AlsoIn {
				if one.SelectsPage(also) {
					notes = append(notes, fmt.Sprintf("--include %s: %s was merged into %s (the owner of %s %s); selected from there",
						pat, name(also), name(op.Page), op.Method, op.Paths[0]))
				}
			}
		}
	}
	return notes
}

// unmatchedInclude says why an --include selects no operation.
func unmatchedInclude(res *generate.Result, pat string, inputs []generate.Input) string {
	name := displayName(inputs)
	if strings.HasPrefix(pat, "/") {
		return fmt.Sprintf("--include %s selects no operation: no path in these docs starts with %s (a typo, or an endpoint they do not have)", pat, pat)
	}
	one := model.Selection{Include: []string{pat}}
	var named []*model.Page
	for _, p := range res.Pages {
		if one.SelectsPage(p.File) {
			named = append(named, p)
		}
	}
	switch {
	case len(named) == 0:
		return fmt.Sprintf("--include %s selects no operation: no page is named so (a typo, or a page these docs do not have)", pat)
	case len(named) == 1 && named[0].Kind != model.PageAPI:
		return fmt.Sprintf("--include %s selects no operation: %s is not an API page but %s %s page", pat, name(named[0].File), article(named[0].Kind.String()), named[0].Kind)
	case len(named) == 1:
		return fmt.Sprintf("--include %s selects no operation: %s has none that could be generated (its diagnostics above say why)", pat, name(named[0].File))
	}
	return fmt.Sprintf("--include %s selects no operation: none of the %d pages it names (%s, ...) has one that could be generated", pat, len(named), name(named[0].File))
}

// displayNames rewrites diagnostic positions from page names to the paths the user gave.
func displayNames(ds model.Diagnostics, inputs []generate.Input) model.Diagnostics {
	byRel := map[string]string{}
	for _, in := range inputs {
		byRel[in.Rel] = in.Display
	}
	for i := range ds {
		if d, ok := byRel[ds[i].Pos.File]; ok {
			ds[i].Pos.File = d
		}
	}
	return ds
}

func countKind(pages []*model.Page, k model.PageKind) int {
	n := 0
	for _, p := range pages {
		if p.Kind == k {
			n++
		}
	}
	return n
}

// printChanges prints --check's summary and diffs.
func printChanges(stdout, stderr io.Writer, dir string, changes []emit.Change) {
	const maxDiff = 200 << 10
	written := 0
	for _, c := range changes {
		fmt.Fprintf(stderr, "graphdocgen: %s: %s\n", filepath.ToSlash(filepath.Join(dir, c.Name)), c.Kind)
	}
	for _, c := range changes {
		if written+len(c.Diff) > maxDiff {
			fmt.Fprintf(stdout, "... diff cut at %d KiB; run graphdocgen without --check to regenerate\n", maxDiff>>10)
			break
		}
		written += len(c.Diff)
		io.WriteString(stdout, c.Diff)
	}
	fmt.Fprintf(stderr, "graphdocgen: %s is stale (%d files differ); regenerate it\n", dir, len(changes))
}

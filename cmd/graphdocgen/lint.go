package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/pflag"

	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/lint"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// lintHelp is `graphdocgen lint --help`'s text after the flags.
const lintHelp = `Every diagnostic the generator collects (parsing, model building, includes) is printed,
with the lint-only checks: example requests no request line matches, example body keys and
response properties the tables do not name, placeholder values, links to missing pages.
Findings go to standard output, sorted by file, line and column; a count goes to standard
error.

Exit status: 0 when nothing fails; 1 when there is an error (or, with --strict, a warning);
2 for a usage error (a bad flag, a PATH that does not exist, no pages).
`

// runLint is `graphdocgen lint [flags] PATH...`.
func runLint(args []string, stdout, stderr io.Writer) int {
	fl := pflag.NewFlagSet("graphdocgen lint", pflag.ContinueOnError)
	fl.SetOutput(io.Discard)
	format := fl.String("format", "text", "output `format`: text (file:line:col: severity: code: message), json, or github (workflow annotations)")
	strict := fl.Bool("strict", false, "warnings fail too (exit 1)")
	summary := fl.Bool("summary", false, "print a table of findings by code to standard error")
	jobs := fl.IntP("jobs", "j", runtime.GOMAXPROCS(0), "pages parsed in parallel")
	help := fl.BoolP("help", "h", false, "print this help")
	if err := fl.Parse(args); err != nil {
		fmt.Fprintf(stderr, "graphdocgen lint: %v\nRun graphdocgen lint --help for usage.\n", err)
		return exitUsage
	}
	if *help {
		fmt.Fprintf(stdout, "Usage: graphdocgen lint [flags] PATH...\n\n"+
			"Checks Microsoft Graph API reference pages for their authors. Each PATH is a page\n"+
			"(any extension) or a folder of pages (*.md, recursively).\n\nFlags:\n%s\n%s", fl.FlagUsages(), lintHelp)
		return exitOK
	}
	f, err := lint.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(stderr, "graphdocgen lint: %v\n", err)
		return exitUsage
	}
	paths := fl.Args()
	if len(paths) == 0 {
		fmt.Fprintf(stderr, "graphdocgen lint: name the pages or folders to check\nRun graphdocgen lint --help for usage.\n")
		return exitUsage
	}
	inputs, err := generate.Collect(paths)
	if err != nil {
		fmt.Fprintf(stderr, "graphdocgen lint: %v\n", err)
		if errors.Is(err, fs.ErrNotExist) {
			return exitUsage
		}
		return exitFail
	}
	if len(inputs) == 0 {
		fmt.Fprintf(stderr, "graphdocgen lint: no pages (*.md) under %s\n", strings.Join(paths, ", "))
		return exitUsage
	}
	ds, pages, err := Lint(inputs, *jobs)
	if err != nil {
		fmt.Fprintf(stderr, "graphdocgen lint: %v\n", err)
		return exitFail
	}
	if f == lint.GitHub {
		// Annotations name files relative to the repository, which a workflow's working
		// directory is: a path as given may be absolute.
		if wd, err := os.Getwd(); err == nil {
			for i := range ds {
				if abs, err := filepath.Abs(filepath.FromSlash(ds[i].Pos.File)); err == nil && ds[i].Pos.File != "" {
					if rel, err := filepath.Rel(wd, abs); err == nil {
						ds[i].Pos.File = filepath.ToSlash(rel)
					}
				}
			}
		}
	}
	if err := lint.Write(stdout, ds, f); err != nil {
		fmt.Fprintf(stderr, "graphdocgen lint: %v\n", err)
		return exitFail
	}
	if *summary {
		lint.WriteSummary(stderr, ds)
	}
	errs := ds.Errors()
	warnings := len(ds) - errs
	fmt.Fprintf(stderr, "graphdocgen lint: %d pages, %d errors, %d warnings\n", pages, errs, warnings)
	if errs > 0 || *strict && warnings > 0 {
		return exitFail
	}
	return exitOK
}

// Lint runs the parser and the model builder on the inputs, then the lint checks, and
// returns every diagnostic with its file named as the user named the input (a page given
// by name keeps that name; a file an include brought in is named below the same root).
func Lint(inputs []generate.Input, jobs int) (model.Diagnostics, int, error) {
	version, err := generate.InferVersion(displayList(inputs))
	if err != nil {
		version = "v1.0" // lint checks do not depend on the version
	}
	res, err := generate.Run(inputs, generate.Config{Version: version, Package: "graph", Jobs: jobs, NoEmit: true})
	if err != nil {
		return nil, 0, err
	}
	roots := inputRoots(inputs)
	read := func(name string) ([]byte, error) {
		var first error
		for _, r := range roots {
			b, err := os.ReadFile(filepath.Join(filepath.FromSlash(r), filepath.FromSlash(name)))
			if err == nil {
				return b, nil
			}
			if first == nil {
				first = err
			}
		}
		return nil, first
	}
	ds := append(res.Diags, lint.Check(res.API, read)...)
	byRel := map[string]string{}
	for _, in := range inputs {
		byRel[in.Rel] = in.Display
	}
	for i := range ds {
		file := ds[i].Pos.File
		switch d, ok := byRel[file]; {
		case ok:
			ds[i].Pos.File = d
		case file != "" && len(roots) == 1 && roots[0] != ".":
			ds[i].Pos.File = strings.TrimPrefix(filepath.ToSlash(filepath.Join(roots[0], file)), "./")
		}
	}
	return ds.Sort(), len(res.Pages), nil
}

func displayList(inputs []generate.Input) []string {
	var out []string
	for _, in := range inputs {
		out = append(out, in.Display)
	}
	return out
}

// inputRoots lists the distinct folders the inputs' names are relative to, in order.
func inputRoots(inputs []generate.Input) []string {
	var roots []string
	seen := map[string]bool{}
	for _, in := range inputs {
		root := strings.TrimSuffix(strings.TrimSuffix(filepath.ToSlash(in.Display), in.Rel), "/")
		if root == "" {
			root = "."
		}
		if !seen[root] {
			seen[root] = true
			roots = append(roots, root)
		}
	}
	return roots
}

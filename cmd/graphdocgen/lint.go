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
	ds, pages, err := lint.Run(inputs, *jobs)
	if err != nil {
		fmt.Fprintf(stderr, "graphdocgen lint: %v\n", err)
		return exitFail
	}
	if f == lint.GitHub {
		// Annotations name files relative to the repository, which a workflow's working
		// directory is: a path as given may be absolute. A file outside it keeps its name.
		if wd, err := os.Getwd(); err == nil {
			for i := range ds {
				if abs, err := filepath.Abs(filepath.FromSlash(ds[i].Pos.File)); err == nil && ds[i].Pos.File != "" {
					if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
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

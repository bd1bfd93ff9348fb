package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/pflag"

	"github.com/graphdocgen/graphdocgen/internal/emit"
	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // errors in the docs, stale output with --check, or a failure to write
	exitUsage = 2
)

// The defaults used with no PATH: this repository's own pages and package.
const (
	defaultDocs = "docs"
	defaultOut  = "generated"
)

// options are the command's flags.
type options struct {
	out, pkg, version, report string
	importPath                string
	check, dumpModel, quiet   bool
	split                     bool
	jobs                      int
	include, exclude          []string
}

// run is the whole command; main only exits with its result.
func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fl := pflag.NewFlagSet("graphdocgen", pflag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.StringVarP(&o.out, "out", "o", "", "write the package to `DIR` (default: generated with no PATH, . otherwise)")
	fl.StringVarP(&o.pkg, "package", "p", "", "Go package `name` (default: the output folder's name, or graph)")
	fl.StringVar(&o.version, "api-version", "", "API `version`: v1.0 or beta (default: inferred from the paths, else v1.0)")
	fl.BoolVar(&o.check, "check", false, "write nothing; exit 1 and print a diff when the output is stale")
	fl.StringVar(&o.report, "report", "", "write a JSON report of pages, operations and diagnostics to `FILE`")
	fl.BoolVar(&o.dumpModel, "dump-model", false, "print the model instead of generating code")
	fl.IntVarP(&o.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "pages parsed in parallel")
	fl.BoolVarP(&o.quiet, "quiet", "q", false, "print errors only")
	fl.StringArrayVar(&o.include, "include", nil, "emit only operations whose page matches this `glob`, or whose path starts with this /api/path (repeatable)")
	fl.StringArrayVar(&o.exclude, "exclude", nil, "leave out operations whose page matches this `glob` or whose path starts with this /api/path (repeatable)")
	fl.BoolVar(&o.split, "split", false, "put each workload's operations (/users, /deviceAppManagement, ...) and the models only it uses in a package of its own below DIR, beside a core package")
	fl.StringVar(&o.importPath, "import-path", "", "the import `path` of DIR, which --split needs (default: from the go.mod above DIR)")
	help := fl.BoolP("help", "h", false, "print this help")
	usage := func() {
		fmt.Fprintf(stdout, "Usage: graphdocgen [flags] [PATH...]\n\n"+
			"Generates a typed Go client from Microsoft Graph API reference pages. Each PATH is a\n"+
			"page or a folder of pages (*.md, recursively). With no PATH it regenerates generated/\n"+
			"from docs/ in the current directory.\n\nFlags:\n%s\n"+
			"Exit status: 0 ok, 1 errors in the docs or stale output (--check), 2 usage.\n", fl.FlagUsages())
	}
	if err := fl.Parse(args); err != nil {
		fmt.Fprintf(stderr, "graphdocgen: %v\nRun graphdocgen --help for usage.\n", err)
		return exitUsage
	}
	if *help {
		usage()
		return exitOK
	}
	paths := fl.Args()
	if len(paths) == 0 {
		if _, err := os.Stat(defaultDocs); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: no PATH given and there is no %s/ folder here: run it from the repository root, or name the pages\n", defaultDocs)
			return exitUsage
		}
		paths = []string{defaultDocs}
		if o.out == "" {
			o.out = defaultOut
		}
	}
	if o.out == "" {
		o.out = "."
	}
	if o.pkg == "" {
		o.pkg = packageName(o.out)
	}
	if o.jobs < 1 {
		o.jobs = 1
	}
	if o.split && o.importPath == "" {
		var err error
		if o.importPath, err = importPathOf(o.out); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: --split: %v; name it with --import-path\n", err)
			return exitUsage
		}
	}
	inputs, err := generate.Collect(paths)
	if err != nil {
		fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
		return exitUsage
	}
	if len(inputs) == 0 {
		fmt.Fprintf(stderr, "graphdocgen: no pages (*.md) under %s\n", strings.Join(paths, ", "))
		return exitUsage
	}
	switch o.version {
	case "":
		var names []string
		for _, in := range inputs {
			names = append(names, in.Display)
		}
		if o.version, err = generate.InferVersion(names); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			return exitUsage
		}
	case "v1.0", "beta":
	default:
		fmt.Fprintf(stderr, "graphdocgen: --api-version must be v1.0 or beta, not %q\n", o.version)
		return exitUsage
	}
	return runPipeline(o, inputs, stdout, stderr)
}

// runPipeline runs the pipeline, then writes (or checks) and reports.
func runPipeline(o options, inputs []generate.Input, stdout, stderr io.Writer) int {
	start := time.Now()
	res, err := generate.Run(inputs, generate.Config{Version: o.version, Package: o.pkg, Jobs: o.jobs, NoEmit: o.dumpModel,
		Split: o.split, ImportPath: o.importPath,
		Select: model.Selection{Include: o.include, Exclude: o.exclude}})
	if err != nil {
		fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
		return exitFail
	}
	if o.dumpModel {
		if err := model.Dump(stdout, res.API); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			return exitFail
		}
	}
	ds := displayNames(res.Diags, inputs)
	for _, d := range ds {
		if d.Severity == model.Error || !o.quiet {
			fmt.Fprintln(stderr, d)
		}
	}
	if len(res.API.UnmatchedIncludes) > 0 {
		for _, pat := range res.API.UnmatchedIncludes {
			fmt.Fprintf(stderr, "graphdocgen: --include %s selects no operation: a typo, or an endpoint the docs no longer have\n", pat)
		}
		fmt.Fprintf(stderr, "graphdocgen: nothing written\n")
		return exitFail
	}
	code := exitOK
	if ds.Errors() > 0 {
		code = exitFail
	}
	if o.report != "" {
		if err := writeReport(o.report, res.API, ds, inputs, time.Since(start)); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			code = exitFail
		}
	}
	switch {
	case o.dumpModel:
	case o.check:
		changes, err := res.Files.Diff(o.out)
		if err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			return exitFail
		}
		if len(changes) > 0 {
			printChanges(stdout, stderr, o.out, changes)
			code = exitFail
		}
	default:
		if err := res.Files.Write(o.out); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			return exitFail
		}
	}
	if !o.quiet {
		warnings := len(ds) - ds.Errors()
		fmt.Fprintf(stderr, "graphdocgen: %d pages, %d API pages, %d operations, %d types, %d files, %d warnings, %d errors, in %s\n",
			len(res.Pages), countKind(res.Pages, model.PageAPI), len(res.API.Operations), len(res.API.Types), len(res.Files),
			warnings, ds.Errors(), time.Since(start).Round(time.Millisecond))
	}
	return code
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

// packageName derives a package name from the output folder: its base name when that is
// a Go identifier, graph otherwise.
func packageName(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "graph"
	}
	name := strings.ToLower(filepath.Base(abs))
	if name == "" || !unicode.IsLetter(rune(name[0])) {
		return "graph"
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return "graph"
		}
	}
	return name
}

// report is --report's JSON.
type report struct {
	Version     string         `json:"version"`
	Pages       []reportPage   `json:"pages"`
	Counts      reportCounts   `json:"counts"`
	Diagnostics []reportDiag   `json:"diagnostics"`
	ByCode      map[string]int `json:"diagnosticsByCode"`
	Seconds     float64        `json:"seconds"`
}

type reportPage struct {
	File       string `json:"file"`
	Kind       string `json:"kind"`
	Operations int    `json:"operations"`
}

type reportCounts struct {
	Pages              int `json:"pages"`
	APIPages           int `json:"apiPages"`
	PagesWithOperation int `json:"apiPagesWithOperations"`
	Operations         int `json:"operations"`
	Types              int `json:"types"`
	TypesReferenced    int `json:"typesReferenced"`
	TypesResolved      int `json:"typesResolved"`
	Warnings           int `json:"warnings"`
	Errors             int `json:"errors"`
}

type reportDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

func writeReport(path string, api *model.API, ds model.Diagnostics, inputs []generate.Input, took time.Duration) error {
	ops := map[string]int{}
	for _, op := range api.Operations {
		ops[op.Page]++
		for _, also := range op.AlsoIn {
			ops[also]++ // the page's endpoint is emitted, from the page that documents it first
		}
	}
	display := map[string]string{}
	for _, in := range inputs {
		display[in.Rel] = in.Display
	}
	r := report{Version: api.Version, Diagnostics: []reportDiag{}, ByCode: map[string]int{}, Seconds: took.Seconds()}
	for _, p := range api.Pages {
		r.Pages = append(r.Pages, reportPage{File: display[p.File], Kind: p.Kind.String(), Operations: ops[p.File]})
		r.Counts.Pages++
		if p.Kind == model.PageAPI {
			r.Counts.APIPages++
			if ops[p.File] > 0 {
				r.Counts.PagesWithOperation++
			}
		}
	}
	r.Counts.Operations, r.Counts.Types = len(api.Operations), len(api.Types)
	r.Counts.TypesReferenced, r.Counts.TypesResolved = api.TypeRefs.Referenced, api.TypeRefs.Resolved
	for _, d := range ds {
		r.Diagnostics = append(r.Diagnostics, reportDiag{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
			Severity: d.Severity.String(), Code: d.Code, Message: d.Message})
		r.ByCode[d.Code]++
	}
	r.Counts.Errors = ds.Errors()
	r.Counts.Warnings = len(ds) - r.Counts.Errors
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return errors.New("writing the report: " + err.Error())
	}
	return nil
}

// importPathOf finds the import path of dir from the go.mod file of the module that holds
// it: the module path, then dir's path below the module's root.
func importPathOf(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for root := abs; ; root = filepath.Dir(root) {
		data, err := os.ReadFile(filepath.Join(root, "go.mod"))
		if err == nil {
			mod := modulePath(data)
			if mod == "" {
				return "", fmt.Errorf("%s has no module line", filepath.Join(root, "go.mod"))
			}
			rel, err := filepath.Rel(root, abs)
			if err != nil {
				return "", err
			}
			if rel == "." {
				return mod, nil
			}
			return mod + "/" + filepath.ToSlash(rel), nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		if filepath.Dir(root) == root {
			return "", fmt.Errorf("no go.mod in %s or above it", abs)
		}
	}
}

// modulePath reads the module path from a go.mod file's module line.
func modulePath(gomod []byte) string {
	for line := range strings.Lines(string(gomod)) {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if rest, ok := strings.CutPrefix(line, "module"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`+"`")
		}
	}
	return ""
}

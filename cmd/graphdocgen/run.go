package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // diagnostics that fail the run (--fail-on), stale output with --check, or a failure to read or write
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
	failOn                    string
}

// run is the whole command; main only exits with its result.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "lint" {
		return runLint(args[1:], stdout, stderr)
	}
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
	fl.StringVar(&o.importPath, "import-path", "", "the import `path` of DIR, whose runtime package the generated code imports (default: from the go.mod above DIR)")
	fl.StringVar(&o.failOn, "fail-on", "", "the `level` of diagnostics that fails the run: error, warning or never (default: error with a PATH, warning with none; see Exit status below)")
	help := fl.BoolP("help", "h", false, "print this help")
	usage := func() {
		fmt.Fprintf(stdout, "Usage: graphdocgen [flags] [PATH...]\n       graphdocgen lint [flags] PATH...   (checks pages for their authors; see graphdocgen lint --help)\n\n"+
			"Generates a typed Go client from Microsoft Graph API reference pages. Each PATH is a\n"+
			"page or a folder of pages (*.md, recursively). With no PATH it regenerates generated/\n"+
			"from docs/ in the current directory.\n\nFlags:\n%s\n"+
			"%s", fl.FlagUsages(), exitHelp)
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
	defaultFailOn := generate.FailOnError
	if len(paths) == 0 {
		defaultFailOn = generate.FailOnWarning // this repository's own docs: keep them clean
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
		o.pkg = packageFromDir(o.out)
	}
	if o.jobs < 1 {
		o.jobs = 1
	}
	// Everything the flags say is checked before any page is read.
	failOn := defaultFailOn
	if o.failOn != "" {
		var err error
		if failOn, err = generate.ParseFailOn(o.failOn); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			return exitUsage
		}
	}
	if o.version != "" && o.version != "v1.0" && o.version != "beta" {
		fmt.Fprintf(stderr, "graphdocgen: --api-version must be v1.0 or beta, not %q\n", o.version)
		return exitUsage
	}
	if err := checkPackageName(o.pkg); err != nil {
		fmt.Fprintf(stderr, "graphdocgen: --package %q: %v\n", o.pkg, err)
		return exitUsage
	}
	if o.importPath == "" && !o.dumpModel { // the package imports its runtime, DIR/internal/graphrt
		ip, err := importPathOf(o.out)
		if err != nil {
			fmt.Fprintf(stderr, "graphdocgen: the import path of %s is needed (the package imports its runtime from %s/internal/graphrt): %v; name it with --import-path\n", o.out, o.out, err)
			return exitUsage
		}
		if err := checkImportPath(ip); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: the import path of %s, %q (from go.mod), is not valid: %v; name it with --import-path\n", o.out, ip, err)
			return exitUsage
		}
		o.importPath = ip
	}
	if o.importPath != "" {
		if err := checkImportPath(o.importPath); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: --import-path %q: %v\n", o.importPath, err)
			return exitUsage
		}
	}
	inputs, err := generate.Collect(paths)
	if err != nil {
		fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
		if errors.Is(err, fs.ErrNotExist) {
			return exitUsage
		}
		return exitFail // a folder that cannot be listed
	}
	if len(inputs) == 0 {
		fmt.Fprintf(stderr, "graphdocgen: no pages (*.md) under %s\n", strings.Join(paths, ", "))
		return exitUsage
	}
	if o.version == "" {
		var names []string
		for _, in := range inputs {
			names = append(names, in.Display)
		}
		if o.version, err = generate.InferVersion(names); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			return exitUsage
		}
	}
	return runPipeline(o, failOn, inputs, stdout, stderr)
}

// exitHelp is --help's account of the exit status and --fail-on.
const exitHelp = `Exit status: 0 when the package was written (or is up to date, with --check); 1 when the
run fails; 2 for a usage error (a bad flag, --package or --import-path; an output folder
outside a module with no --import-path; a PATH that does not exist), found before any page
is read. A run that fails writes nothing: the output
folder is left as it was; --report is still written and says why.

A run fails when a page cannot be read, an --include selects nothing, --check finds the
output stale, the output or the report cannot be written, or a diagnostic fails it under
--fail-on. Every diagnostic is printed whatever --fail-on says:
  error    an error about the generated code fails: one on a page that an emitted
           operation or type comes from. An error whose only effect is that a page is
           left out (its request line is prose, so it has no operation) does not: what
           is generated is right, and the diagnostic names what is missing. Warnings do
           not fail. The default with a PATH: for docs you do not control (go generate).
  warning  every error and warning about the selected pages fails, those about pages
           left out included. The default with no PATH (this repository's docs/).
  never    no diagnostic fails; a page that cannot be read still does.
With --include/--exclude, diagnostics about pages the selection leaves out are not
printed and fail nothing.
`

// runPipeline runs the pipeline, decides whether the run fails, then writes (or checks)
// and reports. A run that fails writes nothing; the report, if asked for, is written all
// the same and says why.
func runPipeline(o options, failOn generate.FailOn, inputs []generate.Input, stdout, stderr io.Writer) int {
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
	fails := make([]bool, len(res.Diags))
	failing, readFailed := 0, 0
	for i, d := range res.Diags {
		fails[i] = res.Fails(d, failOn)
		if fails[i] {
			failing++
		}
		if d.Code == generate.CodeReadFailed {
			readFailed++
		}
	}
	ds := displayNames(res.Diags, inputs)
	for i, d := range ds {
		if d.Severity == model.Error || fails[i] || !o.quiet {
			fmt.Fprintln(stderr, d)
		}
	}
	var why []string // why the run fails
	if readFailed > 0 {
		why = append(why, plural(readFailed, "page")+" could not be read")
	}
	if n := failing - readFailed; n > 0 {
		why = append(why, fmt.Sprintf("%s %s the run under --fail-on=%s", plural(n, "diagnostic"), verb(n, "fails", "fail"), failOn))
	}
	for _, msg := range includeNotes(res, o.include, inputs) {
		if !o.quiet {
			fmt.Fprintf(stderr, "graphdocgen: note: %s\n", msg)
		}
	}
	short := map[string]string{} // a reason in the "nothing written" line, when it is printed above at length
	for _, pat := range res.API.UnmatchedIncludes {
		msg := unmatchedInclude(res, pat, inputs)
		fmt.Fprintf(stderr, "graphdocgen: %s\n", msg)
		why = append(why, msg)
		short[msg] = "--include " + pat + " selects nothing"
	}
	var rep *reportFile
	if o.report != "" {
		if rep, err = createReport(o.report); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			why = append(why, err.Error())
		}
	}
	written := false
	switch {
	case o.dumpModel:
	case o.check:
		changes, err := res.Files.Diff(o.out)
		if err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			why = append(why, err.Error())
			break
		}
		if len(changes) > 0 {
			printChanges(stdout, stderr, o.out, changes)
			why = append(why, fmt.Sprintf("%s is stale (%s differ)", o.out, plural(len(changes), "file")))
		}
	case len(why) > 0:
		var reasons []string
		for _, w := range why {
			reasons = append(reasons, cmp.Or(short[w], w))
		}
		fmt.Fprintf(stderr, "graphdocgen: nothing written, %s is as it was: %s\n", o.out, strings.Join(reasons, "; "))
	default:
		if err := res.Files.Write(o.out); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			why = append(why, err.Error())
			break
		}
		written = true
	}
	code := exitOK
	if len(why) > 0 {
		code = exitFail
	}
	if rep != nil {
		out := reportOutcome{FailOn: failOn.String(), ExitCode: code, Written: written, Failures: why}
		if err := rep.finish(res.API, ds, fails, inputs, out, time.Since(start)); err != nil {
			fmt.Fprintf(stderr, "graphdocgen: %v\n", err)
			code = exitFail
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

package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/pflag"
	"golang.org/x/mod/modfile"

	"github.com/graphdocgen/graphdocgen/internal/emit"
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
run fails; 2 for a usage error (a bad flag, --package or --import-path; a PATH that does
not exist), found before any page is read. A run that fails writes nothing: the output
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

// packageFromDir derives a package name from the output folder: its base name when that is
// a lower-case Go identifier that can name a package, graph otherwise.
func packageFromDir(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "graph"
	}
	name := strings.ToLower(filepath.Base(abs))
	if name == "" || !unicode.IsLetter(rune(name[0])) || checkPackageName(name) != nil {
		return "graph"
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return "graph"
		}
	}
	return name
}

// checkPackageName says which rule a package name breaks: the Go spec's (an identifier,
// not a keyword, not the blank identifier) or, for main, that of a library.
func checkPackageName(name string) error {
	switch {
	case name == "":
		return errors.New("a package name cannot be empty")
	case name == "_":
		return errors.New("_ is the blank identifier, which cannot name a package")
	case token.IsKeyword(name):
		return fmt.Errorf("%s is a Go keyword, which cannot name a package", name)
	case name == "main":
		return errors.New("package main is a program, which cannot be imported; a client needs another name")
	case token.IsIdentifier(name):
		return nil
	}
	r, _ := utf8.DecodeRuneInString(name)
	if unicode.IsDigit(r) {
		return errors.New("a Go name starts with a letter or _, not a digit")
	}
	for _, r := range name {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			return fmt.Errorf("a Go name holds only letters, digits and _, not %q", r)
		}
	}
	return errors.New("not a Go identifier")
}

// checkImportPath says which rule an import path breaks. The rules are the go command's
// for import paths (golang.org/x/mod/module.CheckImportPath, mirrored here so that
// graphdocgen needs no more modules): slash-separated elements of ASCII letters, digits
// and - . _ ~ +, none empty, none made only of dots or ending in a dot, no element that
// Windows reserves (CON, NUL, COM1, ...) or that looks like a Windows short name (ABC~1).
func checkImportPath(p string) error {
	switch {
	case !utf8.ValidString(p):
		return errors.New("malformed import path: invalid UTF-8")
	case p == "":
		return errors.New("malformed import path: empty")
	case p[0] == '-':
		return errors.New("malformed import path: leading dash")
	case strings.Contains(p, "//"):
		return errors.New("malformed import path: double slash")
	case strings.HasSuffix(p, "/"):
		return errors.New("malformed import path: trailing slash")
	}
	for elem := range strings.SplitSeq(p, "/") {
		if err := checkImportPathElem(elem); err != nil {
			return fmt.Errorf("malformed import path: %v", err)
		}
	}
	return nil
}

func checkImportPathElem(elem string) error {
	switch {
	case elem == "":
		return errors.New("empty path element")
	case strings.Count(elem, ".") == len(elem):
		return fmt.Errorf("invalid path element %q", elem)
	case elem[len(elem)-1] == '.':
		return errors.New("trailing dot in path element")
	}
	for _, r := range elem {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~+", r)) {
			return fmt.Errorf("invalid char %q", r)
		}
	}
	short, _, _ := strings.Cut(elem, ".")
	for _, bad := range []string{"CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"} {
		if strings.EqualFold(bad, short) {
			return fmt.Errorf("%q disallowed as path element component on Windows", short)
		}
	}
	if tilde := strings.LastIndexByte(short, '~'); tilde >= 0 && tilde < len(short)-1 &&
		strings.Trim(short[tilde+1:], "0123456789") == "" {
		return errors.New("trailing tilde and digits in path element")
	}
	return nil
}

// report is --report's JSON.
type report struct {
	Version     string         `json:"version"`
	Outcome     reportOutcome  `json:"outcome"`
	Pages       []reportPage   `json:"pages"`
	Counts      reportCounts   `json:"counts"`
	Diagnostics []reportDiag   `json:"diagnostics"`
	ByCode      map[string]int `json:"diagnosticsByCode"`
	Seconds     float64        `json:"seconds"`
}

// reportOutcome says how the run ended, and why it failed.
type reportOutcome struct {
	FailOn   string   `json:"failOn"`
	ExitCode int      `json:"exitCode"`
	Written  bool     `json:"written"`  // whether the output was written
	Failures []string `json:"failures"` // why the run failed; empty when it did not
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
	Failing            int `json:"failing"` // diagnostics that fail the run under failOn
}

type reportDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	FailsRun bool   `json:"failsRun"`
}

// reportFile is a report being written: a temporary file beside its path, created before
// the output is touched (so a report that cannot be written fails the run before anything
// is written) and renamed into place when the run is over.
type reportFile struct {
	path string
	tmp  *os.File
}

func createReport(path string) (*reportFile, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return nil, fmt.Errorf("cannot write the report: %s is a folder", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot write the report %s: %v", path, err)
	}
	return &reportFile{path: path, tmp: tmp}, nil
}

// finish writes the report and puts it in place.
func (rf *reportFile) finish(api *model.API, ds model.Diagnostics, fails []bool, inputs []generate.Input, out reportOutcome, took time.Duration) error {
	b, err := json.MarshalIndent(buildReport(api, ds, fails, inputs, out, took), "", "  ")
	if err == nil {
		_, err = rf.tmp.Write(append(b, '\n'))
	}
	if cerr := rf.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(rf.tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(rf.tmp.Name(), rf.path)
	}
	if err != nil {
		os.Remove(rf.tmp.Name())
		return fmt.Errorf("writing the report %s: %v", rf.path, err)
	}
	return nil
}

func buildReport(api *model.API, ds model.Diagnostics, fails []bool, inputs []generate.Input, out reportOutcome, took time.Duration) report {
	ops := map[string]int{}
	for _, op := range api.Operations {
		ops[op.Page]++
		for _, also := range op.AlsoIn {
			ops[also]++ // the page's endpoint is emitted, from the page that documents it first
		}
	}
	name := displayName(inputs)
	if out.Failures == nil {
		out.Failures = []string{}
	}
	r := report{Version: api.Version, Outcome: out, Diagnostics: []reportDiag{}, ByCode: map[string]int{}, Seconds: took.Seconds()}
	for _, p := range api.Pages {
		r.Pages = append(r.Pages, reportPage{File: name(p.File), Kind: p.Kind.String(), Operations: ops[p.File]})
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
	for i, d := range ds {
		r.Diagnostics = append(r.Diagnostics, reportDiag{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
			Severity: d.Severity.String(), Code: d.Code, Message: d.Message, FailsRun: fails[i]})
		r.ByCode[d.Code]++
		if fails[i] {
			r.Counts.Failing++
		}
	}
	r.Counts.Errors = ds.Errors()
	r.Counts.Warnings = len(ds) - r.Counts.Errors
	return r
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
			mod := modfile.ModulePath(data)
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

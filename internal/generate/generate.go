package generate

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"syscall"

	"github.com/graphdocgen/graphdocgen/internal/emit"
	"github.com/graphdocgen/graphdocgen/internal/model"
	"github.com/graphdocgen/graphdocgen/internal/parse"
)

// Config is what one run needs.
type Config struct {
	Version string // v1.0 or beta
	Package string // Go package name
	Jobs    int    // pages parsed at once; less than 1 means 1
	NoEmit  bool   // stop after building the model
	// Select keeps only some operations (and the types they reach).
	Select model.Selection
	// Split and ImportPath: see emit.Config.
	Split      bool
	ImportPath string
}

// Result is everything a run produced.
type Result struct {
	Pages []*model.Page
	API   *model.API
	Files emit.Files
	// Diags are sorted; their positions name pages as Input.Rel does.
	Diags model.Diagnostics
	// emitted are the pages the output comes from: an operation's or a type's page.
	emitted map[string]bool
	// pages are the names of all pages read.
	pages map[string]bool
}

// FailOn is the exit-status policy: which diagnostics fail a run (exit 1, nothing written).
//
// Every diagnostic is printed whatever the policy. A page that cannot be read (read-failed)
// fails the run under every policy: the run did not see its input.
type FailOn int

const (
	// FailOnError fails on an error about the generated code: an error on a page that an
	// emitted operation or type comes from, or about no page in particular. An error whose
	// only effect is that a page is left out (its request line is prose, so no operation
	// comes from it) does not fail: what is generated is right, it lacks that page's
	// operation, and the diagnostic says so. The default for docs the user does not control.
	FailOnError FailOn = iota
	// FailOnWarning fails on every error and warning about a selected page, those about
	// pages left out included. For docs the user maintains (this repository's docs/).
	FailOnWarning
	// FailOnNever fails on no diagnostic about the docs (read-failed still fails).
	FailOnNever
)

// failOnNames are the values ParseFailOn accepts, in the order of the constants.
var failOnNames = [...]string{FailOnError: "error", FailOnWarning: "warning", FailOnNever: "never"}

// String returns the policy's flag value.
func (f FailOn) String() string {
	if f >= 0 && int(f) < len(failOnNames) {
		return failOnNames[f]
	}
	return fmt.Sprintf("FailOn(%d)", int(f))
}

// ParseFailOn reads a --fail-on value: error, warning or never.
func ParseFailOn(s string) (FailOn, error) {
	for i, n := range failOnNames {
		if s == n {
			return FailOn(i), nil
		}
	}
	return 0, fmt.Errorf("--fail-on must be error, warning or never, not %q", s)
}

// Fails reports whether a diagnostic of r.Diags fails the run under the policy.
func (r *Result) Fails(d model.Diagnostic, f FailOn) bool {
	switch {
	case d.Code == CodeReadFailed:
		return true
	case f == FailOnNever:
		return false
	case f == FailOnWarning:
		return true
	}
	return d.Severity == model.Error && r.AboutOutput(d)
}

// AboutOutput reports whether a diagnostic is about what was generated: its page is one
// an emitted operation or type comes from, or it names no page that was read. A diagnostic
// about any other page only explains why that page contributed nothing.
func (r *Result) AboutOutput(d model.Diagnostic) bool {
	return r.emitted[d.Pos.File] || !r.pages[d.Pos.File]
}

// Run parses the inputs, builds the model and emits the package. The error is for
// failures of the generator itself; problems in the docs are diagnostics.
func Run(inputs []Input, cfg Config) (*Result, error) {
	pages, ds := ParseAll(inputs, cfg.Jobs)
	api, bds := model.BuildSelected(cfg.Version, pages, cfg.Select)
	ds = append(ds, bds...)
	r := &Result{Pages: pages, API: api, emitted: map[string]bool{}, pages: map[string]bool{}}
	for _, p := range pages {
		r.pages[p.File] = true
	}
	for _, op := range api.Operations {
		r.emitted[op.Page] = true
	}
	for _, t := range api.Types {
		r.emitted[t.Page] = true
	}
	if !cfg.NoEmit {
		files, eds, err := emit.Emit(api, emit.Config{Package: cfg.Package, Split: cfg.Split, ImportPath: cfg.ImportPath})
		if err != nil {
			return nil, err
		}
		r.Files = files
		ds = append(ds, eds...)
	}
	r.Diags = relevant(ds, api, cfg.Select).Sort()
	return r, nil
}

// relevant drops, when only some operations are selected, the diagnostics about pages
// the user left out: those that nothing emitted comes from and that no Include glob names
// (a page the user named keeps its diagnostics, which say why it has no operation).
// Diagnostics about no page in particular are kept.
func relevant(ds model.Diagnostics, api *model.API, sel model.Selection) model.Diagnostics {
	if sel.Empty() {
		return ds
	}
	used, page := map[string]bool{}, map[string]bool{}
	for _, op := range api.Operations {
		used[op.Page] = true
		for _, p := range op.AlsoIn {
			used[p] = true
		}
	}
	for _, t := range api.Types {
		used[t.Page] = true
	}
	for _, p := range api.Pages {
		page[p.File] = true
	}
	var out model.Diagnostics
	for _, d := range ds {
		if f := d.Pos.File; used[f] || !page[f] || sel.SelectsPage(f) || d.Code == CodeReadFailed {
			out = append(out, d)
		}
	}
	return out
}

// CodeReadFailed is the code of the diagnostic for a page that could not be read.
const CodeReadFailed = "read-failed"

// readFailure says why a page could not be read, without repeating its name.
func readFailure(name string, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	target, lerr := os.Readlink(name)
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "cannot read the page: it is a symbolic link that leads back to itself (a loop of links)"
	case lerr == nil && errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("cannot read the page: it is a symbolic link to %s, which does not exist", target)
	case errors.Is(err, fs.ErrPermission):
		return "cannot read the page: permission denied"
	}
	return "cannot read the page: " + err.Error()
}

// readPage reads a page, but no more than one byte past parse.MaxPageSize: Parse refuses a
// longer page (page-too-large) without a multi-gigabyte file being loaded first.
func readPage(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, parse.MaxPageSize+1))
}

// ParseAll reads and parses the pages on jobs goroutines. The result is in input order
// whatever the parallelism.
func ParseAll(inputs []Input, jobs int) ([]*model.Page, model.Diagnostics) {
	pages := make([]*model.Page, len(inputs))
	diags := make([]model.Diagnostics, len(inputs))
	p := parse.New()
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(max(jobs, 1), len(inputs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				src, err := readPage(inputs[i].Display)
				if err != nil {
					pages[i] = &model.Page{File: inputs[i].Rel}
					diags[i] = model.Diagnostics{{Pos: model.Pos{File: inputs[i].Rel, Line: 1, Col: 1}, Severity: model.Error,
						Code: CodeReadFailed, Message: readFailure(inputs[i].Display, err)}}
					continue
				}
				pages[i], diags[i] = p.ParseWith(inputs[i].Rel, src, inputs[i].Includes())
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	var all model.Diagnostics
	for _, d := range diags {
		all = append(all, d...)
	}
	return pages, all
}

package generate

import (
	"os"
	"sync"

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
}

// Run parses the inputs, builds the model and emits the package. The error is for
// failures of the generator itself; problems in the docs are diagnostics.
func Run(inputs []Input, cfg Config) (*Result, error) {
	pages, ds := ParseAll(inputs, cfg.Jobs)
	api, bds := model.BuildSelected(cfg.Version, pages, cfg.Select)
	ds = append(ds, bds...)
	r := &Result{Pages: pages, API: api}
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
// that nothing emitted comes from: a defect on a page the user left out must not fail
// their go generate.
func relevant(ds model.Diagnostics, api *model.API, sel model.Selection) model.Diagnostics {
	if sel.Empty() {
		return ds
	}
	used := map[string]bool{}
	for _, op := range api.Operations {
		used[op.Page] = true
		for _, p := range op.AlsoIn {
			used[p] = true
		}
	}
	for _, t := range api.Types {
		used[t.Page] = true
	}
	var out model.Diagnostics
	for _, d := range ds {
		if used[d.Pos.File] {
			out = append(out, d)
		}
	}
	return out
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
				src, err := os.ReadFile(inputs[i].Display)
				if err != nil {
					pages[i] = &model.Page{File: inputs[i].Rel}
					diags[i] = model.Diagnostics{{Pos: model.Pos{File: inputs[i].Rel}, Severity: model.Error, Code: "read-failed", Message: err.Error()}}
					continue
				}
				pages[i], diags[i] = p.Parse(inputs[i].Rel, src)
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

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
	api, bds := model.Build(cfg.Version, pages)
	ds = append(ds, bds...)
	r := &Result{Pages: pages, API: api}
	if !cfg.NoEmit {
		files, eds, err := emit.Emit(api, emit.Config{Package: cfg.Package})
		if err != nil {
			return nil, err
		}
		r.Files = files
		ds = append(ds, eds...)
	}
	r.Diags = ds.Sort()
	return r, nil
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

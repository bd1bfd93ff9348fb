package lint

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// Run runs the parser and the model builder on the inputs, then the lint checks, and
// returns every diagnostic with its file named as the user named the input (a page given
// by name keeps that name; a file an include brought in is named below the same root).
func Run(inputs []generate.Input, jobs int) (model.Diagnostics, int, error) {
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
	ds := append(res.Diags, Check(res.API, read)...)
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

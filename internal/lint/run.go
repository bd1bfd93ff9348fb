package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
	dirs := map[string]map[string]bool{} // the names in each folder read, for exactName
	read := func(name string) ([]byte, error) {
		var first error
		for _, r := range roots {
			file := filepath.Join(filepath.FromSlash(r), filepath.FromSlash(name))
			b, err := os.ReadFile(file)
			if err == nil && !exactName(file, dirs) {
				err = fs.ErrNotExist // user.md found as User.md: a link that breaks on a case-sensitive file system
			}
			if err == nil {
				return b, nil
			}
			if first == nil {
				first = err
			}
		}
		return nil, first
	}
	// The generator's property-from-example is said better by the example checks here,
	// at the member's own line; the pages' authors get that one.
	ds := slices.DeleteFunc(res.Diags, func(d model.Diagnostic) bool { return d.Code == "property-from-example" })
	ds = append(ds, Check(res.API, read)...)
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

// exactName reports whether a file that could be read is named in its folder exactly as
// given, so that links check the same on case-insensitive file systems (macOS, Windows)
// as on GitHub's.
func exactName(file string, dirs map[string]map[string]bool) bool {
	dir, base := filepath.Split(file)
	names, ok := dirs[dir]
	if !ok {
		names = map[string]bool{}
		ents, err := os.ReadDir(filepath.Clean(dir + "."))
		if err != nil {
			return true // the file was read: do not second-guess it
		}
		for _, e := range ents {
			names[e.Name()] = true
		}
		dirs[dir] = names
	}
	return names[base]
}

package generate

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/parse"
)

// Input is one page to read.
type Input struct {
	Rel     string // slash-separated name relative to the PATH it was found under
	Display string // the name diagnostics print (as the user gave it)
}

// Includes returns the function the parser reads the page's [!INCLUDE] files with: a name
// relative to the PATH the page was found under is read from disk beside it, so a folder's
// includes folders (which Collect does not list as pages) and the files around a single
// page given by name are both found.
func (in Input) Includes() parse.IncludeFunc {
	root := strings.TrimSuffix(filepath.ToSlash(in.Display), in.Rel)
	if root == "" {
		root = "."
	}
	return func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(filepath.FromSlash(root), filepath.FromSlash(name)))
	}
}

// Collect lists the pages under the given paths: *.md files of a folder, recursively, or
// the named files themselves. A PATH that is a symbolic link to a folder is followed;
// links inside a folder are not (as the go command does). The list is sorted by name, so
// the result does not depend on the order the file system returns entries in. A page that
// cannot be read is listed all the same: ParseAll reports it (read-failed). Folders named
// includes hold the files pages include, not pages: they are not listed, and the parser
// reads them through Input.Includes.
func Collect(paths []string) ([]Input, error) {
	var out []Input
	seen := map[string]bool{}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			if !seen[filepath.Clean(root)] {
				seen[filepath.Clean(root)] = true
				out = append(out, Input{Rel: filepath.Base(root), Display: filepath.ToSlash(root)})
			}
			continue
		}
		// WalkDir does not follow a symbolic link, even the root's: a PATH that is a link to
		// a folder is walked through its target, and named as the user gave it.
		walk := root
		if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			if walk, err = filepath.EvalSymlinks(root); err != nil {
				return nil, err
			}
		}
		err = filepath.WalkDir(walk, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != walk && (strings.HasPrefix(d.Name(), ".") || d.Name() == "includes") {
					return filepath.SkipDir
				}
				return nil
			}
			rel, err := filepath.Rel(walk, p)
			if err != nil {
				return err
			}
			p = filepath.Join(root, rel)
			if !strings.HasSuffix(d.Name(), ".md") || seen[p] {
				return nil
			}
			seen[p] = true
			out = append(out, Input{Rel: filepath.ToSlash(rel), Display: filepath.ToSlash(p)})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b Input) int { return strings.Compare(a.Rel+"\x00"+a.Display, b.Rel+"\x00"+b.Display) })
	return out, nil
}

// InferVersion reads the API version from the paths: a path element v1.0 or beta.
func InferVersion(paths []string) (string, error) {
	found := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		for _, el := range strings.Split(filepath.ToSlash(abs), "/") {
			if el == "v1.0" || el == "beta" {
				found[el] = true
			}
		}
	}
	switch {
	case found["v1.0"] && found["beta"]:
		return "", fmt.Errorf("the paths mix v1.0 and beta pages; generate one version at a time or set --api-version")
	case found["beta"]:
		return "beta", nil
	}
	return "v1.0", nil
}

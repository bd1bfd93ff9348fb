package emit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
)

// Change is one difference between the emitted files and a directory.
type Change struct {
	Name string // file name
	Kind string // "added", "removed" or "changed"
	Diff string // unified diff from the file on disk to the emitted one
}

// Diff compares the files with what dir holds, without writing them: the files Write would
// add or change (the manifest among them) and the stale files it would remove. Files in a
// subfolder of another generation are not compared. Like Write, it first finishes or
// removes what an interrupted run left in dir; that is the only thing it writes.
func (fs Files) Diff(dir string) ([]Change, error) {
	if _, err := os.Stat(dir); err == nil {
		unlock, err := lockDir(dir) // held while comparing, so a write running beside is seen whole
		if err != nil {
			return nil, err
		}
		defer unlock()
		if err := (&writer{dir: dir}).recover(); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	p, err := fs.plan(dir)
	if err != nil {
		return nil, err
	}
	var out []Change
	for _, pt := range p.puts {
		path := filepath.Join(dir, filepath.FromSlash(pt.name))
		if pt.existed {
			out = append(out, Change{Name: pt.name, Kind: "changed", Diff: unifiedDiff(path, path, pt.old, pt.data)})
		} else {
			out = append(out, Change{Name: pt.name, Kind: "added", Diff: unifiedDiff("/dev/null", path, nil, pt.data)})
		}
	}
	for _, name := range p.dels {
		path := filepath.Join(dir, filepath.FromSlash(name))
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		out = append(out, Change{Name: name, Kind: "removed", Diff: unifiedDiff(path, "/dev/null", data, nil)})
	}
	slices.SortFunc(out, func(a, b Change) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// unifiedDiff is the unified diff (GNU "diff -u" form, 3 lines of context) turning old into
// new, with headers "--- oldName" and "+++ newName"; "" when they are equal. go-udiff
// computes it; its edits always apply to old, so ToUnified cannot fail, but should it, the
// diff says so rather than dropping the change.
func unifiedDiff(oldName, newName string, old, new []byte) string {
	o, n := string(old), string(new)
	if o == n {
		return ""
	}
	d, err := udiff.ToUnified(oldName, newName, o, udiff.Lines(o, n), udiff.DefaultContextLines)
	if err != nil {
		return fmt.Sprintf("--- %s\n+++ %s\n(no diff: %v)\n", oldName, newName, err)
	}
	return d
}

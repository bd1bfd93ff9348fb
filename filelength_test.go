package graphdocgen_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// maxFileLines is the most lines a non-test Go file of the generator may have: a file
// holds one concern that its name says (issue 15).
const maxFileLines = 500

// longFiles are the files over maxFileLines today, each with what is to be done about it.
// The list may only shrink: TestFileLengths fails when a file not listed here grows past
// the limit, and when a listed one is no longer over it (take it off the list).
var longFiles = map[string]string{}

// TestFileLengths checks that no hand-written, non-test Go file is over maxFileLines
// except those listed in longFiles, and logs the longest (go test -v -run TestFileLengths).
func TestFileLengths(t *testing.T) {
	type file struct {
		path  string
		lines int
	}
	var files []file
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch path {
			case "generated", "testdata", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(b, []byte("// Code generated ")) {
			return nil
		}
		files = append(files, file{filepath.ToSlash(path), bytes.Count(b, []byte("\n"))})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("found only %d Go files: the walk is broken", len(files))
	}
	slices.SortFunc(files, func(a, b file) int { return b.lines - a.lines })
	for i, f := range files {
		if i == 12 {
			break
		}
		note := ""
		if why, ok := longFiles[f.path]; ok {
			note = " (known: " + why + ")"
		}
		t.Logf("%5d %s%s", f.lines, f.path, note)
	}
	over := map[string]bool{}
	for _, f := range files {
		if f.lines <= maxFileLines {
			continue
		}
		over[f.path] = true
		if _, ok := longFiles[f.path]; !ok {
			t.Errorf("%s has %d lines, over %d: split it by concern", f.path, f.lines, maxFileLines)
		}
	}
	for path := range longFiles {
		if !over[path] {
			t.Errorf("%s is listed in longFiles but is not over %d lines (or is gone): take it off the list", path, maxFileLines)
		}
	}
}

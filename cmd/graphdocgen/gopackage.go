package main

import (
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/mod/modfile"
)

// The Go package of the output: its name (--package) and its import path (--import-path).

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

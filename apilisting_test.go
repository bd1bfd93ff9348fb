package graphdocgen_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/emit"
	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/golden"
)

// apiEntry is one line of an API listing: an exported type, function, method, constant
// or variable of a generated package.
type apiEntry struct {
	// Line is the entry as the listing prints it, e.g.
	// "method (*Client) GetUser(ctx context.Context, userID string) (*User, error) // GET /users/{id}".
	Line string
	// Kind is "type", "func", "method", "const" or "var".
	Kind string
	// Recv is a method's receiver type as written ("*Client"); empty otherwise.
	Recv string
	// Name is the identifier.
	Name string
	// Sig is a function's or method's name and signature with the parameter names
	// dropped: "GetUser(context.Context, string, *GetUserOptions) (*User, error)".
	Sig string
	// Verb and Path are the request a method's doc comment says it sends
	// ("GetUser sends GET /users/{userId}."); empty when it says none.
	Verb, Path string
	// Runtime: the entry is of the runtime package (internal/graphrt), and its Line
	// says so.
	Runtime bool
}

// sendsRE reads the request from the first paragraph of a method's doc comment.
var sendsRE = regexp.MustCompile(`^(\w+) sends (GET|POST|PATCH|PUT|DELETE) (\S.*)\.$`)

// apiListing parses the package's Go files (syntax only; nothing is type-checked) and
// returns one entry per exported top-level identifier and exported method, sorted by
// Line. Interface method sets and struct fields are not listed.
func apiListing(files emit.Files) ([]apiEntry, error) {
	fset := token.NewFileSet()
	var out []apiEntry
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") || strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name, f.Data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		var entries []apiEntry
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if e, ok := funcEntry(d); ok {
					entries = append(entries, e)
				}
			case *ast.GenDecl:
				entries = append(entries, genEntries(d)...)
			}
		}
		if strings.HasPrefix(f.Name, emit.RuntimeDir+"/") {
			// The runtime package: the methods of the types the generated package
			// re-exports are part of its API, and its own names show what is re-exported.
			for i := range entries {
				entries[i].Line = emit.RuntimeDir + ": " + entries[i].Line
				entries[i].Runtime = true
			}
		}
		out = append(out, entries...)
	}
	slices.SortFunc(out, func(a, b apiEntry) int { return strings.Compare(a.Line, b.Line) })
	return out, nil
}

// funcEntry lists an exported function, or an exported method of an exported type.
func funcEntry(d *ast.FuncDecl) (apiEntry, bool) {
	if !d.Name.IsExported() {
		return apiEntry{}, false
	}
	e := apiEntry{Kind: "func", Name: d.Name.Name}
	named := d.Name.Name + typeParams(d.Type.TypeParams) + "(" + fieldList(d.Type.Params, true) + ")" + results(d.Type.Results, true)
	e.Sig = d.Name.Name + "(" + fieldList(d.Type.Params, false) + ")" + results(d.Type.Results, false)
	if d.Recv != nil && len(d.Recv.List) == 1 {
		e.Kind = "method"
		e.Recv = types.ExprString(d.Recv.List[0].Type)
		base := strings.TrimLeft(e.Recv, "*")
		if i := strings.IndexByte(base, '['); i >= 0 {
			base = base[:i]
		}
		if !token.IsExported(base) {
			return apiEntry{}, false
		}
		e.Line = "method (" + e.Recv + ") " + named
	} else {
		e.Line = "func " + named
	}
	if d.Doc != nil {
		para, _, _ := strings.Cut(d.Doc.Text(), "\n\n")
		if m := sendsRE.FindStringSubmatch(strings.Join(strings.Fields(para), " ")); m != nil && m[1] == d.Name.Name {
			e.Verb, e.Path = m[2], m[3]
			e.Line += " // " + e.Verb + " " + e.Path
		}
	}
	return e, true
}

// genEntries lists the exported types, constants and variables of a declaration.
func genEntries(d *ast.GenDecl) []apiEntry {
	var out []apiEntry
	for _, spec := range d.Specs {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			if !s.Name.IsExported() {
				continue
			}
			line := "type " + s.Name.Name + typeParams(s.TypeParams)
			switch t := s.Type.(type) {
			case *ast.StructType:
				line += " struct"
			case *ast.InterfaceType:
				line += " interface"
			default:
				if s.Assign.IsValid() {
					line += " ="
				}
				line += " " + types.ExprString(t)
			}
			out = append(out, apiEntry{Line: line, Kind: "type", Name: s.Name.Name})
		case *ast.ValueSpec:
			kind := "var"
			if d.Tok == token.CONST {
				kind = "const"
			}
			for i, n := range s.Names {
				if !n.IsExported() {
					continue
				}
				line := kind + " " + n.Name
				if s.Type != nil {
					line += " " + types.ExprString(s.Type)
				}
				if kind == "const" && i < len(s.Values) {
					line += " = " + types.ExprString(s.Values[i])
				}
				out = append(out, apiEntry{Line: line, Kind: kind, Name: n.Name})
			}
		}
	}
	return out
}

// fieldList renders parameters as "a, b string, c int" (withNames) or "string, string, int".
func fieldList(fl *ast.FieldList, withNames bool) string {
	if fl == nil {
		return ""
	}
	var parts []string
	for _, f := range fl.List {
		typ := types.ExprString(f.Type)
		if len(f.Names) == 0 {
			parts = append(parts, typ)
			continue
		}
		if withNames {
			var names []string
			for _, n := range f.Names {
				names = append(names, n.Name)
			}
			parts = append(parts, strings.Join(names, ", ")+" "+typ)
			continue
		}
		for range f.Names {
			parts = append(parts, typ)
		}
	}
	return strings.Join(parts, ", ")
}

// results renders a result list as "", " T" or " (T, error)".
func results(fl *ast.FieldList, withNames bool) string {
	if fl == nil || len(fl.List) == 0 {
		return ""
	}
	if len(fl.List) == 1 && len(fl.List[0].Names) == 0 {
		return " " + types.ExprString(fl.List[0].Type)
	}
	return " (" + fieldList(fl, withNames) + ")"
}

// typeParams renders a type parameter list as "[T any]", or "" when there is none.
func typeParams(fl *ast.FieldList) string {
	if fl == nil || len(fl.List) == 0 {
		return ""
	}
	return "[" + fieldList(fl, true) + "]"
}

// listingText is the listing as the checked-in file holds it: one line per entry.
func listingText(entries []apiEntry) []byte {
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(e.Line)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// listingDiff summarises how got differs from want, line by line: the removed lines
// (-) then the added ones (+), at most limit of them. Both are sorted listings, so a set
// difference is the whole difference.
func listingDiff(want, got []byte, limit int) (summary string, added, removed int) {
	split := func(b []byte) map[string]bool {
		m := map[string]bool{}
		for l := range strings.SplitSeq(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
			if l != "" {
				m[l] = true
			}
		}
		return m
	}
	w, g := split(want), split(got)
	var lines []string
	for l := range w {
		if !g[l] {
			lines = append(lines, "-"+l)
			removed++
		}
	}
	for l := range g {
		if !w[l] {
			lines = append(lines, "+"+l)
			added++
		}
	}
	// Sort by the line itself so that a changed signature shows its old and new line
	// next to each other.
	slices.SortFunc(lines, func(a, b string) int {
		if c := strings.Compare(a[1:], b[1:]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	more := ""
	if len(lines) > limit {
		more = fmt.Sprintf("\n... and %d more", len(lines)-limit)
		lines = lines[:limit]
	}
	return strings.Join(lines, "\n") + more, added, removed
}

// versionListing generates a corpus version's whole client in memory and lists its API.
func versionListing(t *testing.T, version string) []apiEntry {
	t.Helper()
	_, res, _ := measure(t, version)
	entries, err := apiListing(res.Files)
	if err != nil {
		t.Fatalf("%s: parsing the generated package: %v", version, err)
	}
	return entries
}

// TestAPIListing compares the exported API of a generated client with a listing under
// testdata/api, one line per exported type, function, method, constant and variable,
// like Go's api/*.txt. A change of a method's owner, name or signature therefore shows in
// review as a change of the listing; go test -update accepts it.
//
// Plain go test lists the docs/ client (testdata/api/docs.txt) and the clients of today's
// pages in ../shared/corpus/graph-docs-current (current-v1.0.txt, current-beta.txt). The whole v1.0 and beta
// clients of ../shared/corpus (v1.0.txt, beta.txt) are corpus-scale: they are listed with
// GRAPHDOCGEN_CORPUS=1 (make corpus), and whenever -update is given, so that go test -run
// TestAPIListing -update . keeps every listing current; they skip without the corpus.
func TestAPIListing(t *testing.T) {
	t.Run("docs", func(t *testing.T) {
		inputs, err := generate.Collect([]string{"docs"})
		if err != nil {
			t.Fatal(err)
		}
		res, err := generate.Run(inputs, generate.Config{Version: "beta", Package: "generated", Jobs: 4, ImportPath: generatedPath})
		if err != nil {
			t.Fatal(err)
		}
		entries, err := apiListing(res.Files)
		if err != nil {
			t.Fatalf("parsing the generated package: %v", err)
		}
		if len(entries) < 100 {
			t.Fatalf("only %d entries in the docs/ client's listing", len(entries))
		}
		checkListing(t, "docs", listingText(entries))
	})
	// Today's pages (graph-docs-current) are few: their clients are listed by plain go
	// test, as their format is the one users run the generator on.
	for _, version := range []string{"v1.0", "beta"} {
		t.Run("current-"+version, func(t *testing.T) {
			dir := filepath.Join(currentRoot, version)
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("today's pages are absent (%v): skipping", err)
			}
			inputs, err := generate.Collect([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			res, err := generate.Run(inputs, generate.Config{Version: version, Package: "graph", Jobs: 4, ImportPath: corpusImportPath})
			if err != nil {
				t.Fatal(err)
			}
			entries, err := apiListing(res.Files)
			if err != nil {
				t.Fatalf("parsing the generated package: %v", err)
			}
			checkListing(t, "current-"+version, listingText(entries))
		})
	}
	for _, version := range []string{"v1.0", "beta"} {
		t.Run(version, func(t *testing.T) {
			if !*golden.Update {
				corpusSuite(t, "lists the API of the whole v1.0 and beta clients")
			}
			checkListing(t, version, listingText(versionListing(t, version)))
		})
	}
}

// checkListing compares a listing with testdata/api/<name>.txt, or rewrites it with -update.
func checkListing(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "api", name+".txt")
	if *golden.Update {
		golden.Check(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v (run go test -run TestAPIListing -update . to create it)", path, err)
	}
	if d, added, removed := listingDiff(want, got, 50); added+removed > 0 {
		t.Errorf("%s is stale: %d lines added, %d removed (review them, then accept with go test -run TestAPIListing -update .):\n%s",
			path, added, removed, d)
	}
}

// TestAPIListingFormat checks the listing's lines on a small package written here, so
// that the format is tested without the corpus.
func TestAPIListingFormat(t *testing.T) {
	src := `package graph

import (
	"context"
	"iter"
)

// Client calls the service.
type Client struct{ base string }

// Page is one page of a collection.
type Page[T any] struct{ Value []T }

// UserDerived is a type derived from User.
type UserDerived interface{ isUser() }

// Mode is an enumeration.
type Mode string

// Alias is another name.
type Alias = Mode

// Modes.
const (
	ModeA Mode = "a"
	modeB Mode = "b"
)

// Version is the API version.
const Version = "v1.0"

// NewClient returns a client.
func NewClient(opts ...string) *Client { return nil }

// GetUser sends GET /users/{userId}.
//
// It reads a user.
func (c *Client) GetUser(ctx context.Context, userID string, opts *GetUserOptions) (*User, error) {
	return nil, nil
}

// ListUsers sends GET /users?$top={n}.
func (c *Client) ListUsers(ctx context.Context, a, b string) iter.Seq2[User, error] { return nil }

// Do sends a request.
func (c *Client) Do(ctx context.Context) error { return nil }

func (c *Client) hidden() {}

func (*mode) Exported() {}

// Next returns the next page.
func (p *Page[T]) Next() (*Page[T], error) { return nil, nil }
`
	entries, err := apiListing(emit.Files{{Name: "a_gen.go", Data: []byte(src)}, {Name: "go.mod", Data: []byte("module x\n")}})
	if err != nil {
		t.Fatal(err)
	}
	want := `const ModeA Mode = "a"
const Version = "v1.0"
func NewClient(opts ...string) *Client
method (*Client) Do(ctx context.Context) error
method (*Client) GetUser(ctx context.Context, userID string, opts *GetUserOptions) (*User, error) // GET /users/{userId}
method (*Client) ListUsers(ctx context.Context, a, b string) iter.Seq2[User, error] // GET /users?$top={n}
method (*Page[T]) Next() (*Page[T], error)
type Alias = Mode
type Client struct
type Mode string
type Page[T any] struct
type UserDerived interface
`
	if got := string(listingText(entries)); got != want {
		t.Errorf("listing:\n%s\nwant:\n%s", got, want)
	}
	for _, e := range entries {
		if e.Name == "ListUsers" && (e.Sig != "ListUsers(context.Context, string, string) iter.Seq2[User, error]" || e.Verb != "GET" || endpointShape(e.Path) != "/users") {
			t.Errorf("ListUsers entry: %+v", e)
		}
	}
	d, added, removed := listingDiff([]byte("a\nb\nc\n"), []byte("a\nc2\nc\nd\n"), 2)
	if added != 2 || removed != 1 || d != "-b\n+c2\n... and 1 more" {
		t.Errorf("listingDiff = %q, %d added, %d removed", d, added, removed)
	}
}

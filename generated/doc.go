// This package is generated from the pages in ../docs; go generate (or, from the
// repository root, go run ./cmd/graphdocgen) rewrites it. Only this file and the tests
// are written by hand.

//go:generate go run ../cmd/graphdocgen --out . --package generated ../docs

package generated

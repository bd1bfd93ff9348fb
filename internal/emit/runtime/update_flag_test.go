package graph

// This package has no golden files, but go test ./... -update passes -update to every
// test binary; importing internal/golden declares the flag.
import _ "github.com/graphdocgen/graphdocgen/internal/golden"

// Package generate is graphdocgen's pipeline, shared by the command and the tests: find
// the pages, parse them in parallel, build the model, emit the package. It does not
// write anything; emit.Files does that.
package generate

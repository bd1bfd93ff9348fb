// Command graphdocgen turns Microsoft Graph API reference pages (markdown, as in the
// microsoft-graph-docs repository) into a typed Go client package.
//
// Usage:
//
//	graphdocgen [flags] [PATH...]
//	graphdocgen lint [flags] PATH...
//
// graphdocgen lint checks pages for their authors and generates nothing: it prints the
// generator's diagnostics and the lint checks' (--format text, json or github workflow
// annotations), and exits 1 on an error, or with --strict on a warning.
//
// Each PATH is a page or a folder, read recursively for *.md pages. Page names in the
// generated code and in links between pages are taken relative to the PATH they were
// found under, so the output does not depend on the directory graphdocgen runs in.
// A PATH that is a symbolic link to a folder is followed. With no PATH, graphdocgen
// regenerates this repository's generated/ package from docs/ (run it from the
// repository root).
//
// In another module, pin it as a tool (the module is not published: a replace to a
// checkout, see the README) and call it from go generate as
//
//	//go:generate go tool graphdocgen --out . --package graph ../third_party/microsoft-graph-docs/api-reference/v1.0
//
// Flags:
//
//	-o, --out DIR            write the package here (default: generated, with no PATH; . otherwise)
//	-p, --package NAME       Go package name (default: the output folder's name, or graph)
//	    --api-version V      v1.0 or beta (default: inferred from the paths, else v1.0)
//	    --check              write nothing; exit 1 and print a diff when DIR is stale
//	    --report FILE        write a JSON report of pages, operations and diagnostics
//	    --dump-model         print the model instead of generating code
//	-j, --jobs N             pages parsed in parallel (default: the number of CPUs)
//	    --include PATTERN    emit only operations whose page matches a glob, or whose path
//	                         starts with /an/api/path (repeatable)
//	    --exclude PATTERN    leave those out (repeatable; wins over --include)
//	    --split              one package per workload below DIR, beside a core package
//	    --import-path PATH   DIR's import path, which the generated code imports its runtime
//	                         (DIR/internal/graphrt) with (default: from the go.mod above DIR)
//	    --fail-on LEVEL      which diagnostics fail the run: error, warning or never
//	                         (default: error with a PATH, warning with none)
//	-q, --quiet              print errors only, no warnings or summary
//	-h, --help               print this help
//
// Diagnostics are printed to standard error as
//
//	file:line:col: severity: code: message
//
// Exit status: 0 when the package was written (or is up to date, with --check); 1 when the
// run fails; 2 for a usage error (a bad flag, --package or --import-path, no go.mod above
// DIR to take its import path from when --import-path is not given, a PATH that does not
// exist), found before any page is read. A run that fails writes nothing; --report is
// still written and says why. A run fails when a page cannot be read, an --include selects
// nothing, --check finds stale files, the output or report cannot be written, or a
// diagnostic fails it under --fail-on:
//
//	error    an error about the generated code: on a page an emitted operation or type
//	         comes from. An error that only leaves its page out (no operation comes from
//	         it) is printed but does not fail. The default with a PATH.
//	warning  every error and warning about the selected pages. The default with no PATH.
//	never    none (a page that cannot be read still fails).
//
// A run that fails writes nothing. A write stages every new or changed file in a hidden
// .graphdocgen/ folder inside the output folder, commits with a journal, then renames them
// into place; a run killed before the commit leaves the old generation, and the next run
// finishes a committed one, so the folder ends as one whole generation. The files a
// generation wrote are listed in .graphdocgen-manifest: only those are removed when no
// longer generated, and a subfolder with a manifest of its own is never touched.
package main

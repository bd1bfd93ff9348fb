// Command graphdocgen turns Microsoft Graph API reference pages (markdown, as in the
// microsoft-graph-docs repository) into a typed Go client package.
//
// Usage:
//
//	graphdocgen [flags] [PATH...]
//
// Each PATH is a page or a folder, read recursively for *.md pages. Page names in the
// generated code and in links between pages are taken relative to the PATH they were
// found under, so the output does not depend on the directory graphdocgen runs in.
// With no PATH, graphdocgen regenerates this repository's generated/ package from docs/
// (run it from the repository root).
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
//	-q, --quiet              print errors only, no warnings or summary
//	-h, --help               print this help
//
// Diagnostics are printed to standard error as
//
//	file:line:col: severity: code: message
//
// Exit status: 0 when the package was generated (or is up to date with --check), 1 when
// the docs have errors or --check finds stale files, 2 for a usage error.
//
// The output is written atomically: every file is written and formatted in memory first,
// then all are put in place together; files that graphdocgen generated earlier (those
// named *_gen.go that start with its header) and no longer generates are removed.
package main

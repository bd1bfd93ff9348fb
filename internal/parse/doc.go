// Package parse reads one Microsoft Graph reference page (markdown, as in the
// microsoft-graph-docs repository) into a model.Page. It is the only package that imports
// goldmark.
//
// What is read:
//   - the YAML front matter (title, description, doc_type, ms.prod) and the Namespace line;
//   - the HTTP request section (H2 or H3, any case): every line of every fence, scanned
//     into method and path template (placeholders, {a | b} alternatives, function-call
//     segments, quoted keys, a query string);
//   - the parameter tables, by their enclosing heading (path, function, query, request
//     headers, request body), with columns mapped by header name;
//   - the Response section's status code and returned type;
//   - the permissions table (Permissions, or intune's Prerequisites);
//   - the examples' fenced blocks with their HTML-comment annotations, kept raw;
//   - on resource and enum pages, the types they define (Page.Types): the page's type
//     (named by its resource annotation or title, with base, key and open/abstract flags),
//     its Properties and Relationships rows checked against the JSON representation, and
//     its enums (a Members table, or "<name> values" headings on aggregate and resource
//     pages).
//
// Before goldmark sees a page, a gate (input.go) refuses a page over MaxPageSize (32 MiB;
// page-too-large) or one that is a binary file (binary-page), reports an empty page
// (empty-page), reads bytes that are not UTF-8 as U+FFFD (invalid-utf8; a request path or
// a name holding one is then refused, so no such byte reaches the model) and flattens
// lists and block quotes nested past 32 markers or 256 columns on a line
// (nesting-too-deep). Positions stay those of the page as written. Parsing is linear in
// the page's size, about 50 ms and 30-40 MB of allocations a MB (make bench).
//
// docfx tab markers (# [HTTP](#tab/http)) are H1 headings in goldmark's eyes; they are
// skipped so they do not end the section they sit in. Every extracted value carries the
// file:line:col it was read from, and anything the parser cannot use becomes a diagnostic
// rather than an error.
package parse

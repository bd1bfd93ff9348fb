package graph

// This repository's Microsoft Graph client holds only the operations it uses, generated
// by graphdocgen. With --split, this package is the core (client, errors, paging, shared
// models) and each workload is a package below it: graph/deviceappmanagement and
// graph/groups. In a real repository the last argument is a pinned checkout of
// microsoft-graph-docs; here it is graphdocgen's own docs/ folder.
//
// The line is in the file that sorts last: go generate lists a package's files before it
// runs, and graphdocgen may remove a generated file that comes after this one.

//go:generate go tool graphdocgen --out . --package graph --split --include /deviceAppManagement/vppTokens --exclude *-delete.md --include /groups ../../../docs/api-reference/beta

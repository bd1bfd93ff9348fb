// Package model is graphdocgen's description of a Microsoft Graph API in Graph's own
// terms: pages, operations, path templates, parameters, Edm types, examples and
// diagnostics. It imports the standard library only.
//
// Invariants:
//   - every node that comes from a page carries the Pos it was read from;
//   - names are Graph names (camelCase, as the docs spell them); Go names are emit's business;
//   - Canonicalize is the one place that decides order: after it, API.Operations,
//     API.Types and every slice inside them are in a deterministic order that does not
//     depend on the order in which pages were read.
package model

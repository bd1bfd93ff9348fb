package model

import (
	pathpkg "path"
	"slices"
	"strings"
)

// Selection picks the operations to emit. A pattern that starts with "/" is an API path
// prefix, matched segment by segment without regard to case ("/deviceAppManagement/vppTokens"
// matches /deviceAppManagement/vppTokens/{vppTokenId}/revokeLicenses, not
// /deviceAppManagement/vppTokensX); any other pattern is a glob (path.Match) over the
// page's file name, tried against the whole relative name and against its base name
// ("intune-onboarding-vpptoken-*.md"). With no Include every operation is included;
// Exclude always wins. A path that matches keeps its operation; the operation's other
// paths must match too to be kept. An Include glob also picks an operation whose endpoint
// the page it names documents but another page owns (Operation.AlsoIn): the user asked for
// that endpoint; an Exclude glob names only the owner.
type Selection struct {
	Include, Exclude []string
}

// Empty reports whether the selection keeps everything.
func (s Selection) Empty() bool { return len(s.Include) == 0 && len(s.Exclude) == 0 }

// keepPath reports whether one path of an operation is selected.
func (s Selection) keepPath(op *Operation, p Path) bool {
	for _, pat := range s.Exclude {
		if matches(pat, op.Page, p) {
			return false
		}
	}
	if len(s.Include) == 0 {
		return true
	}
	for _, pat := range s.Include {
		if includes(pat, op, p) {
			return true
		}
	}
	return false
}

// includes reports whether an Include pattern picks one path of an operation: by its
// page, its path, or a page that documents the same endpoint (AlsoIn).
func includes(pat string, op *Operation, p Path) bool {
	if matches(pat, op.Page, p) {
		return true
	}
	return !strings.HasPrefix(pat, "/") && slices.ContainsFunc(op.AlsoIn, func(page string) bool { return matches(pat, page, p) })
}

// SelectsPage reports whether the selection picks a page by its name: no Exclude glob
// matches it, and there is no Include or an Include glob matches it. Path patterns
// ("/users") pick operations, not pages, so they select no page by name.
func (s Selection) SelectsPage(page string) bool {
	for _, pat := range s.Exclude {
		if !strings.HasPrefix(pat, "/") && matches(pat, page, Path{}) {
			return false
		}
	}
	if len(s.Include) == 0 {
		return true
	}
	for _, pat := range s.Include {
		if !strings.HasPrefix(pat, "/") && matches(pat, page, Path{}) {
			return true
		}
	}
	return false
}

func matches(pat, page string, p Path) bool {
	if strings.HasPrefix(pat, "/") {
		prefix := strings.ToLower(strings.TrimSuffix(pat, "/"))
		s := strings.ToLower(p.String())
		return s == prefix || strings.HasPrefix(s, prefix+"/") || strings.HasPrefix(s, prefix+"(") || strings.HasPrefix(s, prefix+"?")
	}
	if ok, _ := pathpkg.Match(pat, page); ok {
		return true
	}
	ok, _ := pathpkg.Match(pat, pathpkg.Base(page))
	return ok
}

// apply keeps the operations (and paths) the selection picks. Run before the types are
// resolved, so that only the types the kept operations reach are emitted.
func (s Selection) apply(api *API) {
	if s.Empty() {
		return
	}
	for _, pat := range s.Include {
		if !slices.ContainsFunc(api.Operations, func(op *Operation) bool {
			return slices.ContainsFunc(op.Paths, func(p Path) bool { return includes(pat, op, p) })
		}) {
			api.UnmatchedIncludes = append(api.UnmatchedIncludes, pat)
		}
	}
	var kept []*Operation
	for _, op := range api.Operations {
		var paths []Path
		for _, p := range op.Paths {
			if s.keepPath(op, p) {
				paths = append(paths, p)
			}
		}
		if len(paths) > 0 {
			op.Paths = paths
			kept = append(kept, op)
		}
	}
	api.Operations = kept
}

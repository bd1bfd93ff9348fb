package parse

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// Slips in how a request line writes its path that have one reading: a key placeholder
// without braces, a slash before a key predicate's parentheses.

// gluedKey matches a collection's name run into its key placeholder:
// subjectRightsRequests{subjectRightsRequestId}.
var gluedKey = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9]*[a-z])\{([A-Za-z][\w-]*)\}$`)

// parenKey matches a key written in parentheses as a whole segment: /teams/(team-id).
var parenKey = regexp.MustCompile(`^\(([A-Za-z][\w-]*[Ii][Dd])\)$`)

// unbracedPlaceholder turns a segment that can only be a key placeholder written without
// braces into one: (team-id) anywhere, a bare id right after a collection's name
// (/sites/id/lists). It returns the placeholder's name.
func unbracedPlaceholder(raw string, prev *model.Segment) (string, bool) {
	if m := parenKey.FindStringSubmatch(raw); m != nil {
		return m[1], true
	}
	if raw != "id" || prev == nil {
		return "", false
	}
	lit, ok := prev.Literal()
	return "id", ok && lit != "" && !strings.HasPrefix(lit, "$") && !strings.HasSuffix(lit, ":")
}

// prevPlainName is the segment before, when it is a plain name a predicate or call can
// follow.
func prevPlainName(prev *model.Segment) (string, bool) {
	if prev == nil {
		return "", false
	}
	lit, ok := prev.Literal()
	return lit, ok && propertyKey.MatchString(lit)
}

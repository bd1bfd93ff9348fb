package parse

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// A section the parser knows that yields nothing is reported, unless something already
// explains it (a diagnostic raised inside it, or prose saying there is nothing: "None.").
// These are the codes, one a section.
var emptyCodes = map[section]string{
	secPermissions: "permissions-empty",
	secHeaders:     "headers-empty",
	secBody:        "request-body-empty",
	secExample:     "examples-empty",
}

// emptyWhat says what a section was expected to yield.
var emptyWhat = map[section]string{
	secPermissions: "no permission was read from it (no Permission type table, no readable include)",
	secHeaders:     "no request header was read from it",
	secBody:        "neither a body type, nor a parameter table, nor a no-body sentence was read from it",
	secExample:     "no example request or response was read from it",
}

// saysNothing matches prose saying a section is empty on purpose.
var saysNothing = regexp.MustCompile(`(?i)^(none|not applicable|n/a|no headers?)\.?$|^this (method|api|operation) (does not|doesn't) (take|have|support|accept|require)`)

// yield counts what the sections emptyCodes names have produced so far. It is read at
// every heading, so it counts in constant time: a section's tables add parameters of its
// own kind only, so the parameter count tells whether its table yielded.
type yield struct {
	diags, perms, params, examples int
	body                           bool
}

func (st *state) yieldNow() yield {
	b := st.page.Body
	return yield{diags: len(st.ds), perms: len(st.page.Permissions), params: len(st.page.Params),
		examples: len(st.page.Examples), body: b.None || !b.Type.IsNone() && b.Type.Kind != model.KindUnknown}
}

// noteNothing records prose saying the innermost section is empty on purpose.
func (st *state) noteNothing(txt string) {
	if len(st.stack) > 0 && saysNothing.MatchString(strings.TrimSpace(txt)) {
		st.stack[len(st.stack)-1].nothing = true
	}
}

// closeSection notes a known section that yielded nothing; finish reports the notes of an
// API page.
func (st *state) closeSection(f frame) {
	code, ok := emptyCodes[f.sec]
	if !ok || f.nothing {
		return
	}
	now := st.yieldNow()
	grew := false
	switch f.sec {
	case secPermissions:
		grew = now.perms > f.at.perms
	case secHeaders:
		grew = now.params > f.at.params
	case secBody:
		grew = now.params > f.at.params || now.body && !f.at.body
	case secExample:
		grew = now.examples > f.at.examples
	}
	if grew || now.diags > f.at.diags {
		return
	}
	st.empties = append(st.empties, model.Diagnostic{Pos: f.pos, Severity: model.Warning, Code: code,
		Message: "the " + strings.ToLower(f.text) + " section is here, but " + emptyWhat[f.sec]})
}

// reportSilent closes the sections still open and, on an API page, reports the empty ones
// and an Authorization header whose presence is not known.
func (st *state) reportSilent() {
	for i := len(st.stack) - 1; i >= 0; i-- {
		st.closeSection(st.stack[i])
	}
	st.stack = st.stack[:0]
	if st.page.Kind != model.PageAPI {
		return
	}
	for _, d := range st.empties {
		if d.Code == emptyCodes[secBody] && slices.ContainsFunc(st.page.Params, func(p model.Param) bool { return p.In == model.InBody }) {
			continue // a table below another heading gave the body (a bare "Parameters")
		}
		st.ds = append(st.ds, d)
	}
	var auth *model.Param
	headers := 0
	for i, p := range st.page.Params {
		if p.In != model.InHeader {
			continue
		}
		headers++
		if strings.EqualFold(p.Name, "Authorization") && auth == nil {
			auth = &st.page.Params[i]
		}
	}
	pos := st.page.TitlePos.Or(st.lines.line(1))
	if auth == nil {
		if perm, ok := scopedPermission(st.page.Permissions); ok {
			// No header row says so, but the Permissions table lists delegated or
			// application permissions: scopes that only an access token carries, sent as
			// Authorization: Bearer {token}. The header is required, on that evidence.
			st.page.Params = append(st.page.Params, model.Param{Name: "Authorization", In: model.InHeader,
				Type:        model.TypeRef{Kind: model.KindPrimitive, Primitive: model.String, Raw: "String", Pos: perm.Pos},
				Description: fmt.Sprintf("Bearer {token}. Required: inferred from the Permissions table (line %d), whose %s permissions a bearer token carries.", perm.Pos.Line, perm.Kind),
				Presence:    model.Required, Pos: perm.Pos})
			where := "the page has no Request headers section"
			if headers > 0 {
				where = "the Request headers table has no Authorization row"
			}
			st.ds.Addf(perm.Pos, model.Warning, "auth-inferred",
				"%s; the Permissions table lists %s permissions (%s), which a bearer token carries: Authorization: Bearer {token} is taken as required",
				where, perm.Kind, strings.Join(perm.Scopes[:min(len(perm.Scopes), 2)], ", "))
			auth = &st.page.Params[len(st.page.Params)-1]
		}
	}
	switch {
	case auth != nil && auth.Presence == model.PresenceUnknown:
		st.ds.Addf(auth.Pos, model.Warning, "auth-unknown", "the Authorization header's row says neither Required nor Optional")
	case auth != nil:
	case headers > 0:
		st.ds.Addf(pos, model.Warning, "auth-unknown", "the Request headers table has no Authorization row: whether the call needs it is not known")
	case !st.sections[secPermissions]:
		// Sketches of a page (a request line and a response) are not told; a page that
		// follows the template (it has Permissions) is.
	case !st.sections[secHeaders]:
		st.ds.Addf(pos, model.Warning, "auth-unknown", "the page has no Request headers section: whether it needs the Authorization header is not known")
	default:
		st.ds.Addf(pos, model.Warning, "auth-unknown", "the Request headers section lists no header: whether the call needs the Authorization header is not known")
	}
	if len(st.page.Permissions) == 0 && !st.sections[secPermissions] && st.sections[secHeaders] {
		st.ds.Addf(pos, model.Warning, "permissions-missing", "the page has no Permissions section: the permissions the call needs are not known")
	}
}

// scopeName is a permission scope: Files.ReadWrite.All, User.Read.
var scopeName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$`)

// scopedPermission finds the first permissions row that names a scope: the evidence that
// the call takes an access token.
func scopedPermission(ps []model.Permission) (model.Permission, bool) {
	for _, p := range ps {
		// A pivoted table's scope names its resource after it: "Mail.ReadWrite (message)".
		scoped := func(s string) bool { name, _, _ := strings.Cut(s, " "); return scopeName.MatchString(name) }
		if slices.ContainsFunc(p.Scopes, scoped) && p.Pos.IsValid() {
			return p, true
		}
	}
	return model.Permission{}, false
}

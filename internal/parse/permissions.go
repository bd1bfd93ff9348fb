package parse

import (
	"regexp"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// permissions reads "Permission type | Permissions" rows.
func (st *state) permissions(t *table) {
	if pivotedPermissions(t) {
		st.pivotedPermissions(t)
		return
	}
	if len(t.header) < 2 || !strings.HasPrefix(t.header[0], "permission") {
		st.ds.Addf(t.pos, model.Warning, "permissions-unread",
			"permissions table with columns %q is not read (only Permission type | Permissions tables are, and tables with a row per resource and a column per permission type)", strings.Join(t.header, " | "))
		return
	}
	mostFirst := strings.Contains(t.header[1], "most to least")
	higher := len(t.header) > 2 && strings.Contains(t.header[1], "least") && strings.Contains(t.header[2], "higher")
	group := "" // a kind row with no scopes, over indented rows that name its parts
	// "### Permissions for channel" over one table, "### Permissions for chat" over another.
	forWhat := permissionsFor(normHeading(st.heading()))
	for _, row := range t.rows {
		if len(row) < 2 {
			continue
		}
		st.checkTODO(row[1].text, row[1].pos)
		p := model.Permission{Kind: row[0].text, For: forWhat, Pos: row[0].pos}
		switch kind := strings.TrimSpace(strings.Trim(row[0].text, "\u00a0 ")); {
		case permissionKind(kind):
			group = ""
			if strings.TrimSpace(row[1].text) == "" {
				group = kind // "Delegated (work or school account) |" over "&nbsp; **Policy Set** | ..."
			}
		case group != "":
			p.Kind = group + ", " + kind
		}
		if kind, _, ok := strings.Cut(p.Kind, " Note:"); ok && permissionKind(kind) {
			p.Kind = strings.TrimSpace(kind) // "Delegated (personal Microsoft account) <br /> **Note**: ..."
		}
		if parts := forResource.FindAllStringSubmatchIndex(row[1].text, -1); len(parts) > 0 && !higher {
			// "For **user** resource: User.Read, ... For **group** resource: Group.Read.All":
			// a row for each resource, as a table per resource would give. Scopes before the
			// first ("Profile photo of the signed-in user: User.ReadWrite, ... For **group**
			// resource: ...") are the user's where the text says so, the page's otherwise.
			pre := row[1].text[:parts[0][0]]
			if scopes := cellScopes(afterColon(pre)); len(scopes) > 0 {
				q := p
				if strings.Contains(strings.ToLower(pre), "user") {
					q.For = "user"
				}
				q.Scopes = scopes
				st.page.Permissions = append(st.page.Permissions, q)
			}
			for i, m := range parts {
				end := len(row[1].text)
				if i+1 < len(parts) {
					end = parts[i+1][0]
				}
				q := p
				q.For = strings.ToLower(row[1].text[m[2]:m[3]])
				q.Scopes = cellScopes(row[1].text[m[1]:end])
				if mostFirst {
					slices.Reverse(q.Scopes)
				}
				st.page.Permissions = append(st.page.Permissions, q)
			}
			continue
		}
		cells := row[1:2]
		if higher && len(row) > 2 {
			// Least privileged | Higher privileged permissions (today's include tables).
			cells = row[1:3]
		}
		for _, c := range cells {
			for _, s := range cellScopes(c.text) {
				if !slices.Contains(p.Scopes, s) {
					p.Scopes = append(p.Scopes, s)
				}
			}
		}
		if mostFirst {
			slices.Reverse(p.Scopes) // least privileged first, whatever the table's order
		}
		st.page.Permissions = append(st.page.Permissions, p)
	}
}

// afterColon is the text after a cell's label ("Profile photo of the signed-in user:
// User.ReadWrite": the scopes), or all of it without one.
func afterColon(s string) string {
	if _, after, ok := strings.Cut(s, ":"); ok {
		return after
	}
	return s
}

// permissionsFor is the resource a heading over a permissions table names, "" when it
// names none: "Permissions for chat" is chat; the RBAC pages' "For Device management
// (Intune) provider" is device management, which names /roleManagement/deviceManagement;
// "For users:" is users. The authentication method pages' "Permissions acting on self"
// and "on other users" are /me and /users.
func permissionsFor(h string) string {
	switch h {
	case "permissions acting on self":
		return "me"
	case "permissions acting on other users":
		return "users"
	}
	what, ok := strings.CutPrefix(h, "permissions for ")
	if !ok {
		if what, ok = strings.CutPrefix(h, "for "); !ok {
			return ""
		}
	}
	what = parenthetical.ReplaceAllString(what, " ")
	what = strings.TrimSuffix(strings.TrimSpace(what), " provider")
	for _, article := range []string{"the ", "a ", "an "} {
		what = strings.TrimPrefix(what, article)
	}
	return strings.Join(strings.Fields(what), " ")
}

// parenthetical is a remark in parentheses: "(Intune)", "(Azure AD)".
var parenthetical = regexp.MustCompile(`\([^()]*\)`)

// forResource finds "For user resource:" in a permissions cell that lists scopes per
// resource (profilephoto-get).
var forResource = regexp.MustCompile(`(?i)\bfor\s+(\w+)\s+resources?\s*:\s*`)

// permissionKind reports whether a permissions row names a permission type.
func permissionKind(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "delegated") || strings.HasPrefix(l, "application")
}

// cellScopes are the scopes a permissions cell lists, comma separated: "Not supported",
// "Not available", "None" (no permission serves that account type) and TODO notes aside, and a footnote's star dropped ("Chat.Manage.Chat*").
func cellScopes(text string) []string {
	var out []string
	for _, s := range strings.Split(text, ",") {
		s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".*"))
		if s == "" || strings.EqualFold(s, "not supported") || strings.EqualFold(s, "not available") || strings.EqualFold(s, "none") || strings.Contains(s, "TODO") {
			continue
		}
		out = append(out, s)
	}
	return out
}

// pivotedPermissions reports whether a permissions table has a row per resource and a
// column per permission type: | Supported resource | Delegated (work or school account) |
// Delegated (personal Microsoft account) | Application |.
func pivotedPermissions(t *table) bool {
	if len(t.header) < 2 || strings.HasPrefix(t.header[0], "permission") {
		return false
	}
	for _, h := range t.header[1:] {
		if !strings.HasPrefix(h, "delegated") && !strings.HasPrefix(h, "application") {
			return false
		}
	}
	return true
}

// pivotedPermissions reads a table of pivotedPermissions' shape into one permission per
// column, each scope followed by the resource its row names: "Mail.ReadWrite (message)".
func (st *state) pivotedPermissions(t *table) {
	for j, h := range t.header[1:] {
		kind := strings.ToUpper(h[:1]) + strings.ReplaceAll(h[1:], "microsoft", "Microsoft")
		for _, row := range t.rows {
			if len(row) <= j+1 {
				continue
			}
			st.checkTODO(row[j+1].text, row[j+1].pos)
			// One row per resource: a method gets the rows of the resource its path names
			// (the emitter's pathPermissions), every row labelled where it names none.
			p := model.Permission{Kind: kind, For: strings.ToLower(strings.TrimSpace(row[0].text)), Pos: row[0].pos}
			for _, s := range cellScopes(row[j+1].text) {
				if !slices.Contains(p.Scopes, s) {
					p.Scopes = append(p.Scopes, s)
				}
			}
			st.page.Permissions = append(st.page.Permissions, p)
		}
	}
}

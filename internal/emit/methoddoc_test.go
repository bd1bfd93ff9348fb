package emit

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// TestPathPermissions: a page with a permissions table per resource gives each path the
// table of the resource it names, and every table, labelled, to a path that names none.
func TestPathPermissions(t *testing.T) {
	seg := func(lits ...string) model.Path {
		var p model.Path
		for _, l := range lits {
			p.Segments = append(p.Segments, model.Segment{Parts: []model.Part{{Literal: l}}})
		}
		return p
	}
	perms := []model.Permission{
		{Kind: "Delegated (work or school account)", Scopes: []string{"ChannelMessage.Read.All"}, For: "channel"},
		{Kind: "Delegated (work or school account)", Scopes: []string{"Chat.Read"}, For: "chat"},
	}
	kinds := func(ps []model.Permission) (out []string) {
		for _, p := range ps {
			out = append(out, p.Kind+": "+p.Scopes[0])
		}
		return out
	}
	for _, tc := range []struct {
		path model.Path
		want string
	}{
		{seg("teams", "t", "channels", "c", "messages"), "[Delegated (work or school account): ChannelMessage.Read.All]"},
		{seg("chats", "c", "messages"), "[Delegated (work or school account): Chat.Read]"},
		{seg("me", "messages"), "[Delegated (work or school account) (for channel): ChannelMessage.Read.All Delegated (work or school account) (for chat): Chat.Read]"},
	} {
		if got := fmtList(kinds(pathPermissions(perms, tc.path))); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.path, got, tc.want)
		}
	}
	// A cell per resource: the last segment that names one decides; /me is the user.
	photo := []model.Permission{
		{Kind: "Application", Scopes: []string{"User.Read.All"}, For: "user"},
		{Kind: "Application", Scopes: []string{"Group.Read.All"}, For: "group"},
		{Kind: "Application", Scopes: []string{"Contacts.Read"}, For: "contact"},
	}
	for _, tc := range []struct {
		path model.Path
		want string
	}{
		{seg("users", "u", "contactFolders", "f", "contacts", "c", "photo"), "[Application: Contacts.Read]"},
		{seg("me", "photo"), "[Application: User.Read.All]"},
		{seg("groups", "g", "photo"), "[Application: Group.Read.All]"},
	} {
		if got := fmtList(kinds(pathPermissions(photo, tc.path))); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.path, got, tc.want)
		}
	}
	// A row per resource, named in words: the row the path names last and most fully.
	rows := []model.Permission{
		{Kind: "Application", Scopes: []string{"Calendars.Read"}, For: "user calendar"},
		{Kind: "Application", Scopes: []string{"Group.Read.All"}, For: "group calendar"},
		{Kind: "Application", Scopes: []string{"Mail.Read"}, For: "mail folder"},
		{Kind: "Application", Scopes: []string{"Calendars.Read"}, For: "event"},
		{Kind: "Application", Scopes: []string{"Group.Read.All"}, For: "group event"},
	}
	for _, tc := range []struct {
		path model.Path
		want string
	}{
		{seg("me", "calendars", "c"), "[Application: Calendars.Read]"},
		{seg("groups", "g", "calendar"), "[Application: Group.Read.All]"},
		{seg("users", "u", "mailFolders", "f"), "[Application: Mail.Read]"},
		{seg("groups", "g", "events", "e"), "[Application: Group.Read.All]"},
		{seg("me", "events", "e"), "[Application: Calendars.Read]"},
	} {
		if got := fmtList(kinds(pathPermissions(rows, tc.path))); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.path, got, tc.want)
		}
	}
}

// TestPathPermissionsQualified: a row whose leading word names no segment ("personal
// contact") is the resource its last word names.
func TestPathPermissionsQualified(t *testing.T) {
	var p model.Path
	for _, l := range []string{"users", "u", "contacts", "c", "extensions", "x"} {
		p.Segments = append(p.Segments, model.Segment{Parts: []model.Part{{Literal: l}}})
	}
	rows := []model.Permission{
		{Kind: "Application", Scopes: []string{"User.ReadWrite.All"}, For: "user"},
		{Kind: "Application", Scopes: []string{"Contacts.ReadWrite"}, For: "personal contact"},
		{Kind: "Application", Scopes: []string{"Group.ReadWrite.All"}, For: "group event"},
	}
	got := pathPermissions(rows, p)
	if len(got) != 1 || got[0].Scopes[0] != "Contacts.ReadWrite" {
		t.Errorf("%s: %+v, want the personal contact row", p, got)
	}
	// "me" names /me only, not /users/{id}/authentication/methods
	var q model.Path
	for _, l := range []string{"users", "u", "authentication", "methods"} {
		q.Segments = append(q.Segments, model.Segment{Parts: []model.Part{{Literal: l}}})
	}
	self := []model.Permission{
		{Kind: "Delegated", Scopes: []string{"UserAuthenticationMethod.Read"}, For: "me"},
		{Kind: "Application", Scopes: []string{"UserAuthenticationMethod.Read.All"}, For: "users"},
	}
	if got := pathPermissions(self, q); len(got) != 1 || got[0].For != "users" {
		t.Errorf("%s: %+v, want the other users' row", q, got)
	}
}

func fmtList(s []string) string {
	out := "["
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out + "]"
}

// TestMethodDocDeprecated: a method of a page the docs mark deprecated says so in Go's
// form, a paragraph that starts "Deprecated: ".
func TestMethodDocDeprecated(t *testing.T) {
	op := &model.Operation{Method: "GET", Title: "Get anonymousIpRiskEvent (deprecated)", Page: "api/anonymousipriskevent-get.md",
		Response: model.Response{Status: 200}, Deprecated: true}
	m := &goMethod{Name: "GetRiskEvent", Op: op, Path: model.Path{Segments: []model.Segment{{Parts: []model.Part{{Literal: "riskEvents"}}}}}, Kind: resultNone}
	var b strings.Builder
	if err := jen.Add(methodDoc(m, m.Name, false)).Render(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\n//\n// Deprecated: the docs mark this API deprecated (api/anonymousipriskevent-get.md).") {
		t.Errorf("doc:\n%s", b.String())
	}
	op.Deprecated = false
	b.Reset()
	if err := jen.Add(methodDoc(m, m.Name, false)).Render(&b); err != nil || strings.Contains(b.String(), "Deprecated") {
		t.Errorf("doc of a current API:\n%s (%v)", b.String(), err)
	}
}

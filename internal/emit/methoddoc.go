package emit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// methodDoc is a method's doc comment: the request line, the page's summary, the
// arguments, the response, the least-privileged permissions and the source page.
func methodDoc(m *goMethod, name string, onePage bool) jen.Code {
	var d doc
	op := m.Op
	d.verbatim(false, fmt.Sprintf("%s sends %s %s.", name, op.Method, m.Path))
	summary := op.Summary
	if summary == "" || isPlaceholder(summary) {
		summary = op.Title
	}
	d.prose(forSharedCall(summary, m))
	for _, a := range m.Args {
		desc := cleanText(a.Param.Description)
		if desc == "" || isPlaceholder(desc) {
			continue
		}
		d.para(a.Name + ": " + desc)
	}
	switch {
	case m.mimeOf != nil:
		d.para("mime is a whole MIME message, its Internet headers included; it is sent base64-encoded as text/plain, the body the page offers instead of JSON.")
	case m.Body != nil && m.Body.Any:
		d.para("The page does not describe the request body: body is encoded as JSON as it is, and nil sends no body.")
	case m.EmptyBody:
		d.para("The request body is an empty JSON object, {}, as the page asks.")
	case m.Body != nil && m.Body.Ref:
		d.para("body names the object to reference by its URL, its @odata.id (the service root, then the object's path).")
	case m.Body != nil && m.Body.ODataType != "" && !m.Upload:
		d.para("body is sent with its @odata.type, " + m.Body.ODataType + " when body.ODataType is nil, as the page's examples send it.")
	}
	if m.Options != nil {
		d.para("opts sets the optional query parameters and headers; nil sends none.")
	}
	switch {
	case m.Kind == resultPage && onePage:
		d.para(responseDoc(m) + " This method returns one page; NextPage fetches the next, and " + m.Name + " iterates over every item.")
	case m.Kind == resultPage && m.Delta:
		d.para(responseDoc(m) + " The iterator yields every change as a DeltaItem (Removed set for an item deleted or gone from the set since the last round), fetching the next page (@odata.nextLink) only when the loop reaches it; it stops at the first error, which it yields. Set opts.DeltaLink to keep the round's state: a saved @odata.deltaLink resumes from it, and the new one is stored there at the end. " + m.PageName + " returns one page with its links.")
	case m.Kind == resultPage && m.Op.Method != "GET":
		d.para(responseDoc(m) + " The request is sent when the method is called, once, whether or not the iterator is ranged over; the iterator yields every item of the answer, fetching the next page (@odata.nextLink) only when the loop reaches it; it stops at the first error, which it yields. " + m.PageName + " returns one page with its links.")
	case m.Kind == resultPage:
		d.para(responseDoc(m) + " The iterator yields every item, fetching the next page (@odata.nextLink) only when the loop reaches it; it stops at the first error, which it yields. " + m.PageName + " returns one page with its links.")
	default:
		d.para(responseDoc(m))
	}
	perms := []string{"Least privileged permissions:"}
	for _, p := range pathPermissions(op.Permissions, m.Path) {
		if len(p.Scopes) > 0 {
			perms = append(perms, "  - "+p.Kind+": "+leastPrivileged(p.Scopes))
		}
	}
	if len(perms) > 1 {
		d.verbatim(false, perms...)
	}
	d.verbatim(false, "Source: "+op.Page)
	if also := alsoDocumented(pathAlsoIn(m)); also != "" {
		// The pages that document the same call (derived types' create pages, a twin's
		// page): where to read more, since one page's summary speaks for them all.
		d.verbatim(false, "Also documented by: "+also)
	}
	if op.Deprecated {
		// Go's marker, which editors and linters show at every call.
		d.para("Deprecated: the docs mark this API deprecated (" + op.Page + ").")
	}
	return d.code()
}

// alsoDocumented lists the other pages of a call, the first few by name.
func alsoDocumented(pages []string) string {
	const shown = 3
	if len(pages) <= shown+1 {
		return strings.Join(pages, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(pages[:shown], ", "), len(pages)-shown)
}

// responseDoc says what a successful call returns.
func responseDoc(m *goMethod) string {
	r := m.Op.Response
	if m.jsonOf != nil {
		// The JSON form the page's "### JSON" part describes: a 200 with the type.
		r = model.Response{Status: 200, StatusText: "OK", Type: m.Result}
	}
	status := fmt.Sprintf("%d", r.Status)
	if r.StatusText != "" {
		status += " " + r.StatusText
	}
	// The type the method returns, where it corrects the page's (a $expand template of a
	// message answers the message, not the extended property the page names).
	if t := m.Result; (t.Kind == model.KindNamed || t.Kind == model.KindPrimitive) && m.Kind != resultNone {
		r.Type = t
	} else if m.Kind == resultNone {
		r.Type = model.TypeRef{}
	}
	var what string
	switch {
	case m.Kind == resultCount:
		return "On success the service answers " + status + " with the count as plain text, returned as a number."
	case m.Kind == resultMonitor:
		s := "The service accepts the operation with 202 Accepted and " + article(monitorHeader(m.Op)) + " " + monitorHeader(m.Op) + " header, the URL of a monitor: the returned Monitor's Wait polls it until the operation ends and returns the ID of the resource it made; Monitor.URL can be saved to wait in another process (ResumeMonitor)."
		if m.preferAsync {
			s = "The method sends Prefer: respond-async, which asks for that answer. " + s
		}
		if m.Upload {
			s = "The content is sent as it is, labelled with contentType (application/octet-stream when empty). " + s
		}
		if slices.ContainsFunc(m.Op.Examples, func(ex model.Example) bool {
			return ex.Kind == model.ExampleResponse && ex.Status == 202 && strings.TrimSpace(ex.Body) != ""
		}) {
			s += " An example answers the 202 with a body too: Monitor.Accepted holds it."
		}
		if t := m.Op.Response.Type; t.Kind == model.KindNamed && !t.Collection && strings.HasSuffix(strings.ToLower(t.Name), "operation") {
			// the status type (printerCreateOperation, teamsAsyncOperation), not what
			// the operation makes (an external connection's schema)
			s += " The page names the status " + article(t.Name) + " " + t.Name + ": Monitor.Last.Raw holds it as the monitor wrote it, to decode for the members Wait does not read."
		}
		return s
	case m.Kind == resultStream && r.Status == 302:
		return "The service answers 302 Found with a download URL; the client follows it and returns the content. Close it when done."
	case m.Kind == resultStream:
		what = "the content, returned unread: close it when done"
	case r.Type.Kind == model.KindNone:
		what = "no body"
	case r.Type.Kind == model.KindUnknown:
		return "On success the service answers " + status + "; the page does not say with what, so the body is returned as raw JSON."
	default:
		name := r.Type.Name
		if r.Type.Kind == model.KindPrimitive {
			name = string(r.Type.Primitive)
		}
		if r.Type.Collection {
			what = "a collection of " + name
		} else {
			what = article(name) + " " + name
		}
	}
	s := "On success the service answers " + status + " with " + what + "."
	if m.OnRequest {
		s = "On success the service answers " + status + " without a body, and the result is nil, unless the request asks for the body with the Prefer header (opts.Prefer) set to return=representation: then it answers with " + what + ", which is returned."
	}
	switch {
	case m.Optional && m.Op.Response.Accepted:
		s = "On success the service answers with " + what + ", which is returned, or, as the docs also show, with 202 Accepted and a Location to poll, and then the result is nil: set opts.Response to receive the status and the Location."
	case m.Optional:
		s = "On success the service answers with " + what + ", which is returned, or, as the docs also show, without a body (204 No Content, or an empty body), and then the result is nil."
	}
	if m.Upload {
		s = "The content is sent as it is, labelled with contentType (application/octet-stream when empty). " + s
	}
	if m.jsonOf != nil {
		s = "It asks for the JSON form with $format=application/json, where " + m.jsonOf.Name + " returns the default form, a download. " + s
	}
	return s
}

// article is "an" before a vowel, "a" otherwise.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}

// pathPermissions are the permission rows that speak of a path: where a page has a table
// (or a row, or a cell part) per resource ("Permissions for channel", "| group calendar |
// ...", "For contact resource:"), the rows of the resource the path names last and most
// fully (contacts in /users/{id}/contacts/{id}/photo, group calendar in
// /groups/{id}/calendar) and the page's unlabelled rows; where no path segment names one,
// every row, each labelled with its resource.
func pathPermissions(perms []model.Permission, p model.Path) []model.Permission {
	best := -1
	for _, pm := range perms {
		if pm.For != "" {
			best = max(best, resourceScore(p, pm.For))
		}
	}
	var out []model.Permission
	for _, pm := range perms {
		switch {
		case pm.For == "":
			out = append(out, pm)
		case best < 0:
			pm.Kind += " (for " + pm.For + ")"
			out = append(out, pm)
		case resourceScore(p, pm.For) == best:
			out = append(out, pm)
		}
	}
	return out
}

// resourceScore is how well a path names a resource a permissions row speaks of ("group
// calendar", "contact", "mail folder"): -1 when some word of it names no segment (but
// for leading words that qualify the rest: "personal contact" is a contact), else the
// index of the segment its last word names (later is closer to what the path addresses)
// times a hundred, plus ten for each word that names one (more is more specific), less
// one for each that does not ("group event" names /me/events less well than "event"). /me names the
// user; a segment is named by a word it starts with (calendars, contactFolders), or by
// the words run together (mailFolders).
func resourceScore(p model.Path, what string) int {
	var lits []string
	for _, s := range p.Segments {
		lit, _ := s.Literal()
		lits = append(lits, strings.ToLower(lit))
	}
	names := func(i int, word string) bool {
		// a word names a segment it starts (calendar, calendars), but one as short as
		// "me" only itself: methods is no me
		return i == 0 && lits[i] == "me" && word == "user" || lits[i] == word || len(word) > 2 && strings.HasPrefix(lits[i], word)
	}
	words := strings.Fields(strings.ToLower(what))
	if len(words) == 0 {
		return -1
	}
	if joined := strings.Join(words, ""); len(words) > 1 {
		for i := len(lits) - 1; i >= 0; i-- {
			if names(i, joined) {
				return i*100 + len(words)*10
			}
		}
	}
	at, matched := -1, 0
	for k, w := range words {
		found := -1
		for i := at + 1; i < len(lits); i++ {
			if names(i, w) {
				found = i
			}
		}
		switch {
		case found >= 0:
			at, matched = found, matched+1
		case k == len(words)-1 || matched > 0:
			return -1
		}
		// a leading word that names no segment qualifies the rest ("personal contact")
	}
	return at*100 + matched*10 - (len(words) - matched)
}

// pathAlsoIn are the other pages that document the endpoint of the method's own path: a
// page's /me/... path may be shared where its /groups/... path is not.
func pathAlsoIn(m *goMethod) []string {
	if m.Path.Target == nil {
		return m.Op.AlsoIn
	}
	return m.Path.Target.AlsoIn
}

// forSharedCall has a summary speak of the type the method sends or returns where the
// page's own type is one several pages share the call for: an androidForWorkApp page's
// "Create a new androidForWorkApp object." on CreateDeviceAppManagementMobileApp, which
// takes any mobileApp, reads "Create a new mobileApp object." (the derived pages are
// named under "Also documented by").
func forSharedCall(summary string, m *goMethod) string {
	op := m.Op
	if len(pathAlsoIn(m)) == 0 {
		return summary
	}
	pairs := [][2]model.TypeRef{{op.Response.Type, m.Result}}
	if m.Body != nil && m.Body.Whole != nil {
		pairs = append(pairs, [2]model.TypeRef{op.Body.Type, *m.Body.Whole})
	}
	for _, p := range pairs {
		page, sent := p[0], p[1]
		if page.Kind != model.KindNamed || sent.Kind != model.KindNamed || page.Name == "" || sent.Name == "" || strings.EqualFold(page.Name, sent.Name) {
			continue
		}
		summary = replaceWord(summary, page.Name, sent.Name)
	}
	return summary
}

// replaceWord replaces each whole-word, case-insensitive occurrence of old in s with repl,
// leaving a qualified name alone.
func replaceWord(s, old, repl string) string {
	var b strings.Builder
	lower, lo := strings.ToLower(s), strings.ToLower(old)
	for i := 0; i < len(s); {
		j := strings.Index(lower[i:], lo)
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		end := j + len(old)
		// Not a part of a longer name, nor of a qualified one (microsoft.graph.x.azureADDevice).
		if (j == 0 || !wordByte(s[j-1]) && s[j-1] != '.') && (end == len(s) || !wordByte(s[end])) {
			b.WriteString(s[i:j] + repl)
		} else {
			b.WriteString(s[i:end])
		}
		i = end
	}
	return b.String()
}

func wordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

package parse

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

type scanDiag struct {
	sev  model.Severity
	code string
	msg  string
	at   string // the path segment it is about, if not the whole line
}

// literalID matches a GUID, or a long run of hex digits, standing where a key belongs.
// literalHost matches a host name written where a key goes: contoso.sharepoint.com. A
// cast (microsoft.graph.user) does not end in a top-level domain.
var literalHost = regexp.MustCompile(`^(?i)[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|net|org)$`)

var literalID = regexp.MustCompile(`^(?i)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24,})$`)

// altOutside is a placeholder followed by "| name" outside its braces.
var altOutside = regexp.MustCompile(`\{([^{}|/]+)\}\s*\|\s*([A-Za-z][\w-]*)`)

var hostRE = regexp.MustCompile(`^(?i)https?://[^/]+`)
var versionRE = regexp.MustCompile(`^(?i)/(v1\.0|beta|v1)(/|$)`)

// scanPath parses the path part of a request line into a template. It returns nil (and an
// error diagnostic) when the text is not a path at all.
func scanPath(s string) (*model.Path, []scanDiag) {
	var diags []scanDiag
	s = strings.TrimSpace(s)
	if badRune(s) {
		return nil, []scanDiag{{model.Error, "request-path-invalid", "request path holds a byte that is not UTF-8 text (read as U+FFFD) or a control character: " + strconv.Quote(clip(s, 100)), ""}}
	}
	if i := strings.Index(s, " HTTP/"); i > 0 {
		s = s[:i] // "GET /me HTTP/1.1"
	}
	s = hostRE.ReplaceAllString(s, "")
	s = strings.TrimPrefix(s, "~")
	if s != "" && !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	s = versionRE.ReplaceAllString(s, "/")
	if s == "" || strings.ContainsAny(s[:1], "*") || !validPathStart(s) {
		return nil, []scanDiag{{model.Error, "request-path-invalid", "request line has no usable path: " + clip(s, 100), ""}}
	}
	pathPart, query := splitTop(s, '?')
	if len(pathPart) > len("/users/me/") && strings.EqualFold(pathPart[:len("/users/me/")], "/users/me/") {
		// "/users/me/messages/{id}/replyAll": no user has the key "me"; the signed-in
		// user is /me.
		diags = append(diags, scanDiag{model.Warning, "request-path-users-me",
			"path " + clip(pathPart, 60) + " starts /users/me/, which addresses no user; it is read as /me/", ""})
		pathPart = pathPart[len("/users"):]
	}
	if strings.Contains(pathPart, "|") && altOutside.MatchString(pathPart) {
		// "/users/{user-id} | user-principal-name/chats": the alternative written after
		// the braces belongs inside them.
		fixed := altOutside.ReplaceAllString(pathPart, "{$1 | $2}")
		diags = append(diags, scanDiag{model.Warning, "placeholder-alternative-outside",
			"path " + clip(pathPart, 80) + " writes a placeholder's alternative after its braces; it is read as " + clip(fixed, 80), ""})
		pathPart = fixed
	}
	var segs []model.Segment
	for _, raw := range splitAll(strings.TrimPrefix(pathPart, "/"), '/') {
		raw = strings.TrimSpace(raw) // "/me/calendarView ?$top=5"
		if raw == "" || raw == "..." {
			if raw == "..." {
				diags = append(diags, scanDiag{model.Warning, "request-path-ellipsis", "path holds a /.../ segment; it is dropped", ""})
			}
			continue
		}
		if m := gluedKey.FindStringSubmatch(raw); m != nil {
			// "/privacy/subjectRightsRequests{subjectRightsRequestId}/getFinalReport": the
			// slash between a collection and its key is missing.
			diags = append(diags, scanDiag{model.Warning, "request-path-slash-missing",
				"path segment " + clip(raw, 60) + " runs a key into the name before it; it is read as two segments, " + m[1] + "/{" + m[2] + "}", raw})
			segs = append(segs, scanSegment(m[1]), scanSegment("{"+m[2]+"}"))
			continue
		}
		if strings.HasSuffix(raw, "}$ref") && len(raw) > len("{}$ref") {
			// "/tokenLifetimePolicies/{id}$ref": the slash before $ref is missing.
			diags = append(diags, scanDiag{model.Warning, "request-path-slash-missing",
				"path segment " + clip(raw, 40) + " runs $ref into a placeholder; it is read as two segments, " + strings.TrimSuffix(raw, "$ref") + "/$ref", raw})
			segs = append(segs, scanSegment(strings.TrimSuffix(raw, "$ref")), scanSegment("$ref"))
			continue
		}
		var prev *model.Segment
		if len(segs) > 0 {
			prev = &segs[len(segs)-1]
		}
		if name, ok := strings.CutPrefix(raw, "{"); ok && !strings.ContainsAny(name, "{}") && placeholderWord.MatchString(name) {
			// "/groups/{group-id/drive/items/{item-id}/follow": a placeholder whose
			// closing brace is missing.
			diags = append(diags, scanDiag{model.Warning, "placeholder-brace-missing",
				"path segment " + clip(raw, 40) + " opens a placeholder it does not close; it is read as {" + name + "}", raw})
			segs = append(segs, model.Segment{Parts: []model.Part{{Param: name}}})
			continue
		}
		if name, ok := unbracedPlaceholder(raw, prev); ok {
			diags = append(diags, scanDiag{model.Warning, "placeholder-unbraced",
				"path segment " + clip(raw, 40) + " stands for a key but has no braces; it is read as the placeholder {" + name + "}", raw})
			segs = append(segs, model.Segment{Parts: []model.Part{{Param: name}}})
			continue
		}
		if plain, ok := prevPlainName(prev); ok && strings.HasPrefix(raw, "(") && strings.HasSuffix(raw, ")") && strings.Contains(raw, "=") {
			// "/groups/(uniqueName='{uniqueName}')": a key predicate or call's parentheses
			// belong to the name before them; the slash between is a slip.
			diags = append(diags, scanDiag{model.Warning, "request-path-slash-stray",
				"path segment " + clip(raw, 40) + " opens with parentheses after a slash; it is read as " + clip(plain+raw, 60), raw})
			segs[len(segs)-1] = scanSegment(plain + raw)
			continue
		}
		seg := scanSegment(raw)
		if lit, ok := seg.Literal(); ok && literalHost.MatchString(lit) {
			// A template that shows a real host name where the key goes
			// (/sites/contoso.sharepoint.com): make it the key.
			diags = append(diags, scanDiag{model.Warning, "literal-id-in-path",
				"path segment " + clip(lit, 40) + " is a host name, not a name; it is read as the placeholder {hostname}", ""})
			seg = model.Segment{Parts: []model.Part{{Param: "hostname"}}}
		} else if lit, ok := seg.Literal(); ok && literalID.MatchString(lit) {
			// A template that shows a real ID where the key goes: make it the key.
			diags = append(diags, scanDiag{model.Warning, "literal-id-in-path",
				"path segment " + clip(lit, 40) + " is an ID, not a name; it is read as a key placeholder", ""})
			seg = model.Segment{Parts: []model.Part{{Param: "id"}}}
		}
		segs = append(segs, seg)
	}
	p := &model.Path{Segments: segs}
	if query != "" {
		for _, kv := range splitAll(query, '&') {
			if kv == "" {
				continue
			}
			k, v, _ := strings.Cut(kv, "=")
			if name, typ, ok := strings.Cut(k, ":"); ok && v == "" {
				// "?requiresReview:{Boolean}": the option named before the colon, its value
				// a placeholder that names the option's type.
				if _, isPlaceholder := placeholderName(strings.TrimSpace(typ)); isPlaceholder {
					k, v = name, "{"+strings.TrimSpace(name)+"}"
				}
			}
			// A template's text is percent-decoded once here, as it is escaped once when
			// sent: "$filter=VideoTeleconferenceId%20eq%20'{id}'" holds spaces, not "%20".
			q := model.QueryParam{Name: percentDecoded(strings.TrimSpace(k))}
			v = formSpaces(strings.TrimSpace(percentDecoded(v)))
			v = levelsPlaceholder(listPlaceholder(v))
			inner, quoted := unquote(v)
			if name, ok := placeholderName(inner); ok {
				q.Param = strings.TrimPrefix(q.Name, "$")
				if q.Param == "" {
					q.Param = name
				}
				q.Quoted = quoted
			} else if parts := scanParts(v, false); hasParam(parts) {
				q.Parts = parts // $expand=extensions($filter=id eq '{extensionId}')
			} else if strings.ContainsAny(v, "{}<>") {
				diags = append(diags, scanDiag{model.Warning, "query-template-unsupported",
					"query option " + q.Name + "=" + clip(v, 60) + " holds an unclosed placeholder; it is left out of the template", ""})
				continue
			} else {
				q.Value = v
			}
			p.Query = append(p.Query, q)
		}
	}
	nameParams(p)
	return p, diags
}

// percentDecoded is s with its %XX escapes decoded ("+" stays a plus), or s itself when an
// escape is malformed ("100%" is text, not an escape).
func percentDecoded(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	if d, err := url.PathUnescape(s); err == nil && !badRune(d) {
		return d
	}
	return s
}

// plusOperator is an OData operator written between form-encoded spaces:
// "$filter=resourceId+eq+'{resourceId}'", "$orderby=name+desc".
var plusOperator = regexp.MustCompile(`\+(eq|ne|gt|ge|lt|le|and|or|has|in|desc|asc)(\+|$)|(^|[(+])not\+`)

// formSpaces reads the pluses of a query value as the spaces a form encoding writes them
// for, when the value writes an operator that way and no plus sits inside a quoted string
// (where it could be a real plus): the value is sent with spaces, which the client encodes.
func formSpaces(v string) string {
	if !strings.Contains(v, "+") || !plusOperator.MatchString(v) {
		return v
	}
	quoted := false
	for _, c := range v {
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '+' && quoted:
			return v
		}
	}
	return strings.ReplaceAll(v, "+", " ")
}

// firstToNth is a list a template illustrates by its first and last item:
// "{property_1},{property_n}", "{prop1},{prop2},{propN}".
var firstToNth = regexp.MustCompile(`\{([A-Za-z]+?)_?1\}(?:,\s*\{[A-Za-z]+?_?\d\})*,\s*(?:\.\.\.,\s*)?\{[A-Za-z]+?_?[nN]\}`)

// listPlaceholder writes a list illustrated by its first and last item as one placeholder
// named for the items ("$select=id,{property_1},{property_n}" takes {properties}): the
// caller writes the list, however long, where two arguments would fix it at two.
func listPlaceholder(v string) string {
	return firstToNth.ReplaceAllStringFunc(v, func(m string) string {
		base := firstToNth.FindStringSubmatch(m)[1]
		if strings.HasSuffix(base, "y") {
			return "{" + strings.TrimSuffix(base, "y") + "ies}"
		}
		return "{" + base + "s}"
	})
}

// levelWord is an expand's $levels written as a word that stands for a number
// ("manager($levels=n)"); OData reads only a number or max there.
var levelWord = regexp.MustCompile(`(\$levels=)([A-Za-z]\w*)`)

// levelsPlaceholder makes a $levels given as a word other than max a placeholder, so the
// caller gives the number instead of the service receiving the letter.
func levelsPlaceholder(v string) string {
	return levelWord.ReplaceAllStringFunc(v, func(m string) string {
		sm := levelWord.FindStringSubmatch(m)
		if strings.EqualFold(sm[2], "max") {
			return m
		}
		return sm[1] + "{levels}"
	})
}

// hasParam reports whether any part is a placeholder.
func hasParam(parts []model.Part) bool {
	for _, p := range parts {
		if p.IsParam() {
			return true
		}
	}
	return false
}

func validPathStart(s string) bool {
	if len(s) < 2 {
		return s == "/"
	}
	c := rune(s[1])
	return unicode.IsLetter(c) || c == '{' || c == '$' || c == '<' || c == '\''
}

// splitTop splits s at the first sep outside braces, parentheses and quotes.
func splitTop(s string, sep byte) (string, string) {
	parts := splitN(s, sep, 2)
	if len(parts) == 1 {
		return parts[0], ""
	}
	return parts[0], parts[1]
}

func splitAll(s string, sep byte) []string { return splitN(s, sep, -1) }

// splitN splits at sep characters that sit outside {}, <>, () and single-quoted text. A
// quote inside a placeholder ({it's}) is part of its name, not the start of a string.
func splitN(s string, sep byte, n int) []string {
	// An opening { or < that nothing closes is text: counted, it would hide every
	// separator after it ("/A{{}?" has a query).
	var open []int
	var unclosed map[int]bool
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{', '<':
			open = append(open, i)
		case '}', '>':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	for _, i := range open {
		if unclosed == nil {
			unclosed = map[int]bool{}
		}
		unclosed[i] = true
	}
	var out []string
	brace, paren, quote, start := 0, 0, false, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' && brace == 0:
			quote = !quote
		case quote:
		case (c == '{' || c == '<') && !unclosed[i]:
			brace++
		case (c == '}' || c == '>') && brace > 0:
			brace--
		case c == '(' && brace == 0:
			paren++
		case c == ')' && brace == 0 && paren > 0:
			paren--
		case c == sep && brace == 0 && paren == 0:
			if n < 0 || len(out) < n-1 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// scanSegment splits one path segment into literal text and placeholders, reading a
// function call's arguments (name=value, comma separated) and a parenthesised key.
func scanSegment(raw string) model.Segment {
	open := strings.IndexByte(raw, '(')
	if open > 0 && strings.HasSuffix(raw, ")") && !strings.HasPrefix(raw, "{") {
		return scanCall(raw[:open], raw[open+1:len(raw)-1])
	}
	return model.Segment{Parts: scanParts(raw, false)}
}

// scanParts splits text holding {placeholders}, '{quoted}' ones and <angle> ones.
func scanParts(raw string, function bool) []model.Part {
	var parts []model.Part
	lit := func(s string) {
		if s == "" {
			return
		}
		if n := len(parts); n > 0 && !parts[n-1].IsParam() {
			parts[n-1].Literal += s
			return
		}
		parts = append(parts, model.Part{Literal: s})
	}
	for raw != "" {
		i := strings.IndexAny(raw, "{<")
		if i < 0 {
			lit(raw)
			break
		}
		closer := map[byte]byte{'{': '}', '<': '>'}[raw[i]]
		j := strings.IndexByte(raw[i:], closer)
		if j < 0 {
			lit(raw)
			break
		}
		j += i
		before, inner := raw[:i], raw[i+1:j]
		quoted := strings.HasSuffix(before, "'") && j+1 < len(raw) && raw[j+1] == '\''
		if quoted {
			before = before[:len(before)-1]
		}
		lit(before)
		alts := splitAlternatives(inner)
		parts = append(parts, model.Part{Param: alts[0], Alternatives: altsOrNil(alts), Quoted: quoted, Function: function})
		raw = raw[j+1:]
		if quoted {
			raw = raw[1:]
		}
	}
	return parts
}

func altsOrNil(a []string) []string {
	if len(a) < 2 {
		return nil
	}
	return a
}

// splitAlternatives reads "id | userPrincipalName" into its spellings.
func splitAlternatives(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		out = []string{"id"}
	}
	return out
}

// scanCall reads name(args): each name=value argument becomes a function parameter named
// by its key; a lone value is a key placeholder.
func scanCall(name, args string) model.Segment {
	// Literal text is gathered in lit and becomes a part when a placeholder follows (or at
	// the end): adding to the last part's string would copy it every time, quadratic in a
	// call of many arguments.
	var parts []model.Part
	var lit strings.Builder
	lit.WriteString(name + "(")
	add := func(ps ...model.Part) {
		for _, p := range ps {
			if !p.IsParam() {
				lit.WriteString(p.Literal)
				continue
			}
			if lit.Len() > 0 {
				parts = append(parts, model.Part{Literal: lit.String()})
				lit.Reset()
			}
			parts = append(parts, p)
		}
	}
	for i, arg := range splitAll(args, ',') {
		if i > 0 {
			add(model.Part{Literal: ","})
		}
		arg = strings.TrimSpace(arg)
		k, v, isKV := strings.Cut(arg, "=")
		if k = strings.TrimSpace(k); k == "" {
			isKV = false // "=0" names nothing: keep it as text
		}
		if !isKV {
			inner, quoted := unquote(arg)
			if name, ok := placeholderName(inner); ok {
				var alts []string
				if strings.HasPrefix(inner, "{") || strings.HasPrefix(inner, "<") {
					alts = altsOrNil(splitAlternatives(inner[1 : len(inner)-1]))
				}
				add(model.Part{Param: name, Alternatives: alts, Quoted: quoted})
			} else {
				add(scanParts(arg, false)...)
			}
			continue
		}
		add(model.Part{Literal: k + "="})
		v = strings.TrimSpace(v)
		prefix := ""
		if q := strings.IndexByte(v, '\''); q > 0 && q < len(v)-1 && strings.HasSuffix(v, "'") {
			prefix, v = v[:q], v[q:] // microsoft.graph.timeZoneStandard'{x}'
		}
		inner, quoted := unquote(v)
		add(model.Part{Literal: prefix})
		pt := model.Part{Param: k, Quoted: quoted, Function: true}
		if name, ok := placeholderName(inner); ok && name != k {
			pt.Written = name
		}
		add(pt)
	}
	lit.WriteString(")")
	parts = append(parts, model.Part{Literal: lit.String()})
	var out []model.Part
	for _, p := range parts {
		if p.IsParam() || p.Literal != "" {
			out = append(out, p)
		}
	}
	return model.Segment{Parts: out}
}

// unquote strips one pair of single quotes.
func unquote(s string) (string, bool) {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return s[1 : len(s)-1], true
	}
	return s, false
}

var placeholderWord = regexp.MustCompile(`^[A-Za-z][\w.-]*$`)

// placeholderName recognises {name}, <name> and the bare name-value convention.
func placeholderName(s string) (string, bool) {
	if len(s) >= 2 && (s[0] == '{' && s[len(s)-1] == '}' || s[0] == '<' && s[len(s)-1] == '>') {
		return splitAlternatives(s[1 : len(s)-1])[0], true
	}
	l := strings.ToLower(s)
	if placeholderWord.MatchString(s) && (strings.HasSuffix(l, "-value") || strings.HasSuffix(l, "_value")) {
		return s, true
	}
	return "", false
}

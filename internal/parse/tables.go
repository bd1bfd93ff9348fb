package parse

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	east "github.com/yuin/goldmark/extension/ast"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// cell is one table cell: its inline content and position.
type cell struct {
	items []inline
	text  string // plain text, entities decoded, spaces collapsed
	pos   model.Pos
}

// table is a GFM table with its header normalised.
type table struct {
	header []string // lower-cased, markup stripped
	rows   [][]cell
	pos    model.Pos
}

// col finds the first column whose header is one of names.
func (t *table) col(names ...string) int {
	for i, h := range t.header {
		for _, n := range names {
			if h == n {
				return i
			}
		}
	}
	return -1
}

// checkMark reports whether a lower-cased cell is a check mark: ✓, ✔ or x.
func checkMark(v string) bool {
	return v == "x" || strings.HasPrefix(v, "✓") || strings.HasPrefix(v, "✔")
}

// colChecks reports whether some row of column c holds a check mark (✓, ✔, x): in such a
// column a blank cell is an answer ("not required"), where beside Yes and No it may be an
// omission.
func (t *table) colChecks(c int) bool {
	if c < 0 {
		return false
	}
	for _, row := range t.rows {
		if c < len(row) {
			if checkMark(strings.ToLower(strings.TrimSpace(row[c].text))) {
				return true
			}
		}
	}
	return false
}

func (st *state) readTable(n *east.Table) *table {
	t := &table{pos: st.nodePos(n)}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var row []cell
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			items := st.inlines(c)
			var b strings.Builder
			for _, it := range items {
				b.WriteString(it.text)
			}
			txt := collapseSpace(decodeEntities(b.String()))
			// The cell's text, not its start: goldmark places a cell by the row's untrimmed
			// start, which is off by the row's indentation and ignores padding spaces.
			var pos model.Pos
			if l := c.Lines(); l.Len() > 0 {
				pos = st.lines.pos(l.At(0).Start)
			} else {
				pos = st.nodePos(c)
			}
			if !pos.IsValid() {
				pos = st.nodePos(r)
			}
			row = append(row, cell{items: items, text: txt, pos: pos})
		}
		if _, isHeader := r.(*east.TableHeader); isHeader {
			for _, c := range row {
				t.header = append(t.header, normHeading(c.text))
			}
			continue
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// onTable reads a table by the section it sits in.
func (st *state) onTable(n *east.Table) {
	sec := st.current()
	t := st.readTable(n)
	if (sec == secIntro || sec == secNone || sec == secOther || sec == secParams) && len(t.header) > 1 && strings.HasPrefix(t.header[0], "permission type") {
		// A permissions table under no Permissions heading (the intro of connectorGroup:
		// add connector, 2021 beta).
		st.permissions(t)
		return
	}
	if n := len(st.stack); n > 0 && sec != secPermissions && isEnumTable(t) {
		if _, ok := valuesHeading(st.stack[n-1].text); ok {
			// | Member | Description | under "cloudPcOperatingSystem values" on an API
			// page: an enum its parameter types link to (apiPageEnums), not parameters.
			st.resourceTable(t, sec)
			return
		}
	}
	switch sec {
	case secPermissions:
		st.permissions(t)
		return

	case secPathParams:
		st.paramTable(t, model.InPath)
	case secFunctionParams:
		st.paramTable(t, model.InFunction)
	case secQueryParams:
		st.paramTable(t, model.InQuery)
	case secHeaders:
		st.paramTable(t, model.InHeader)
	case secBody:
		st.paramTable(t, model.InBody)
		st.bodyRequired = false
	case secParams:
		if in, ok := st.paramsIn(); ok {
			st.paramTable(t, in)
			return
		}
		st.resourceTable(t, sec)
	case secResponse:
		st.responseTable(t)
	case secDerived:
		// | [organizerMeetingInfo](organizermeetinginfo.md) | Details about ... |
		for _, row := range t.rows {
			if len(row) > 0 {
				st.res.derived = append(st.res.derived, row[0].items...)
			}
		}
	default:
		st.resourceTable(t, sec)
	}
}

var (
	nameHeaders = []string{"parameter", "property", "name", "header", "parameter name", "property name",
		"query parameter", "member", "request header", "header name"}
	descHeaders     = []string{"description", "value", "notes"}
	requiredHeaders = []string{"required?", "required", "required (y/n)", "mandatory"}
	requiredEnd     = regexp.MustCompile(`(?i)\brequired\.?\s*$`)
	notRequiredEnd  = regexp.MustCompile(`(?i)(\bnot|n't)\s+required\.?\s*$`)
	// notIndividually: "The property is not individually required. However, at least one
	// property (displayName or mailNickname) is required." (group validateProperties)
	// "Either directoryScopeId or appScopeId is required." (a role assignment request's two
	// scopes): one of two, so neither row is required on its own.
	notIndividually = regexp.MustCompile(`(?i)\bnot\s+individually\s+required\b|\beither\s+\S+\s+or\s+\S+\s+(is|must\s+be)\s+(required|specified|provided)\b`)
	// requiredSentence is "Required." standing as a sentence of its own anywhere in the
	// cell: "Bearer {token}. Required. Learn more about [authentication and authorization]".
	requiredSentence = regexp.MustCompile(`(?i)(^|[.!;]\s+)required\.(\s|$)`)
	bearer           = regexp.MustCompile(`(?i)^bearer\s*[{<]\s*(token|code|access[ _-]?token)\s*[}>]\.?\s*(\(required\))?$`)
	optionalCue      = regexp.MustCompile(`(?i)(^optional\b|\boptional\.?\s*$)`)
)

// paramTable reads a parameter table: name, type, description and any required cue.
func (st *state) paramTable(t *table, in model.ParamIn) {
	nc, tc := t.col(nameHeaders...), t.col("type")
	nameCol := nc
	dc := t.col(descHeaders...)
	if d := t.col("description"); d >= 0 {
		dc = d // | Name | Value | Description |: the value is an example (If-None-Match's "etag")
	}
	rc := t.col(requiredHeaders...)
	checks := t.colChecks(rc) // a Required column of check marks, where a blank says optional
	if nc < 0 {
		nc = 0
	}
	if vc, d := t.col("value"), t.col("description"); in != model.InHeader && tc < 0 && vc >= 0 && d >= 0 && nameCol >= 0 {
		tc, dc = vc, d // Name | Value | Description: the value column names the type (driveItem copy)
	}
	if in == model.InQuery && tc < 0 && st.odataRows(t, nc) {
		return // | [$filter](...) | Filters results. | Example |: the options it supports
	}
	if in == model.InQuery && tc < 0 && st.proseParamValues(t) {
		return
	}
	// A Function or Query parameters table without a Type column (| Parameter |
	// Description |, a report's period, getAllMessages' model) is read below: a URL holds
	// text, so each is a String.
	untypedFunction := (in == model.InFunction || in == model.InQuery && namesPlainParam(t, nc)) && tc < 0 && nameCol >= 0
	if in != model.InHeader && tc < 0 && !untypedFunction {
		if nameCol >= 0 && len(t.rows) > 0 {
			st.ds.Addf(t.pos, model.Warning, "param-table-unread",
				"%s table with columns %q is not read: it has no Type column", inName(in), strings.Join(t.header, " | "))
		}
		return // not a parameter table (e.g. "Type of group | Assigned membership")
	}
	for _, row := range t.rows {
		if nc >= len(row) {
			continue
		}
		name := paramName(row[nc].text)
		value := ""
		if in == model.InHeader {
			name, value = headerNameValue(row[nc].text, name)
		}
		if name == "" || st.badName("parameter", name, row[nc].pos) {
			continue
		}
		if nameCol < 0 && !startsName(name) {
			// | # | Web Part | Type | (sitepage-create.md's supported web parts): a
			// numbered list under no Parameter column, not parameters named 1 to 14.
			continue
		}
		if untypedFunction && in == model.InQuery && strings.HasPrefix(name, "$") {
			continue // an OData option the untyped table names beside the page's own
		}
		p := model.Param{Name: name, In: in, Pos: row[nc].pos}
		if dc >= 0 && dc < len(row) {
			p.Description = row[dc].text
			st.checkTODO(p.Description, row[dc].pos)
		}
		if value != "" {
			// | Prefer: outlook.timezone | string | The time zone ... |: the value is the
			// row's subject, which the description leaves out.
			p.Description = strings.TrimSpace(name + ": " + value + ". " + p.Description)
		}
		if tc >= 0 && tc < len(row) {
			if row[tc].text == "" && p.Description == "" {
				continue // a group label row: |**Open extensions**| | |
			}
			st.checkTODO(row[tc].text, row[tc].pos)
			if in == model.InHeader {
				// A header is a string on the wire; its Type column often holds the value
				// instead (| Content-Type | application/json |).
				p.Type = parseTypeText(row[tc].text, nil, "")
				if p.Type.Kind != model.KindPrimitive {
					p.Type = model.TypeRef{Kind: model.KindPrimitive, Primitive: model.String, Raw: row[tc].text}
				}
				p.Type.Pos = row[tc].pos
			} else {
				p.Type = st.typeRef(row[tc])
				if in == model.InBody {
					p.Or = st.cellAlternatives(row[tc], p.Type) // "[appHostedMediaConfig] or [serviceHostedMediaConfig]"
				}
			}
		} else {
			p.Type = model.TypeRef{Kind: model.KindPrimitive, Primitive: model.String, Raw: "String", Pos: row[nc].pos}
			if untypedFunction {
				st.ds.Addf(p.Pos, model.Warning, "param-type-assumed",
					"the %s table has no Type column: %s is taken as a String", inName(in), name)
			}
		}
		p.Presence = presence(p.Description)
		if in == model.InBody && st.bodyRequired && p.Presence == model.PresenceUnknown {
			p.Presence = model.Required
		}
		if in == model.InHeader && p.Presence == model.PresenceUnknown && strings.EqualFold(name, "Authorization") && bearer.MatchString(p.Description) {
			// "Bearer {token}", "Bearer <token>", "Bearer {code}": the row names the token
			// every call sends; it says nothing of being optional.
			p.Presence = model.Required
		}
		if rc >= 0 && rc < len(row) {
			// A Required column decides: "Yes", "true", a check mark (✓, ✔, x) says
			// required; "No", "false" or a blank cell beside others' check marks says
			// optional, whatever the description adds ("For decision of AdminApproved,
			// it is required." is a condition, not the rule).
			switch v := strings.ToLower(strings.TrimSpace(row[rc].text)); {
			case strings.HasPrefix(v, "y"), v == "required", v == "true", checkMark(v):
				p.Presence = model.Required
			case strings.HasPrefix(v, "n"), v == "optional", v == "false", v == "" && checks:
				p.Presence = model.Optional
			}
		}
		st.page.Params = append(st.page.Params, p)
	}
}

// presence reads a description's required/optional cue.
func presence(desc string) model.Presence {
	d := strings.TrimSpace(desc)
	if !hasFold(d, "required") && !hasFold(d, "optional") {
		return model.PresenceUnknown
	}
	switch {
	case notRequiredEnd.MatchString(d), notIndividually.MatchString(d):
		return model.Optional
	case strings.HasPrefix(strings.ToLower(d), "required"), requiredEnd.MatchString(d), requiredSentence.MatchString(d):
		return model.Required
	case optionalCue.MatchString(d):
		return model.Optional
	}
	return model.PresenceUnknown
}

var deprecatedSuffix = regexp.MustCompile(`(?i)\s*\(deprecated\)\s*$`)

// paramName cleans a name cell: markup is already gone; drop "(deprecated)" and stray text.
// headerNameValue splits a header row's name cell that also gives the value it is about
// ("Prefer: outlook.body-content-type") into the header's name and that value; a cell
// without one gives name, as paramName read it, and "".
func headerNameValue(cell, name string) (string, string) {
	h, v, ok := strings.Cut(strings.Trim(strings.TrimSpace(cell), "`*"), ":")
	h, v = strings.TrimSpace(h), strings.Trim(strings.TrimSpace(v), "`* ")
	if !ok || v == "" || h == "" || strings.ContainsAny(h, " \t") {
		return name, ""
	}
	return h, v
}

func paramName(s string) string {
	if hasFold(s, "deprecated") {
		s = deprecatedSuffix.ReplaceAllString(s, "")
	}
	s = strings.Trim(strings.TrimSpace(s), "`*")
	if f := strings.Fields(s); len(f) > 0 {
		s = f[0]
	}
	return s
}

// badName reports a name that holds a byte that is not UTF-8 text (or a control
// character): the row it names is skipped, so that it never reaches generated code.
func (st *state) badName(what, name string, pos model.Pos) bool {
	if !badRune(name) {
		return false
	}
	st.ds.Addf(pos, model.Warning, "name-invalid-utf8",
		"%s name %s holds a byte that is not UTF-8 text (read as U+FFFD) or a control character; the row is skipped", what, strconv.Quote(clip(name, 60)))
	return true
}

// typeRef interprets a Type cell: a primitive, a link to a resource page, a collection of
// either, or a bare type name. What it cannot interpret is KindUnknown plus a warning.
func (st *state) typeRef(c cell) model.TypeRef {
	ref := parseTypeText(c.text, c.items, st.page.Namespace)
	ref.Pos = c.pos
	if ref.Link != "" {
		ref.Link = st.resolveLink(ref.Link)
	}
	if ref.Kind == model.KindUnknown {
		st.ds.Addf(c.pos, model.Warning, "unknown-type", "type %q is not understood; it is treated as untyped JSON", clip(c.text, 80))
	}
	return ref
}

var (
	collectionOf   = regexp.MustCompile(`(?i)^collection\s*\((.*)\)$`)
	collectionWord = regexp.MustCompile(`(?i)\s+collection$`)
	typeNoise      = regexp.MustCompile(`(?i)\s*\((optional|required)\)\s*|\s+enum$|^enum\s+`)
	typeName       = regexp.MustCompile(`^[A-Za-z_][\w.]*$`)
)

// parseTypeText is typeRef's pure part: text is the cell's plain text, items its inline
// content (links carry their destination).
func parseTypeText(text string, items []inline, ns string) model.TypeRef {
	ref := model.TypeRef{Raw: text}
	s := strings.TrimSpace(strings.Trim(text, "`"))
	if hasFold(s, "optional") || hasFold(s, "required") || hasFold(s, "enum") {
		s = typeNoise.ReplaceAllString(s, "")
	}
	if !hasFold(s, "collection") {
		// neither Collection(x) nor "x collection"
	} else if m := collectionOf.FindStringSubmatch(s); m != nil {
		ref.Collection, s = true, strings.TrimSpace(m[1])
	} else if m := collectionWord.FindStringIndex(s); m != nil {
		ref.Collection, s = true, strings.TrimSpace(s[:m[0]])
	}
	s = strings.Trim(strings.TrimSpace(s), "`*[]")
	for _, it := range items {
		if it.link {
			name := strings.Trim(strings.TrimSpace(it.text), "`*[]")
			if p, ok := model.LookupPrimitive(name); ok {
				ref.Kind, ref.Primitive = model.KindPrimitive, p
				return ref
			}
			ref.Kind, ref.Link = model.KindNamed, it.dest
			ref.Namespace, ref.Name = splitQualified(name, ns)
			if ref.Name == "" {
				ref.Kind = model.KindUnknown
			}
			if badRune(name) {
				ref.Kind, ref.Namespace, ref.Name = model.KindUnknown, "", ""
			}
			return ref
		}
	}
	if p, ok := model.LookupPrimitive(s); ok {
		ref.Kind, ref.Primitive = model.KindPrimitive, p
		return ref
	}
	if head, qual, ok := strings.Cut(s, "("); ok && strings.HasSuffix(qual, ")") {
		// "string (timestamp)", "Int32 (minutes)": a primitive and a note on its values.
		if p, ok := model.LookupPrimitive(strings.TrimSpace(head)); ok {
			ref.Kind, ref.Primitive = model.KindPrimitive, p
			return ref
		}
	}
	if typeName.MatchString(s) {
		ref.Kind = model.KindNamed
		ref.Namespace, ref.Name = splitQualified(s, ns)
		return ref
	}
	ref.Kind = model.KindUnknown
	return ref
}

// splitQualified splits microsoft.graph.ediscovery.tag into namespace and name.
func splitQualified(s, ns string) (string, string) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[:i], s[i+1:]
	}
	if ns == "" {
		ns = "microsoft.graph"
	}
	return ns, s
}

// resolveLink turns a link destination relative to the page into a path relative to the
// input root, without its #anchor. Links that leave the tree are returned as written.
func (st *state) resolveLink(dest string) string {
	dest, _, _ = strings.Cut(dest, "#")
	// "../resources/\authenticationcontextclassreference.md": a browser reads a
	// backslash in a link as a slash, and so do we.
	dest = strings.ReplaceAll(dest, "\\", "/")
	if dest == "" || strings.Contains(dest, "://") || strings.HasPrefix(dest, "/") {
		return dest
	}
	return path.Clean(path.Join(path.Dir(st.file), dest))
}

// namesPlainParam reports whether a table's name column names a parameter that is not an
// OData system option ($filter): an untyped query table of OData options only is prose.
func namesPlainParam(t *table, nc int) bool {
	for _, row := range t.rows {
		if nc >= 0 && nc < len(row) {
			if name := paramName(row[nc].text); name != "" && !strings.HasPrefix(name, "$") {
				return true
			}
		}
	}
	return false
}

// inName names a parameter table by where its parameters go.
func inName(in model.ParamIn) string {
	switch in {
	case model.InPath:
		return "path parameter"
	case model.InQuery:
		return "query parameter"
	case model.InFunction:
		return "function parameter"
	case model.InBody:
		return "request body"
	}
	return "parameter"
}

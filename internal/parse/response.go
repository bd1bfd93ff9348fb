package parse

import (
	"cmp"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

var (
	statusTick = regexp.MustCompile("`\\s*([1-5]\\d\\d)\\b[^`]*`")
	// monitorHeader finds the header a 202 Accepted answer names its monitor in: "an
	// `Operation-Location` header", "a URL in the `Location` header", "Location header that
	// contains a link". Content-Location, which names what is being made, is not one.
	monitorHeader = regexp.MustCompile("(?:^|[^-\\w])(Operation-Location|Location)`?\\*{0,2} (?:header\\b|(?:parameter|value|URL) (?:from|in|of) the response header)")
	statusBare    = regexp.MustCompile(`\b([1-5]\d\d),? (OK|Ok|Created|Accepted|No ?[Cc]ontent|NoContent|Found|Partial Content|Multi-Status)\b`)
	// linkToken marks the i-th link in the flattened prose; noNUL keeps the prose's own
	// NUL bytes (CommonMark reads them as U+FFFD) from forging one.
	linkToken  = regexp.MustCompile(`\x00(\d+)\x00`)
	noNUL      = strings.NewReplacer("\x00", "\uFFFD")
	collBefore = regexp.MustCompile(`(?i)\b(collection|array|list|set) of\s+(the\s+)?(new\s+|updated\s+|requested\s+|matching\s+)?(\w+\s+)?((derivatives|instances|subtypes) of\s+(the\s+)?)?$`)
	// collAfter is what says a collection after the type's link: "[reminder] collection",
	// or a plural noun ("composed of [driveItem] resources", "[user] objects").
	collAfter = regexp.MustCompile(`(?i)^\s*(?:(objects?\s+|resources?\s+|entities\s+)?collection\b|(objects|resources|entities|items)\b)`)
	// onRequest is where the prose says a body comes back only on request ("If the
	// request specifies Prefer header with return=representation", "If the optional
	// request header is used").
	onRequest = regexp.MustCompile(`(?i)return=representation|optional request header is used`)
	primResp  = regexp.MustCompile(`(?i)\b(an?\s+)?(?:` + "`" + `)?(String|Boolean|Int32|Int64|Double|Stream|Binary|Guid|DateTimeOffset|Integer)(?:` + "`" + `)?(\s+collection)?(\s+(value|object|type))?(\s+` + "`[^`]*`" + `)?\s+in the response body`)
)

// readResponse interprets the prose of the Response section: the status code and the
// returned type ("... and a [vppToken](...) object in the response body").
func (st *state) readResponse() {
	st.respDone = true
	prose, links := flatProse(st.respProse)
	resp := &st.page.Response
	if !resp.Pos.IsValid() {
		resp.Pos = st.respPos
	}
	plain := linkToken.ReplaceAllStringFunc(prose, func(m string) string {
		i, _ := strconv.Atoi(linkToken.FindStringSubmatch(m)[1])
		return links[i].text
	})
	if strings.Contains(prose, "`") {
		resp.Status = successStatus(statusTick.FindAllStringSubmatch(prose, -1))
	}
	if resp.Status == 0 {
		resp.Status = successStatus(statusBare.FindAllStringSubmatch(plain, -1))
	}
	resp.StatusText = statusText(resp.Status)
	if m := monitorHeader.FindStringSubmatch(plain); m != nil && resp.Status == 202 {
		resp.Monitor = m[1]
	}
	if resp.Status == 202 && resp.Monitor == "" {
		// The Response section's headers table has a Location row
		// (user-exportpersonaldata.md), or the summary says where the status is
		// (security-ediscoveryreviewset-addtoreviewset.md: "retrieving the Location
		// parameter from the response headers").
		if m := monitorHeader.FindStringSubmatch(strings.Join(st.summary, "\n")); m != nil {
			resp.Monitor = m[1]
		}
		resp.Monitor = cmp.Or(resp.Monitor, st.respHeaderRow)
	}
	if resp.Status == 204 || anyFold(plain, noBodyPhrases...) {
		// "If the request specifies Prefer header with return=representation preference,
		// then this method returns a 200 OK response code and updated [plannerTask] object
		// in the response body": a body that comes back only when the request asks for it.
		if loc := onRequest.FindStringIndex(prose); loc != nil && hasFold(prose[loc[0]:], "response body") {
			if ref, or, ok := st.linkedType(prose[loc[0]:], links); ok {
				resp.Type, resp.Or, resp.OnRequest = ref, or, true
				return
			}
		}
		// "returns a `204 Accepted` response code and an [accessReview] object in the
		// response body": a 204 has no body, yet the prose names one. The method returns
		// it when it comes and nothing otherwise.
		if resp.Status == 204 && !anyFold(plain, noBodyPhrases...) && hasFold(plain, "in the response body") {
			if ref, or, ok := st.linkedType(prose, links); ok && !ref.Collection {
				resp.Type, resp.Or, resp.Optional = ref, or, true
				st.ds.Addf(resp.Pos, model.Warning, "response-body-contradiction",
					"the Response section says 204 No Content and names %s in the response body: the method returns it when a body comes, nil otherwise", ref)
			}
		}
		return
	}
	if hasFold(plain, "in the response body") && (strings.Contains(prose, "`true` value") || strings.Contains(prose, "`false` value")) && !strings.Contains(prose, "\x00") {
		// "If the group is added to the policy, a `true` value is returned in the
		// response body": a Boolean, as Graph wraps one ({"value": true}).
		resp.Type = model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Boolean, Raw: "Boolean", Pos: resp.Pos}
		return
	}
	if !hasFold(plain, "in the response body") || !anyFold(plain, primitiveNames...) {
		// no "returns a String in the response body"
	} else if m := primResp.FindStringSubmatch(plain); m != nil && !strings.Contains(prose, "\x00") {
		p, _ := model.LookupPrimitive(m[2])
		resp.Type = model.TypeRef{Kind: model.KindPrimitive, Primitive: p, Collection: m[3] != "", Raw: strings.TrimSpace(m[0]), Pos: resp.Pos}
		return
	}
	if ref, or, ok := st.linkedType(prose, links); ok {
		resp.Type, resp.Or = ref, or
		if !ref.Collection && resp.Status != 204 && namesNoContent(prose, plain) {
			// An upsert: "201 Created and the application" when it creates, "204 No
			// Content" when it updates. Both are the method's answers.
			resp.Optional = true
			st.ds.Addf(resp.Pos, model.Warning, "response-body-contradiction",
				"the Response section names %s with %d, and 204 No Content for another outcome: the method returns it when a body comes, nil otherwise", ref, resp.Status)
		}
		return
	}
	if resp.Status == 202 {
		return
	}
	if resp.Status == 0 && strings.TrimSpace(plain) == "" {
		return
	}
	if resp.Status != 302 && redirectProse.MatchString(plain) && (resp.Status == 0 || resp.Status == 200) {
		// "this function will redirect to the Microsoft Azure blob storage link with the
		// SAS token and return a 200 response code" (subjectrightsrequest-getfinalattachment):
		// the answer is the content the redirect leads to.
		resp.Type = model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Stream, Raw: clip(strings.TrimSpace(plain), 100), Pos: resp.Pos}
		return
	}
	returned := "a response body is returned as raw JSON, nothing where every example answers without one"
	if resp.Status == 302 {
		// A report's 302 Found: the method follows it and returns the content.
		returned = "it answers 302 Found, and the method returns the content the redirect leads to"
	}
	st.ds.Addf(resp.Pos, model.Warning, "response-type-unknown",
		"the Response section names no type; %s: %q", returned, clip(strings.TrimSpace(plain), 100))
	resp.Type = model.TypeRef{Kind: model.KindUnknown, Raw: clip(strings.TrimSpace(plain), 100), Pos: resp.Pos}
}

// readJSONResponse reads the prose of an open "### JSON" part of the Response section
// ("returns a 200 OK response code and a [teamsDeviceUsageUserCounts] object in the
// response body"): the type the answer holds when the request asks for JSON.
func (st *state) readJSONResponse() {
	if st.jsonLevel == 0 {
		return
	}
	prose, links := flatProse(st.jsonProse)
	st.jsonLevel, st.jsonProse = 0, nil
	if !hasFold(prose, "response body") {
		return
	}
	if ref, _, ok := st.linkedType(prose, links); ok && ref.Kind == model.KindNamed {
		st.page.Response.JSON = ref
	}
}

// flatProse is a run of inlines as one string, each link (or bold type name) written as
// linkToken for linkedType, with the links in order.
func flatProse(items []inline) (string, []inline) {
	var b strings.Builder
	var links []inline
	for _, it := range items {
		switch {
		case it.link:
			b.WriteString("\x00" + strconv.Itoa(len(links)) + "\x00")
			links = append(links, it)
		case it.bold && !it.code && typeName.MatchString(strings.TrimSpace(it.text)) && strings.TrimSpace(it.text) != "":
			b.WriteString("\x00" + strconv.Itoa(len(links)) + "\x00")
			links = append(links, inline{text: strings.TrimSpace(it.text), link: true, pos: it.pos})
		case it.code:
			b.WriteString("`" + noNUL.Replace(it.text) + "`")
		default:
			b.WriteString(noNUL.Replace(it.text))
		}
	}
	return decodeEntities(b.String()), links
}

// linkedType is the type of the first link in prose (the Response section's text, links
// written as linkToken) that reads as one, with the alternatives that follow it ("a new
// [ipNamedLocation] or [countryNamedLocation] object") and whether the text says a
// collection.
//
// A real link to a type page comes before a bold word ("based on meeting ID,
// **videoTeleconferenceId** or **joinWebUrl**, ... returns an [onlineMeeting] object"):
// bold words read as types only where the prose links none.
func (st *state) linkedType(prose string, links []inline) (model.TypeRef, []model.TypeRef, bool) {
	if ref, or, ok := st.linkedTypeOf(prose, links, true); ok {
		return ref, or, true
	}
	return st.linkedTypeOf(prose, links, false)
}

// redirectProse is a Response section that says the call redirects to the content:
// "will redirect to the Microsoft Azure blob storage link".
var redirectProse = regexp.MustCompile(`(?i)\bredirects? (?:you )?to (?:the |a |an )?[^.]*\b(?:link|url|download|location)\b`)

// headerAfter matches the text after a name that makes it a header's: " header".
var headerAfter = regexp.MustCompile(`^\s+headers?\b`)

// linkedTypeOf is linkedType over real links (linked) or bold words only.
func (st *state) linkedTypeOf(prose string, links []inline, linked bool) (model.TypeRef, []model.TypeRef, bool) {
	for _, loc := range linkToken.FindAllStringSubmatchIndex(prose, -1) {
		i, _ := strconv.Atoi(prose[loc[2]:loc[3]])
		l := links[i]
		if (l.dest != "") != linked {
			continue
		}
		if l.dest != "" && (!isTypeLink(l.dest) || st.linksToAPIPage(l.dest)) {
			continue
		}
		if headerAfter.MatchString(prose[loc[1]:]) {
			continue // "a **Location** header with a URL": a header's name, not a type
		}
		ref := parseTypeText(l.text, []inline{l}, st.page.Namespace)
		if ref.Kind != model.KindNamed && ref.Kind != model.KindPrimitive || ref.Kind == model.KindNamed && !typeName.MatchString(ref.Name) {
			continue
		}
		ref.Raw = l.text
		ref.Pos = l.pos
		if !ref.Pos.IsValid() {
			ref.Pos = st.page.Response.Pos
		}
		if ref.Link != "" {
			ref.Link = st.resolveLink(ref.Link)
		}
		before, after := prose[:loc[0]], prose[loc[1]:]
		// "a new [ipNamedLocation] or [countryNamedLocation] object": the alternatives.
		var or []model.TypeRef
		for {
			m := orLinkToken.FindStringSubmatchIndex(after)
			if m == nil {
				break
			}
			j, _ := strconv.Atoi(after[m[2]:m[3]])
			alt, ok := st.typeLinkRef(links[j])
			if !ok {
				break
			}
			after = after[m[1]:]
			or = append(or, alt)
		}
		ref.Collection = collBefore.MatchString(before) || collAfter.MatchString(after)
		for i := range or {
			or[i].Collection = ref.Collection
		}
		return ref, or, true
	}
	return model.TypeRef{}, nil, false
}

// linksToAPIPage reports whether a link from this page goes to an API page (../api/x.md,
// or a same-folder link from a page in api/), which documents an operation, not a type.
func (st *state) linksToAPIPage(dest string) bool {
	d, _, _ := strings.Cut(dest, "#")
	target := st.resolveLink(d)
	return path.Base(path.Dir(target)) == "api"
}

// namesNoContent reports whether a Response section names 204 among its answers.
func namesNoContent(prose, plain string) bool {
	for _, m := range append(statusTick.FindAllStringSubmatch(prose, -1), statusBare.FindAllStringSubmatch(plain, -1)...) {
		if m[1] == "204" {
			return true
		}
	}
	return false
}

// isTypeLink reports whether a link points at a page that could document a type (not the
// OData query parameters page, not an anchor on the same page).
func isTypeLink(dest string) bool {
	d := strings.ToLower(dest)
	if strings.HasPrefix(d, "http") || strings.HasPrefix(d, "/graph/") || strings.HasPrefix(d, "#") {
		return false
	}
	return strings.Contains(d, ".md")
}

var (
	noBodyRequest = regexp.MustCompile(`(?i)(do not|don't)( need to)? (supply|specify|provide|include|send|submit) (a|any) request body|no request (body|content)|request body is not required|(doesn't|does not) require (a|any) request body|request body is(n't| not) (necessary|needed)|request body (should|must) be empty|(does not|doesn't) have a request body|has no request body`)
	bodyCue       = regexp.MustCompile(`(?i)\b(supply|provide|specify|include|send|pass|json)\b`)
	// optionalBody is a no-body sentence taken back: "However, you can specify properties
	// in the request body".
	optionalBody = regexp.MustCompile(`(?i)\bhowever,? you can (specify|provide|include|supply|send)\b`)
	// emptyObjectBody is prose asking for an empty JSON object as the body.
	emptyObjectBody = regexp.MustCompile(`(?i)\b(supply|provide|send|pass|specify|use|include)\b[^.]*\ban empty (json )?object\b`)
	// binaryBody is prose saying the body is raw content: "include the binary data of the
	// photo", "the binary stream of the file to be uploaded".
	binaryBody = regexp.MustCompile(`(?i)\bbinary (data|stream|content|contents|bytes)\b|\braw (bytes|content|data)\b`)
)

// onBodyProse reads the Request body sentences: "Do not supply a request body", the
// first link to a type ("supply a JSON representation of the [vppToken](...) object",
// "provide a [call](...) object").
// allRequiredCue is prose that makes every row of the table after it required.
var allRequiredCue = regexp.MustCompile(`(?i)\brequires the following (parameters|properties)\b|\bthe following (parameters|properties) are required\b`)

func (st *state) onBodyProse(p *ast.Paragraph, txt string) {
	body := &st.page.Body
	st.bodyRequired = allRequiredCue.MatchString(txt)
	st.bodyOptional = st.bodyOptional || hasFold(txt, "optional")
	if emptyObjectBody.MatchString(txt) && hasFold(txt, "request body") && !hasFold(txt, "property") {
		// "In the request body, supply an empty JSON object `{}` for this method."
		body.None, body.Empty = true, true
		return
	}
	if (hasFold(txt, "request body") || hasFold(txt, "request content")) && noBodyRequest.MatchString(txt) {
		// "No request body is required. However, you can specify properties in the
		// request body ..." (createUploadSession): a body is optional, not absent; the
		// examples say what it holds.
		if !optionalBody.MatchString(txt) {
			body.None = true
		}
		return
	}
	if body.Type.Kind != model.KindNone {
		return
	}
	if !anyFold(txt, "supply", "provide", "specify", "include", "send", "pass", "json") || !bodyCue.MatchString(txt) {
		st.onBinaryBody(p, txt)
		return
	}
	items := st.inlines(p)
	for i, it := range items {
		if !it.link || !isTypeLink(it.dest) || st.linksToAPIPage(it.dest) {
			continue
		}
		ref := parseTypeText(it.text, []inline{it}, st.page.Namespace)
		if ref.Kind == model.KindNamed && typeName.MatchString(ref.Name) {
			ref.Pos = it.pos
			ref.Link = st.resolveLink(ref.Link)
			// "supply an array of [patchContentCommand] objects": the body is a JSON array.
			if i > 0 && !items[i-1].link {
				before := strings.ToLower(strings.TrimSpace(items[i-1].text))
				ref.Collection = ref.Collection || strings.HasSuffix(before, "array of") || strings.HasSuffix(before, "collection of")
			}
			body.Type = ref
			// "a JSON representation of an [ipNamedLocation] or [countryNamedLocation]
			// object": the alternatives.
			body.Or = st.orAlternatives(items, i)
			return
		}
	}
	st.onBinaryBody(p, txt)
}

// orAlternatives reads the types that follow the link at items[i], each separated from
// the one before only by orWords ("[appHostedMediaConfig] or [serviceHostedMediaConfig]",
// "an [ipNamedLocation] or a [countryNamedLocation]").
func (st *state) orAlternatives(items []inline, i int) []model.TypeRef {
	var out []model.TypeRef
	glue := ""
	for _, it := range items[i+1:] {
		if !it.link {
			glue += it.text
			continue
		}
		alt, ok := st.typeLinkRef(it)
		if !orWords.MatchString(glue) || !ok {
			break
		}
		out = append(out, alt)
		glue = ""
	}
	return out
}

// orWords is the text between two alternative types: "or", ", ", "or a", ", or an".
var orWords = regexp.MustCompile(`^\s*(,\s*|,?\s*or\s+)(an?\s+|the\s+)?$`)

// orLinkToken is the same words followed by a link token of readResponse's prose.
var orLinkToken = regexp.MustCompile(`^\s*(?:,\s*|,?\s*or\s+)(?:an?\s+|the\s+)?\x00(\d+)\x00`)

// typeLinkRef reads an inline as a link to a named type, as onBodyProse and readResponse
// read the first one.
func (st *state) typeLinkRef(it inline) (model.TypeRef, bool) {
	if !it.link || it.dest != "" && (!isTypeLink(it.dest) || st.linksToAPIPage(it.dest)) {
		return model.TypeRef{}, false
	}
	ref := parseTypeText(it.text, []inline{it}, st.page.Namespace)
	if ref.Kind != model.KindNamed || !typeName.MatchString(ref.Name) {
		return model.TypeRef{}, false
	}
	ref.Raw, ref.Pos = it.text, it.pos
	if ref.Link != "" {
		ref.Link = st.resolveLink(ref.Link)
	}
	return ref, true
}

// onBinaryBody reads prose saying the body is raw content ("include the binary data of the
// photo"): an Edm.Stream body, which the client sends as an io.Reader.
func (st *state) onBinaryBody(p *ast.Paragraph, txt string) {
	if binaryBody.MatchString(txt) {
		st.page.Body.Type = model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Stream, Pos: st.nodePos(p)}
	}
}

// noBodyPhrases are the ways the Response prose says there is no body (a
// case-insensitive regexp of them was the parser's slowest step).
var noBodyPhrases = []string{"does not return anything", "doesn't return anything", "no response body",
	"not return a response body", "empty response body", "returns nothing", "without a response body",
	"no content in the response body"}

// primitiveNames are the names primResp looks for: without one, it cannot match.
var primitiveNames = []string{"string", "boolean", "int32", "int64", "double", "stream", "binary", "guid", "datetimeoffset", "integer"}

// responseTable reads a table of the Response section. "The response will be a JSON
// object containing the following properties:" and a Name | Type | Description table: the
// answer's members, where no type is named (the model matches them to a type). The page's
// kind is settled at its end, so a resource page's own tables are read as ever too.
func (st *state) responseTable(t *table) {
	for _, row := range t.rows {
		if len(row) > 0 {
			if name := strings.Trim(row[0].text, "`* "); strings.EqualFold(name, "Location") || strings.EqualFold(name, "Operation-Location") {
				st.respHeaderRow = name // | Location | URL to check on the status of the request. |
			}
		}
	}
	if nc, tc := t.col(nameHeaders...), t.col("type"); nc >= 0 && tc >= 0 && len(st.page.Response.Properties) == 0 {
		r := &st.page.Response
		for _, row := range t.rows {
			if nc < len(row) && row[nc].text != "" {
				r.Properties = append(r.Properties, row[nc].text)
			}
		}
		r.PropertiesPos = t.pos
	}
	st.resourceTable(t, secResponse)
}

// bodyFromSample reads the body's parameters from the JSON sample of a Request body
// section that gives no table and names no type: team-archive.md says the body may
// include shouldSetSpoSiteReadOnlyForMembers and shows {"shouldSetSpoSiteReadOnlyForMembers":
// true}. Each top-level member is a parameter typed from its value, optional where the
// prose says so.
func (st *state) bodyFromSample() {
	pg := st.page
	if st.bodySample == nil || pg.Body.None || !pg.Body.Type.IsNone() && pg.Body.Type.Kind != model.KindUnknown ||
		slices.ContainsFunc(pg.Params, func(p model.Param) bool { return p.In == model.InBody }) {
		return
	}
	lines, pos := st.fenceLines(st.bodySample)
	text := strings.TrimSpace(strings.Join(lines, "\n"))
	if !strings.HasPrefix(text, "{") {
		return
	}
	keys, err := jsonKeys(text)
	if err != nil || len(keys) == 0 {
		return
	}
	presence := model.PresenceUnknown
	if st.bodyOptional {
		presence = model.Optional
	}
	var names []string
	for _, kv := range keys {
		if strings.HasPrefix(kv.key, "@") || !propertyKey.MatchString(kv.key) {
			return // an annotation or a chosen key: not a parameter list
		}
		t := placeholderType(kv.val, pg.Namespace)
		if t.Kind == model.KindUnknown {
			return
		}
		t.Pos = pos[0]
		pg.Params = append(pg.Params, model.Param{Name: kv.key, In: model.InBody, Type: t, Presence: presence, Pos: pos[0],
			Description: "Shown in the JSON sample of the page's Request body section, which lists no parameters; typed from its value."})
		names = append(names, kv.key)
	}
	st.ds.Addf(pos[0], model.Warning, "body-from-sample",
		"the Request body section gives no table and names no type; the members of its JSON sample (%s) are read as the body's parameters, typed from their values", strings.Join(names, ", "))
}

package emit

import (
	"slices"
	"strings"
	"unicode"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// group is the output file a path's method goes to: its first segment, with /me filed
// with /users.
func group(p model.Path) string {
	if len(p.Segments) == 0 {
		return "root"
	}
	lit, ok := p.Segments[0].Literal()
	if !ok && p.Target != nil && slices.Contains(p.Target.KeyPredicates, 0) {
		// /applications(appId='{appId}') is filed with /applications
		lit, _, _ = strings.Cut(p.Segments[0].Parts[0].Literal, "(")
		ok = true
	}
	if !ok {
		return "root"
	}
	g := strings.ToLower(model.Unqualified(strings.TrimPrefix(lit, "$")))
	if g == "me" {
		return "users"
	}
	var b strings.Builder
	for _, r := range g {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "root"
	}
	return b.String()
}

// methodName derives a method's name from its HTTP method and path (see the README):
//
//	GET    /deviceAppManagement/vppTokens              ListDeviceAppManagementVppTokens (collection response)
//	GET    /deviceAppManagement/vppTokens/{id}         GetDeviceAppManagementVppToken
//	POST   /deviceAppManagement/vppTokens              CreateDeviceAppManagementVppToken (201, or a "Create" title)
//	PATCH  /deviceAppManagement/vppTokens/{id}         UpdateDeviceAppManagementVppToken
//	DELETE /deviceAppManagement/vppTokens/{id}         DeleteDeviceAppManagementVppToken
//	POST   /deviceAppManagement/vppTokens/{id}/revokeLicenses   RevokeLicensesDeviceAppManagementVppToken (an action)
//	GET    /reports/getOffice365ActiveUserDetail(...)  GetOffice365ActiveUserDetailReports (a function)
//
// A segment followed by a key is singular (vppTokens/{id} -> VppToken); casts read
// As<Type>; $ref, $value and $count read Ref, Value and Count.
func methodName(op *model.Operation, p model.Path, result model.TypeRef, spell spellings) string {
	var words []string
	segs := p.Segments
	lastIsCall := false
	for i, s := range segs {
		if len(s.Parts) > 0 && s.Parts[0].PathValued {
			// root:/{item-path}: addresses an item by its path: MeDriveItemByPath, apart
			// from the root folder itself (MeDriveRoot); sites/{hostname}:/{path} is
			// SiteByPath.
			words = append(words, "ByPath")
			continue
		}
		if s.IsParam() {
			continue
		}
		keyed := i+1 < len(segs) && (segs[i+1].IsParam() || keyedByPath(segs[i+1]))
		lit, ok := s.Literal()
		if p.Target != nil && slices.Contains(p.Target.KeyPredicates, i) {
			// A member by an alternate key: applications(appId='{appId}') is
			// ApplicationByAppID, as applications/{id} is Application.
			words = append(words, keyPredicateWord(s, spell))
			lastIsCall = false
			continue
		}
		if !ok {
			// A function call or a key in parentheses: the text before "(" names it.
			head := s.Parts[0].Literal
			if s.Parts[0].IsParam() {
				continue
			}
			head, _, _ = strings.Cut(head, "(")
			head = strings.TrimSuffix(strings.TrimSuffix(head, "'"), ":")
			if isCast(head) {
				// microsoft.graph.identityGovernance.summary(...) is summary
				head = model.Unqualified(head)
			}
			words = append(words, exported(head))
			lastIsCall = i == len(segs)-1 && strings.Contains(s.Parts[0].Literal, "(")
			continue
		}
		lastIsCall = false
		switch {
		case lit == "$":
			// OData's key-as-segment escape (/tables/$/add) names nothing.
		case strings.HasPrefix(lit, "$"):
			words = append(words, exported(lit[1:]))
		case isCast(lit):
			words = append(words, "As"+exported(model.Unqualified(lit)))
		case strings.EqualFold(lit, "root:") && i+1 < len(segs) && len(segs[i+1].Parts) > 0 && segs[i+1].Parts[0].PathValued:
			words = append(words, "Item")
		default:
			w := spell.of(strings.TrimSuffix(lit, ":"))
			if keyed {
				w = spell.singular(w)
			}
			words = append(words, exported(w))
		}
	}
	name := strings.Join(words, "")
	if name == "" {
		name = "Root"
	}
	tg := p.Target
	if tg == nil {
		tg = &model.Target{}
	}
	callable := op.Method == "GET" || op.Method == "POST" // a PATCH, PUT or DELETE writes a value, which calls nothing
	if tg.Kind == model.TargetOperation && len(words) > 0 && callable {
		// A bound action or function reads verb first: POST /me/messages/{id}/move is
		// MoveMeMessage, GET /users/delta() DeltaUsers. A function named by a noun is
		// got: GET .../tables/{id}/range is GetMeDriveItemWorkbookTableRange, not
		// RangeMeDriveItemWorkbookTable.
		if op.Method == "GET" && !startsWithVerb(tg.Name) {
			return "Get" + name
		}
		return exported(tg.Name) + strings.Join(words[:len(words)-1], "")
	}
	if len(segs) > 0 && isCall(segs[len(segs)-1]) && len(words) > 1 && callable {
		// A function called last on a path the walk could not follow reads verb first
		// too: GET /drives/{id}/root/search(q='{q}') is SearchDriveRoot.
		if op.Method == "GET" && !startsWithVerb(words[len(words)-1]) {
			return "Get" + name
		}
		return words[len(words)-1] + strings.Join(words[:len(words)-1], "")
	}
	lastRef := false
	if len(segs) > 0 {
		lit, _ := segs[len(segs)-1].Literal()
		lastRef = lit == "$ref"
	}
	// The path alone says a reference is added, where the walk stopped before it too.
	if (tg.Kind == model.TargetRef || lastRef) && op.Method == "POST" && len(segs) >= 2 {
		// POST /groups/{id}/members/$ref adds a member by reference: AddGroupMemberRef.
		if lit, ok := segs[len(segs)-2].Literal(); ok && len(words) >= 2 && !isCast(lit) {
			words[len(words)-2] = exported(spell.singular(strings.TrimSuffix(lit, ":")))
		}
		return "Add" + strings.Join(words, "")
	}
	var last []model.Segment
	if len(segs) > 0 {
		last = segs[len(segs)-1:]
	}
	lastLit := len(last) == 1 && !last[0].IsParam()
	switch op.Method {
	case "GET":
		if lastIsCall {
			return name
		}
		if result.Collection && lastLit {
			return "List" + name
		}
		return "Get" + name
	case "POST":
		if tg.Kind == model.TargetCollection && lastLit || tg.Kind == model.TargetUnknown && op.LooksCreate() && lastLit && !lastIsCall {
			return "Create" + singularLast(name, last, spell)
		}
		if tg.Kind == model.TargetEntity && op.LooksCreate() && lastLit && !lastIsCall {
			// POST /external/connections/{id}/schema creates the one value a
			// navigation holds: CreateExternalConnectionSchema.
			return "Create" + name
		}
		if tg.Kind == model.TargetUnknown && lastLit && !lastIsCall && len(words) > 1 && singularLit(last[0]) {
			// An action on a path the walk could not follow reads verb first, as one it
			// could: POST /users/{id}/followedSites/add is AddUserFollowedSites. A plural
			// last (POST /me/events on a page that is no create) names a collection.
			return words[len(words)-1] + strings.Join(words[:len(words)-1], "")
		}
		return name
	case "PATCH":
		return "Update" + name
	case "PUT":
		return "Put" + name
	case "DELETE":
		return "Delete" + name
	}
	return exported(strings.ToLower(op.Method)) + name
}

// settleMethodNames makes method names unique. Within a group of methods that share a
// name, in canonical order, each strategy applies to the members still sharing it:
//
//  1. overloads that differ in their function arguments get By<Args>
//     (GetOffice365ActiveUserDetailReportsByPeriod, ...ByDate);
//  2. a member with key parameters no other member has gets By<Key>
//     (/me/calendars/{calendarId} beside /me/calendar: GetMeCalendarByCalendarID);
//  3. a member whose template fixes query options, or takes their values as arguments,
//     gets With<Options> (/me?$expand=manager beside /me: GetMeWithExpand;
//     /me/events/delta?startDateTime={start}: DeltaMeEventsWithStartDateTime);
//  4. By<Key> again, among the members the options split;
//  5. query templates still sharing a name get a word only their template has
//     (byTemplateWord);
//
// and any repeat that is left gets a number, with a warning. Before all that, a method
// whose template writes arguments into a query gets With<Options> (see withTemplate).
func (v *view) settleMethodNames() {
	// A template that writes arguments into a query ($filter=JoinWebUrl eq '{joinWebUrl}')
	// is a method of its own beside the plain endpoint, whether or not a page documents
	// that: ListUserOnlineMeetingsWithFilter. So the name does not move to another
	// endpoint when the plain one is documented later.
	for _, m := range v.methods {
		m.Name += withTemplate(m)
	}
	// byExtraKeys runs again after withQuery: the keys tell apart what the options split
	// (/me/calendars/{id}/events/delta beside /me/calendar/events/delta, each with and
	// without ?startDateTime).
	before := make(map[*goMethod]string, len(v.methods))
	for _, m := range v.methods {
		before[m] = m.Name
	}
	for _, strategy := range []func(m *goMethod, group []*goMethod) string{byFunctionArgs, byExtraKeys, withQuery, byExtraKeys, byTemplateWord} {
		for _, group := range v.collisions() {
			suffixes := make([]string, len(group))
			for i, m := range group {
				suffixes[i] = strategy(m, group)
			}
			for i, m := range group {
				m.Name += suffixes[i]
			}
		}
	}
	v.twinSuffixes(before)
	// The Client's own methods, and in a workload package the core client it embeds.
	used := uniquer{"Do": true, "Stream": true, "Count": true, "Client": true}
	for _, m := range v.methods {
		name := used.take(m.Name)
		if name != m.Name {
			v.diags.Addf(m.Op.Pos, model.Warning, "name-collision", "%s %s is emitted as %s: %s is taken by another operation",
				m.Op.Method, m.Path, name, m.Name)
		}
		m.Name = name
	}
}

// twinSuffixes gives a /users/{id}/... method the suffix its /me/... twin took to settle a
// collision, and the other way round, where the other kept its name and the suffixed name
// is free: /me/calendars/{id}/calendarView collides with /me/calendar/calendarView and is
// ListMeCalendarCalendarViewByCalendarID; its twin /users/{id}/calendars/{id}/calendarView,
// which collides with nothing on the page, is ListUserCalendarCalendarViewByCalendarID,
// not ListUserCalendarCalendarView, which reads as the default calendar's.
func (v *view) twinSuffixes(before map[*goMethod]string) {
	taken := map[string]bool{}
	for _, m := range v.methods {
		taken[m.Name] = true
	}
	twins := map[string][]*goMethod{} // method and the path after /me or /users/{id}
	for _, m := range v.methods {
		if rest, ok := afterUser(m.Path); ok {
			k := m.Op.Method + " " + rest
			twins[k] = append(twins[k], m)
		}
	}
	for _, m := range v.methods {
		rest, ok := afterUser(m.Path)
		suffix := strings.TrimPrefix(m.Name, before[m])
		if !ok || suffix == "" {
			continue
		}
		for _, t := range twins[m.Op.Method+" "+rest] {
			if t == m || t.Name != before[t] || taken[t.Name+suffix] {
				continue
			}
			if isMe(m.Path) == isMe(t.Path) {
				continue
			}
			t.Name += suffix
			taken[t.Name] = true
		}
	}
}

// afterUser is the rest of a path below /me or /users/{id}, and whether it has either.
func afterUser(p model.Path) (string, bool) {
	segs := p.Segments
	if len(segs) == 0 {
		return "", false
	}
	lit, _ := segs[0].Literal()
	n := 0
	switch {
	case lit == "me":
		n = 1
	case lit == "users" && len(segs) > 1 && segs[1].IsParam():
		n = 2
	default:
		return "", false
	}
	return model.Path{Segments: segs[n:], Query: p.Query}.Shape(), true
}

// isMe reports whether a path starts at /me.
func isMe(p model.Path) bool {
	lit, ok := p.Segments[0].Literal()
	return ok && lit == "me"
}

// collisions lists the groups of methods that share a name, in canonical order.
func (v *view) collisions() [][]*goMethod {
	byName := map[string][]*goMethod{}
	var order []string
	for _, m := range v.methods {
		if byName[m.Name] == nil {
			order = append(order, m.Name)
		}
		byName[m.Name] = append(byName[m.Name], m)
	}
	var out [][]*goMethod
	for _, name := range order {
		if len(byName[name]) > 1 {
			out = append(out, byName[name])
		}
	}
	return out
}

// byFunctionArgs is By<Args> for a function call's arguments.
func byFunctionArgs(m *goMethod, _ []*goMethod) string {
	var fn []string
	for _, a := range m.Args {
		if a.Param.In == model.InFunction {
			fn = append(fn, exported(a.Param.Name))
		}
	}
	if len(fn) == 0 {
		return ""
	}
	return "By" + strings.Join(fn, "And")
}

// byExtraKeys is By<Key> for the first path key that no other member of the group has.
func byExtraKeys(m *goMethod, group []*goMethod) string {
	for _, a := range m.Args {
		if a.Param.In != model.InPath {
			continue
		}
		shared := false
		for _, o := range group {
			if o == m {
				continue
			}
			for _, b := range o.Args {
				if b.Param.In == model.InPath && strings.EqualFold(b.Param.Name, a.Param.Name) {
					shared = true
				}
			}
		}
		if !shared {
			return "By" + exported(a.Name)
		}
	}
	return ""
}

// withQuery is With<Options> for the query options a template fixes or takes as arguments.
func withQuery(m *goMethod, _ []*goMethod) string {
	var names []string
	for _, q := range m.Path.Query {
		// A fixed option ($expand=manager) or one whose value is an argument
		// (delta?startDateTime={start}: DeltaMeEventsWithStartDateTime beside DeltaMeEvents).
		if !namedUpFront(q) {
			names = append(names, exported(strings.TrimPrefix(q.Name, "$")))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "With" + strings.Join(names, "And")
}

// namedUpFront reports whether withTemplate names a query option, so withQuery does not
// name it again.
func namedUpFront(q model.QueryParam) bool {
	return len(q.Parts) > 0 || strings.EqualFold(q.Name, "$filter") || strings.EqualFold(q.Name, "$search")
}

// byTemplateWord tells query templates of one endpoint apart by the first word of a
// template that no other member of the group has: ListMeMessagesWithFilter becomes
// ...Contains, ...Ne and ...Startswith for three filters on extended properties, and
// GetMeMessageWithExpand ...SingleValueExtendedProperties beside
// ...MultiValueExtendedProperties.
func byTemplateWord(m *goMethod, group []*goMethod) string {
	mine := templateWords(m)
	for _, w := range mine {
		shared := false
		for _, o := range group {
			if o != m && slices.Contains(templateWords(o), w) {
				shared = true
				break
			}
		}
		if !shared {
			return exported(w)
		}
	}
	return ""
}

// templateWords are the words of the literal text of a method's query templates, in order.
func templateWords(m *goMethod) []string {
	var words []string
	for _, q := range m.Path.Query {
		for _, pt := range q.Parts {
			if pt.IsParam() {
				continue
			}
			words = append(words, strings.FieldsFunc(pt.Literal, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r)
			})...)
		}
	}
	return words
}

// withTemplate is With<Options> for the query options whose value is a template with
// arguments written in, and for a $filter or $search the template fixes or takes whole as
// an argument: those narrow what the endpoint answers, so the method is never the plain
// one (GET /sites?$search={query} is ListSitesWithSearch, a fixed
// ?$filter=status/subStatus eq 'PendingAdminDecision' ...WithFilter), whether or not a
// page documents the plain line.
func withTemplate(m *goMethod) string {
	var names []string
	for _, q := range m.Path.Query {
		if namedUpFront(q) {
			names = append(names, exported(strings.TrimPrefix(q.Name, "$")))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "With" + strings.Join(names, "And")
}

package parse

import (
	"regexp"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// Which OData system query options a page's Optional query parameters section names,
// supports in general, or refuses.

// odataOption matches the OData system query options a page names.
// ($skipToken in any case: driveitem-list-children names it so.)
var odataOption = regexp.MustCompile(`\$(select|filter|top|skip|orderby|orderBy|expand|count|search|format|(?i:skiptoken|deltatoken))\b`)

// requiredOption matches an option a sentence says the method requires, named without
// its $: "This method requires planId filter to be specified" (planner-list-buckets).
var requiredOption = regexp.MustCompile(`(?i)\brequires?\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(filter|select|orderby|search|expand)\b`)

// optionWord is one option's name without its $.
var optionWord = regexp.MustCompile(`(?i)\b(select|filter|top|skip|orderby|expand|count|search)\b`)

// odataOptionBare matches options named without their $ just before "query parameter"
// ("supports the select OData query parameter", "the select and expand query parameters").
var odataOptionBare = regexp.MustCompile(`(?i)\b(select|filter|top|skip|orderby|expand|count|search)\b(?:(?:,\s*|\s+and\s+|\s+or\s+)(?:select|filter|top|skip|orderby|expand|count|search)\b)*\s+(?:odata\s+)?query\s+param`)

// namedQueryParam matches a query parameter the prose names that is not an OData system
// option but an annotation: "supports the @microsoft.graph.conflictBehavior query
// parameter" (the prose is read as plain text, without its backticks).
var namedQueryParam = regexp.MustCompile(`(@[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9])\s+(?:optional\s+)?query\s+parameter`)

// onQueryProse reads which OData query options the Optional query parameters prose names
// ("This method supports the $select and $filter OData query parameters", or a bullet
// list of them), that it supports them in general, or that it does not support some or
// all ("$skip isn't supported", "does not currently support the OData query
// parameters"). Each sentence counts on its own.
func (st *state) onQueryProse(txt string, pos model.Pos) {
	pg := st.page
	// following: the sentence before refused "the following" options, which this one names
	// ("doesn't support the following query parameters ...: `$expand`, `$filter`")
	following := false
	seps := sentenceSplit.FindAllStringIndex(txt, -1)
	for i, sentence := range sentenceSplit.Split(txt, -1) {
		// colon: the sentence ends in a colon, so a list of what it says follows
		// ("Some operators are not supported: `$count`, `$format`, ...").
		colon := i < len(seps) && txt[seps[i][0]] == ':'
		named := odataOption.FindAllStringSubmatch(sentence, -1)
		if len(named) == 0 {
			for _, run := range odataOptionBare.FindAllString(sentence, -1) {
				named = append(named, optionWord.FindAllStringSubmatch(run, -1)...)
			}
		}
		if len(named) == 0 {
			named = requiredOption.FindAllStringSubmatch(sentence, -1)
		}
		l := strings.ToLower(sentence)
		if !refusal.MatchString(sentence) {
			st.proseQueryParams(sentence, pos)
		}
		if strings.Contains(l, "consistencylevel") && !refusal.MatchString(sentence) {
			st.proseConsistencyLevel(sentence, pos)
		}
		refusedList := following && len(named) > 0
		following = false
		if refusedList || refusal.MatchString(sentence) {
			if !refusedList && len(named) == 0 && (strings.Contains(l, "following") || colon) && !strings.Contains(l, "propert") {
				following = true // the options come after the colon
				continue
			}
			if !refusedList && !refusesForMethod(l) {
				continue // some properties refuse an option, not the method
			}
			// all of them: "does not support OData query parameters", not "You can't use the
			// expand=children query parameter"
			if len(named) == 0 && strings.Contains(l, "query parameter") && !strings.HasPrefix(strings.TrimSpace(l), "you ") && !slices.Contains(pg.QueryOptionsRefused, "*") {
				pg.QueryOptionsRefused = append(pg.QueryOptionsRefused, "*")
			}
			for _, m := range named {
				if name := "$" + strings.ToLower(m[1]); !slices.Contains(pg.QueryOptionsRefused, name) {
					pg.QueryOptionsRefused = append(pg.QueryOptionsRefused, name)
				}
			}
			continue
		}
		if st.queryOnly {
			continue // "supports only the $select ..." came before: a note's $search is not one more
		}
		for _, m := range named {
			if name := "$" + strings.ToLower(m[1]); !slices.Contains(pg.QueryOptions, name) {
				pg.QueryOptions = append(pg.QueryOptions, name)
			}
		}
		st.queryOnly = len(named) > 0 && onlyCue.MatchString(sentence)
		// "supports the OData query parameters" with none named, and no list to follow, or
		// with the ones named as some of them ("..., including `$search`, `$count`, and
		// `$filter`": device-list-transitivememberof).
		if (len(named) == 0 || strings.Contains(l, "including")) && strings.Contains(l, "odata query parameters") && strings.Contains(l, "support") && !strings.Contains(l, "following") {
			pg.ODataQueryGeneric = true
		}
	}
}

// refusesForMethod reports whether a refusal speaks of the method ("This method does not
// support ...", "$skip isn't supported"), not of some properties ("The createdDateTime
// ... properties do not support $select").
func refusesForMethod(l string) bool {
	if t := strings.TrimSpace(l); strings.HasPrefix(t, "you ") || strings.HasPrefix(t, "it ") {
		// "You cannot use $select to get only a subset of those properties."; "It does
		// not support $filter." after a sentence about the method
		return true
	}
	for _, subject := range []string{"this method", "this operation", "this api", "this request", "this function"} {
		if strings.Contains(l, subject) {
			return true
		}
	}
	// "The other OData query parameters are not currently supported."; "There is no support
	// for $search." (a delta page's bullet)
	return strings.HasPrefix(strings.TrimLeft(l, "`\\ "), "$") || strings.Contains(l, "odata query parameters") || strings.HasPrefix(l, "there is no support for")
}

// onlyCue matches a sentence that names the only options a method supports.
var onlyCue = regexp.MustCompile(`(?i)\b(supports only|only supports|supports just)\b`)

// refusal matches a sentence that says options are not supported.
var refusal = regexp.MustCompile(`(?i)(\bnot|n't)\s+(currently\s+)?support|\bunsupported\b|\b(cannot|can ?not|can't)\s+use\b|\bthere\s+is\s+no\s+support\s+for\b`)

// sentenceSplit splits prose into sentences, roughly: at a period, colon or semicolon that
// ends a word.
var sentenceSplit = regexp.MustCompile(`[.;:]\s+`)

// odataRows reads a Query parameters table without a Type column whose every row names
// an OData system query option ($filter, $top, $skiptoken) into the page's options, and
// reports whether it did.
func (st *state) odataRows(t *table, nc int) bool {
	col := max(nc, 0)
	var names []string
	for _, row := range t.rows {
		if col >= len(row) {
			return false
		}
		m := odataOption.FindStringSubmatch(row[col].text)
		if m == nil || strings.TrimLeft(strings.TrimSpace(row[col].text), "\\") != m[0] {
			return false
		}
		names = append(names, "$"+strings.ToLower(m[1]))
	}
	for _, n := range names {
		if !slices.Contains(st.page.QueryOptions, n) {
			st.page.QueryOptions = append(st.page.QueryOptions, n)
		}
	}
	return len(names) > 0
}

// proseQueryParams adds the query parameters a sentence names (see namedQueryParam) that
// no table row gives: an optional string, described by the sentence.
func (st *state) proseQueryParams(sentence string, pos model.Pos) {
	add := func(name string, prim model.Primitive) {
		if slices.ContainsFunc(st.page.Params, func(p model.Param) bool { return p.In == model.InQuery && strings.EqualFold(p.Name, name) }) {
			return
		}
		st.proseParam = len(st.page.Params)
		st.page.Params = append(st.page.Params, model.Param{Name: name, In: model.InQuery, Presence: model.Optional,
			Type:        model.TypeRef{Kind: model.KindPrimitive, Primitive: prim, Pos: pos},
			Description: strings.TrimSpace(sentence), Pos: pos})
	}
	for _, m := range namedQueryParam.FindAllStringSubmatchIndex(sentence, -1) {
		add(sentence[m[2]:m[3]], model.String)
	}
	// "use the `includeDeletedItems=true` query parameter" (driveitem-get): a Boolean.
	for _, m := range booleanQueryParam.FindAllStringSubmatch(sentence, -1) {
		add(m[1], model.Boolean)
	}
}

// proseConsistencyLevel records the sentence of the Optional query parameters prose that
// names the ConsistencyLevel header ("$search ... requires the ConsistencyLevel header
// set to eventual", device-list-registeredowners.md): the model adds the header as an
// option where no table lists it.
func (st *state) proseConsistencyLevel(sentence string, pos model.Pos) {
	if st.page.ConsistencyLevelProse.Text == "" {
		st.page.ConsistencyLevelProse = model.ProseMention{Text: strings.TrimSpace(sentence), Pos: pos}
	}
}

// booleanQueryParam matches a query parameter the prose names with a Boolean value:
// "the includeDeletedItems=true query parameter".
var booleanQueryParam = regexp.MustCompile("\\b([A-Za-z][A-Za-z0-9]*)=(?:true|false)`?\\s+query\\s+parameter")

// proseParamValues reads a | Value | Description | table that follows the prose naming a
// query parameter (driveitem-copy's fail, replace and rename for
// @microsoft.graph.conflictBehavior) into that parameter's description, and reports
// whether it did.
func (st *state) proseParamValues(t *table) bool {
	vc, dc := t.col("value"), t.col("description")
	if st.proseParam < 0 || st.proseParam >= len(st.page.Params) || vc < 0 || dc < 0 {
		return false
	}
	var vals []string
	for _, row := range t.rows {
		if vc < len(row) && dc < len(row) && strings.TrimSpace(row[vc].text) != "" {
			vals = append(vals, strings.TrimSpace(row[vc].text)+": "+strings.TrimSuffix(strings.TrimSpace(row[dc].text), "."))
		}
	}
	if len(vals) == 0 {
		return false
	}
	p := &st.page.Params[st.proseParam]
	p.Description = strings.TrimSpace(p.Description + " Values: " + strings.Join(vals, "; ") + ".")
	st.proseParam = -1
	return true
}

// codeQueryParams adds the query parameters of the page's own that a paragraph of the
// Optional query parameters section says the method supports, each named in code: "This
// method also supports the `query` parameter which accepts a string value"
// (bookingbusiness-list.md). An optional String, described by the paragraph.
func (st *state) codeQueryParams(ins []inline, txt string, pos model.Pos) {
	for i := 1; i+1 < len(ins); i++ {
		name := strings.TrimSpace(ins[i].text)
		if !ins[i].code || !propertyKey.MatchString(name) || !supportsThe.MatchString(ins[i-1].text) || !parameterNext.MatchString(ins[i+1].text) {
			continue
		}
		if slices.ContainsFunc(st.page.Params, func(p model.Param) bool { return p.In == model.InQuery && strings.EqualFold(p.Name, name) }) {
			continue
		}
		st.page.Params = append(st.page.Params, model.Param{Name: name, In: model.InQuery, Presence: model.Optional,
			Type:        model.TypeRef{Kind: model.KindPrimitive, Primitive: model.String, Pos: ins[i].pos},
			Description: strings.TrimSpace(txt), Pos: pos})
	}
}

// supportsThe ends the text before a parameter's name in "supports the `query` parameter";
// parameterNext starts the text after it.
var (
	supportsThe   = regexp.MustCompile(`(?i)\bsupports\s+the\s+$`)
	parameterNext = regexp.MustCompile(`(?i)^\s+(query\s+)?parameter\b`)
)

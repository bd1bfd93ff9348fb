package graphdocgen_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/emit"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// The stages a miss belongs to: sending the request, typing its JSON body, decoding the
// response strictly. A miss before the replay belongs to all three.
const (
	stageSend = 1 << iota
	stageBody
	stageResp
	stageAll = stageSend | stageBody | stageResp
)

// confMiss is one miss of a case.
type confMiss struct {
	cause, detail string
	stages        int
}

// verdict is what the suite concludes about one case: what it counts in, what passed,
// and the misses with their causes.
type verdict struct {
	body, resp       bool // the example body is a JSON object; the example response is a 2xx JSON one
	matched          bool
	replayed         bool
	respChecked      bool // replayed, and the method returns a JSON value to decode strictly
	sentOK, typed    bool
	strict           bool
	bodyRepaired     bool // the body was checked after a docs repair
	respRepaired     bool // the response was checked after a docs repair
	misses           []confMiss
	docsStages       int // the stages a docs-caused miss took from the check
	bodyTypedReplay  bool
	bodyReplayedOnce bool
	noContentBody    bool // the example response is a 204 that shows a body, which HTTP forbids
}

func (v *verdict) miss(cause, detail string, stages int) {
	v.misses = append(v.misses, confMiss{cause, detail, stages})
	if strings.HasPrefix(cause, "docs:") {
		v.docsStages |= stages
	}
}

// markedRE reads a NotStrict entry the strict walk marked: the property, the value's
// type (lower-cased), the @odata.type the example gave it ("" when none) and the mark.
var markedRE = regexp.MustCompile(`\.([^.\s<\[\]]+) <([^>@]*)(?:@#?([^>]*))?>( \(.*\))$`)

// marked reads a NotStrict entry; ok is false when it carries no mark.
func marked(entry string) (prop, typeName, annotated, mark string, ok bool) {
	m := markedRE.FindStringSubmatch(entry)
	if m == nil {
		return "", "", "", "", false
	}
	annotated = strings.ToLower(m[3])
	annotated = annotated[strings.LastIndexByte(annotated, '.')+1:]
	return m[1], m[2], annotated, m[4], true
}

// classify decides one case. pageDocuments reports whether a type's own resource page,
// or a base that page names, documents a property (read from the page's text, not the
// model: the check of the parser); nil means no page says so.
func classify(c *confCase, r confResultLine, ran bool, documented map[string]bool, pageBody map[string]bool, pageDocuments func(typeName, prop, annotated string) bool) verdict {
	var v verdict
	body := c.sentBody()
	if strings.HasPrefix(body, "{") {
		var obj map[string]json.RawMessage
		v.body = json.Unmarshal([]byte(body), &obj) == nil
	}
	v.resp = c.resp != nil && (c.resp.Status == 0 || c.resp.Status < 300) && strings.HasPrefix(strings.TrimSpace(c.resp.Body), "{")
	if v.resp && c.resp.Status == 204 {
		// RFC 9110 15.3.5: a 204 response ends after its header section, so the JSON an
		// example writes below one never reaches a client (the replay server cannot send
		// it either). It is no JSON response to decode.
		v.resp, v.noContentBody = false, true
	}
	v.matched = c.m != nil
	if c.cause != "" || !ran {
		cause := c.cause
		if cause == "" {
			cause = causeNoCompile
		}
		if cause == causeBodyInvalid && holdsPlaceholders(body) {
			cause = causeBodyHolder
		}
		v.miss(cause, c.detail, stageAll)
		return v
	}
	if r.Skip != "" {
		v.miss(causeArgValue, r.Skip, stageAll)
		return v
	}
	v.replayed = true
	v.bodyRepaired = len(c.bodyRepairs) > 0
	v.respRepaired = len(c.respRepairs) > 0
	if r.Panic != "" {
		v.miss(causeCallFailed, "panic: "+r.Panic, stageAll)
		return v
	}
	// Sending.
	switch {
	case len(r.Mismatch) == 0:
		v.sentOK = true
	case r.BodyErr != "" && (holdsPlaceholders(body) || slices.Contains(c.bodyRepairs, repairTypedHolder)):
		v.miss(causeBodyHolder, r.BodyErr, stageSend|stageBody)
	case strings.Contains(r.BodyErr, "invalid Edm."):
		v.miss(causeValueFormat, r.BodyErr, stageSend|stageBody)
	case r.BodyErr != "":
		v.miss(causeBodyDecode, r.BodyErr, stageSend|stageBody)
	default:
		cause := map[string]string{"sent": causeCallFailed, "method": causeWrongMethod, "path": causeWrongPath,
			"query": causeWrongQuery, "body": causeWrongBody}[r.Mismatch[0]]
		for _, n := range c.notes {
			if r.Mismatch[0] == "query" && strings.HasPrefix(n, causeNoOption) || r.Mismatch[0] == "body" && n == causeNoBody {
				cause = n
				if i := strings.Index(n, " ("); i > 0 {
					cause = n[:i]
				}
			}
		}
		detail := strings.Join(r.Detail, " | ")
		if r.CallErr != "" && !strings.Contains(r.CallErr, "graph: ") {
			detail += " | " + r.CallErr
		}
		stages := stageSend
		if cause == causeWrongBody && body == "" && onlyExtraKeys(r.Detail) {
			// The example request shows no body, and the method sends the members its
			// page's table requires (directory-deleteditems-user-owned puts its body in a
			// fence of its own, outside the request).
			cause, stages = causeRequiredUnsent, stageSend|stageBody
		}
		v.miss(cause, c.m.Name+": "+detail, stages)
	}
	// Body keys.
	if v.body {
		v.bodyReplayedOnce = true
		typed := r.BodyErr == "" && len(r.Untyped) == 0 && (c.m.Body.Kind == emit.BodyStruct || c.m.Body.Kind == emit.BodyWhole)
		if c.m.Body.Kind != emit.BodyStruct && c.m.Body.Kind != emit.BodyWhole {
			// Any, none or upload: no typed field at all, unless the body has only annotations.
			typed = !hasPlainKey(body)
		}
		if typed {
			v.typed = true
			v.bodyTypedReplay = true
		} else if r.BodyErr == "" {
			var nowhere, untyped []string
			for _, k := range r.Untyped {
				if documented[k] || pageBody[k] {
					untyped = append(untyped, k)
				} else {
					nowhere = append(nowhere, k)
				}
			}
			switch {
			case c.m.Body.Kind != emit.BodyStruct && c.m.Body.Kind != emit.BodyWhole:
				v.miss(causeUntypedKey, fmt.Sprintf("%s takes a body of kind %s", c.m.Name, c.m.Body.Kind), stageBody)
			case len(untyped) > 0:
				v.miss(causeUntypedKey, fmt.Sprintf("%s %s: %s", c.m.Name, c.m.Body.GoType, strings.Join(untyped, ", ")), stageBody)
			default:
				v.miss(causeKeyNowhere, fmt.Sprintf("%s %s: %s", c.m.Name, c.m.Body.GoType, strings.Join(nowhere, ", ")), stageBody)
			}
		}
	}
	// The response.
	if !v.resp {
		return v
	}
	switch c.m.Result {
	case emit.ResultStream, emit.ResultCount:
		// A JSON example response where the method returns the content as it comes: the
		// page's Response section says a stream (a report's "Stream" beside an example of
		// {"value": "<base64>"}), or the method reads it so on its own.
		if pt := c.p.Response.Type; pt.Kind == model.KindPrimitive && pt.Primitive == model.Stream {
			v.miss(causeStreamJSON, c.m.Name, stageResp)
		} else {
			v.miss(causeStreamJSONGen, c.m.Name, stageResp)
		}
		return v
	}
	v.respChecked = true
	resp := c.servedResp()
	name := c.m.Name
	if v.respRepaired {
		name += " (response repaired: " + strings.Join(c.respRepairs, ", ") + ")"
	}
	switch {
	case !json.Valid([]byte(resp)):
		v.miss(causeRespInvalid, "", stageResp)
	case c.m.Result == emit.ResultNone && c.bodyOnRequest:
		v.miss(causePreferDropped, name, stageResp)
	case c.m.Result == emit.ResultNone && c.p.Response.Type.Kind == model.KindNone:
		v.miss(causeRespNotOnPage, name, stageResp)
	case c.m.Result == emit.ResultNone && c.m.HTTPMethod != "GET" && strings.HasSuffix(c.m.Path.String(), "/$ref"):
		v.miss(causeRefAnswer, name, stageResp)
	case c.m.Result == emit.ResultNone:
		v.miss(causeResultDropped, name, stageResp)
	case c.m.Result == emit.ResultRaw:
		v.miss(causeResultRaw, name, stageResp)
	case r.CallErr != "" && (holdsPlaceholders(resp) || slices.Contains(c.respRepairs, repairTypedHolder)):
		// a placeholder left, or one whose value is of another type than its property
		v.miss(causeRespHolder, name+": "+r.CallErr, stageResp)
	case strings.Contains(r.CallErr, "invalid Edm."):
		v.miss(causeValueFormat, name+": "+r.CallErr, stageResp)
	case r.CallErr != "":
		v.miss(causeRespDecode, name+": "+r.CallErr, stageResp)
	case c.m.Result == emit.ResultObject && len(r.NotStrict) == 1 && strings.HasPrefix(r.NotStrict[0], ".value ") && strings.HasSuffix(r.NotStrict[0], notOnTypeMark):
		var env struct{ Value json.RawMessage }
		_ = json.Unmarshal([]byte(resp), &env)
		switch {
		case bytes.HasPrefix(bytes.TrimSpace(env.Value), []byte("[")) && c.m.HTTPMethod == "GET" && endsInKey(c.m.Path):
			// GET /things/{id}: OData addresses one entity by its key, whatever the
			// example shows
			v.miss(causeKeyedList, name+" "+c.m.ResultType, stageResp)
		case bytes.HasPrefix(bytes.TrimSpace(env.Value), []byte("[")):
			v.miss(causeObjectInValue, name+" "+c.m.ResultType, stageResp)
		default:
			// not repaired: the result type has a value property, or the envelope is not
			// the exact {"value": {...}}
			v.miss(causeWrappedObject, name+" "+c.m.ResultType, stageResp)
		}
	case len(r.NotStrict) > 0 && !slices.ContainsFunc(r.NotStrict, func(s string) bool { return !strings.HasSuffix(s, derivedMark) }):
		// Properties only derived types document. The docs are to blame when the example
		// leaves out @odata.type; when it gives a type whose page documents them, the
		// decoder did not use it.
		var given []string
		for _, s := range r.NotStrict {
			if prop, typeName, ann, _, ok := marked(s); ok && ann != "" && ann != typeName && pageDocuments != nil && pageDocuments(ann, prop, "") {
				given = append(given, typeName+"."+prop+" as "+ann)
			}
		}
		if len(given) > 0 {
			v.miss(causeDerivedMissed, fmt.Sprintf("%s %s: %s", name, c.m.ResultType, strings.Join(given, ", ")), stageResp)
		} else {
			v.miss(causeDerivedNoType, fmt.Sprintf("%s %s: %s", name, c.m.ResultType, strings.Join(r.NotStrict, ", ")), stageResp)
		}
	case len(r.NotStrict) > 0 && !c.otherType && !slices.ContainsFunc(r.NotStrict, func(s string) bool {
		return !strings.HasSuffix(s, derivedMark) && !strings.HasSuffix(s, notOnTypeMark)
	}):
		// Every property is documented on other types only. The docs are to blame only
		// when the type's own page (and the bases it names) really leave it out: a row
		// the parser missed, or a base it did not read, is the generator's.
		var onPage []string
		for _, s := range r.NotStrict {
			if prop, typeName, ann, mark, ok := marked(s); ok && mark == notOnTypeMark && pageDocuments != nil && pageDocuments(typeName, prop, ann) {
				onPage = append(onPage, typeName+"."+prop)
			}
		}
		if len(onPage) > 0 {
			v.miss(causeOnPageMissed, fmt.Sprintf("%s %s: %s", name, c.m.ResultType, strings.Join(onPage, ", ")), stageResp)
		} else {
			v.miss(causeNotOnType, fmt.Sprintf("%s %s: %s", name, c.m.ResultType, strings.Join(r.NotStrict, ", ")), stageResp)
		}
	case len(r.NotStrict) > 0:
		v.miss(causeNotStrict, fmt.Sprintf("%s %s: %s", name, c.m.ResultType, strings.Join(r.NotStrict, ", ")), stageResp)
	default:
		v.strict = true
	}
	return v
}

// confTally is the figures of one version.
type confTally struct {
	total, otherHost, matched, own, also, other, replayed, sentOK int
	bodies, bodiesTyped, bodiesReplayed, bodiesReplayedTyped      int
	responsesAll, responses, strictOK                             int
	noContentBody                                                 int
	// the denominators less the examples a docs-caused miss took from that check
	sentCheck, bodiesCheck, responsesCheck int
	// repairs: checked after a repair, and of those passed
	bodyRepaired, bodyRepairedOK, respRepaired, respRepairedOK int
	repairKinds                                                map[string]int
}

// report classifies every case, prints the figures and the misses by cause, and checks the
// floors.
func report(t *testing.T, version string, cases []*confCase, results map[int]confResultLine, documented map[string]bool, pageBody map[string]map[string]bool, pageDocuments func(string, string, string) bool, returns string) {
	type miss struct{ where, detail string }
	byCause := map[string][]miss{}
	n := confTally{repairKinds: map[string]int{}}
	for _, c := range cases {
		if c.cause == causeOtherHost {
			n.otherHost++
			continue
		}
		n.total++
		r, ran := results[c.id]
		v := classify(c, r, ran, documented, pageBody[c.page], pageDocuments)
		for _, m := range v.misses {
			byCause[m.cause] = append(byCause[m.cause], miss{c.where, m.detail})
		}
		if v.matched {
			n.matched++
			switch c.own {
			case "own":
				n.own++
			case "also":
				n.also++
			default:
				n.other++
			}
		}
		if v.replayed {
			n.replayed++
		}
		if v.sentOK {
			n.sentOK++
		}
		if v.docsStages&stageSend == 0 {
			n.sentCheck++
		}
		if v.body {
			n.bodies++
			if v.typed {
				n.bodiesTyped++
			}
			if v.bodyReplayedOnce {
				n.bodiesReplayed++
			}
			if v.bodyTypedReplay {
				n.bodiesReplayedTyped++
			}
			if v.docsStages&stageBody == 0 {
				n.bodiesCheck++
			}
		}
		if v.resp {
			n.responsesAll++
			if v.docsStages&stageResp == 0 {
				n.responsesCheck++
			}
		}
		if v.noContentBody {
			n.noContentBody++
		}
		if v.respChecked {
			n.responses++
		}
		if v.strict {
			n.strictOK++
		}
		if v.bodyRepaired {
			n.bodyRepaired++
			if v.sentOK && (!v.body || v.typed) {
				n.bodyRepairedOK++
			}
		}
		if v.respRepaired && v.respChecked {
			n.respRepaired++
			if v.strict {
				n.respRepairedOK++
			}
		}
		if v.replayed {
			for _, k := range append(slices.Clone(c.bodyRepairs), c.respRepairs...) {
				n.repairKinds[k]++
			}
		}
	}
	var b strings.Builder
	writeTally(&b, version, n)
	var causes []string
	for c := range byCause {
		causes = append(causes, c)
	}
	slices.SortFunc(causes, func(a, b string) int {
		if d := len(byCause[b]) - len(byCause[a]); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	b.WriteString("  misses by cause:\n")
	for _, c := range causes {
		fmt.Fprintf(&b, "    %5d  %s\n", len(byCause[c]), c)
	}
	b.WriteString(returns)
	show := confShow()
	for _, c := range causes {
		fmt.Fprintf(&b, "  %s (first %d of %d):\n", c, min(show, len(byCause[c])), len(byCause[c]))
		for _, m := range byCause[c][:min(show, len(byCause[c]))] {
			fmt.Fprintf(&b, "    %s: %.300s\n", m.where, m.detail)
		}
	}
	t.Log(b.String())

	floor := conformanceFloors[version]
	check := func(what string, got, floor float64) {
		if got < floor {
			t.Errorf("%s: %s is %.1f%%, below the floor of %.1f%%", version, what, 100*got, 100*floor)
		}
	}
	check("sent correctly", share(n.sentOK, n.total), floor.sent)
	check("bodies with every key typed", share(n.bodiesTyped, n.bodies), floor.typed)
	check("responses decoded strictly", share(n.strictOK, n.responsesAll), floor.strict)
	if n.replayed < n.total/2 {
		t.Errorf("%s: only %d of %d example requests were replayed: the harness is broken", version, n.replayed, n.total)
	}
}

func share(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// writeTally prints the figures: each share of all examples and of those the docs let us
// check, and each target with the denominator it is measured on.
func writeTally(b *strings.Builder, version string, n confTally) {
	fmt.Fprintf(b, "\nconformance %s: %d example requests to Graph (%d to other hosts, such as callbacks, left out)\n", version, n.total, n.otherHost)
	fmt.Fprintf(b, "  matched to a method                     %5d (%.1f%%)\n", n.matched, 100*share(n.matched, n.total))
	fmt.Fprintf(b, "    the method of their own page          %5d (%.1f%%)\n", n.own, 100*share(n.own, n.total))
	fmt.Fprintf(b, "    of a page listing the same endpoint   %5d (%.1f%%)\n", n.also, 100*share(n.also, n.total))
	fmt.Fprintf(b, "    of another page                       %5d (%.1f%%)\n", n.other, 100*share(n.other, n.total))
	fmt.Fprintf(b, "  replayed                                %5d (%.1f%%)\n", n.replayed, 100*share(n.replayed, n.total))
	line := func(what string, ok, all, check int, target float64) {
		fmt.Fprintf(b, "  %-40s %5d: %.1f%% of all %d; %.1f%% of the %d the docs let us check (target %.0f%% of all: %s; of those checkable: %s)\n",
			what, ok, 100*share(ok, all), all, 100*share(ok, check), check, 100*target, met(share(ok, all), target), met(share(ok, check), target))
	}
	line("sent correctly (method, path, query, keys)", n.sentOK, n.total, n.sentCheck, targetSent)
	line("JSON object bodies, every key typed", n.bodiesTyped, n.bodies, n.bodiesCheck, targetTyped)
	fmt.Fprintf(b, "    (%.1f%% of the %d replayed)\n", 100*share(n.bodiesReplayedTyped, n.bodiesReplayed), n.bodiesReplayed)
	line("2xx JSON responses, decoded strictly", n.strictOK, n.responsesAll, n.responsesCheck, targetStrict)
	fmt.Fprintf(b, "    (%.1f%% of the %d replayed with a JSON result)\n", 100*share(n.strictOK, n.responses), n.responses)
	fmt.Fprintf(b, "    (not counted: %d example responses of 204 No Content that show a JSON body, which a 204 cannot carry)\n", n.noContentBody)
	fmt.Fprintf(b, "  checked after an exact repair of a docs defect (counted above; without the repairs these would be docs misses):\n")
	fmt.Fprintf(b, "    request bodies %d, of which sent and typed correctly %d\n", n.bodyRepaired, n.bodyRepairedOK)
	fmt.Fprintf(b, "    responses      %d, of which decoded strictly %d\n", n.respRepaired, n.respRepairedOK)
	var kinds []string
	for k := range n.repairKinds {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		fmt.Fprintf(b, "      %5d  %s\n", n.repairKinds[k], k)
	}
}

// endsInKey reports whether p's last segment is one placeholder alone that is not a
// function argument: a key, {id}, which addresses one entity of the collection before it.
func endsInKey(p model.Path) bool {
	if len(p.Segments) < 2 {
		return false
	}
	last := p.Segments[len(p.Segments)-1].Parts
	return len(last) == 1 && last[0].Param != "" && !last[0].Function && !last[0].PathValued
}

// onlyExtraKeys reports whether a body mismatch's details are all keys the method sent and
// the example did not ("body keys extra type; extra userid").
func onlyExtraKeys(details []string) bool {
	n := 0
	for _, d := range details {
		rest, ok := strings.CutPrefix(d, "body keys ")
		if !ok {
			return false
		}
		for _, k := range strings.Split(rest, "; ") {
			if !strings.HasPrefix(k, "extra ") {
				return false
			}
			n++
		}
	}
	return n > 0
}

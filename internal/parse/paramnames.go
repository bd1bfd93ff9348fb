package parse

import (
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// nameParams gives every placeholder of a path its parameter name: camelCase, a bare {id}
// named after the segment before it (/groups/{id} -> groupId) or, for a key in
// parentheses, after the collection it indexes (worksheets('{id}') -> worksheetId), and
// repeated names made distinct with a number.
func nameParams(p *model.Path) {
	used := map[string]bool{}
	// next is the number to try first for a repeated name: every number below it is
	// taken already, so a path that repeats one name many times is not quadratic.
	next := map[string]int{}
	unique := func(name string) string {
		if name == "" {
			name = "param"
		}
		if used[name] {
			base := name
			n := max(next[base], 2)
			for name = base + strconv.Itoa(n); used[name]; name = base + strconv.Itoa(n) {
				n++
			}
			next[base] = n + 1
		}
		used[name] = true
		return name
	}
	prev := ""
	for si := range p.Segments {
		seg := &p.Segments[si]
		for pi := range seg.Parts {
			pt := &seg.Parts[pi]
			if !pt.IsParam() {
				continue
			}
			name := model.CamelCase(pt.Param)
			if !pt.Function && (numberedID(name) || name == "undefined" || name == "null") {
				// {undefined} (beta's chart series pages) is a key whose name a template
				// tool lost: named after its collection, as {id} is, and as {id1} and
				// {id2} are (the keys of agents/{id1}/agentGroups/{id2}).
				owner := prev
				if pi > 0 {
					if lit := seg.Parts[pi-1].Literal; strings.HasSuffix(lit, "(") {
						owner = lastWord(strings.TrimSuffix(lit, "("))
					}
				}
				if owner != "" {
					name = model.CamelCase(model.Singular(owner)) + "Id"
				}
			}
			pt.Param = unique(name)
			// After "root:" the drive item's path follows, slashes and all, up to the next
			// ":" (/me/drive/root:/{item-path}:/content).
			if si > 0 && !pt.Function && !pt.Quoted && pi == 0 && strings.HasSuffix(p.Segments[si-1].String(), ":") {
				pt.PathValued = true
			}
		}
		if lit, ok := seg.Literal(); ok && !strings.HasPrefix(lit, "$") {
			prev = lastWord(lit)
		}
	}
	// A name that two query options repeat is one value written twice
	// ($filter=...'{extensionId}'&$expand=...'{extensionId}'): one argument. Within one
	// option it is two ($filter={property} eq '{v}' and {property} eq '{v}').
	type use struct {
		name string
		q    int
	}
	inQuery := map[string]use{}
	once := func(name string, qi int) string {
		if u, ok := inQuery[name]; ok && u.q != qi {
			return u.name
		}
		n := unique(name)
		if _, ok := inQuery[name]; !ok {
			inQuery[name] = use{n, qi}
		}
		return n
	}
	for qi := range p.Query {
		q := &p.Query[qi]
		for pi := range q.Parts {
			if pt := &q.Parts[pi]; pt.IsParam() {
				pt.Param = once(model.CamelCase(pt.Param), qi)
			}
		}
		if q.Param == "" {
			continue
		}
		q.Param = once(model.CamelCase(q.Param), qi)
	}
}

// lastWord is the part of a segment that names it: microsoft.graph.user -> user, root: -> root.
func lastWord(s string) string {
	s = strings.TrimRight(s, ":")
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// numberedID reports whether a placeholder is id, or id and a number (id1, id2).
func numberedID(name string) bool {
	if len(name) < 2 || !strings.EqualFold(name[:2], "id") {
		return false
	}
	for _, r := range name[2:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

package emit

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// spellings maps a path segment, lower-cased, to the spelling the docs use most for it:
// a page that writes /me/calendargroups names its method after calendarGroups, as the
// pages that spell it so (and the Relationships tables) do. The path sent is as written.
// It also knows the documented type names, which settle a compound plural's singular.
type spellings struct {
	words map[string]string // a segment written two ways or more, lower-cased, to its usual spelling
	all   map[string]string // every segment, lower-cased, to its usual spelling
	types map[string]bool   // every documented type's name, lower-cased
}

// of is the usual spelling of the segment s; s itself when there is none.
func (sp spellings) of(s string) string {
	l := strings.ToLower(s)
	if w, ok := sp.words[l]; ok {
		return w
	}
	if s == l {
		// /me/calendargroup/calendars, where only the plural is spelled elsewhere
		// (calendarGroups): the singular of that spelling.
		for _, plural := range plurals(l) {
			if w, ok := sp.words[plural]; ok {
				if one := sp.singular(w); strings.EqualFold(one, l) && innerCapital(one) {
					return one
				}
			}
		}
	}
	return s
}

// plurals are the forms a lower-cased word may take as a collection's segment.
func plurals(l string) []string {
	return []string{l + "s", l + "es", strings.TrimSuffix(l, "y") + "ies"}
}

// param respells a key placeholder named after its collection as the docs spell that
// collection elsewhere: {calendargroupId} on a page that writes /me/calendargroups is
// calendarGroupId, as calendarGroups is spelled by the pages and tables that mark the
// word boundary; one named after the plural itself ({usersId}, {sitesId}) is named after
// the singular (userId, siteId). Other names are kept.
func (sp spellings) param(name string) string {
	if len(name) < 3 || !strings.EqualFold(name[len(name)-2:], "id") {
		return name
	}
	stem, l := name[:len(name)-2], strings.ToLower(name[:len(name)-2])
	for _, plural := range append([]string{l}, plurals(l)...) {
		w, ok := sp.words[plural]
		if !ok {
			continue
		}
		if one := sp.singular(w); strings.EqualFold(one, stem) && one != stem {
			return one + name[len(name)-2:]
		} else if strings.EqualFold(w, stem) && w != stem {
			return sp.singularKey(w, stem, plural) + name[len(name)-2:]
		}
	}
	if w, ok := sp.all[l]; ok {
		return sp.singularKey(w, stem, l) + name[len(name)-2:]
	}
	return name
}

// singularKey names the key of one member of the collection w, written stem in a
// placeholder: {usersId} after /users is the key of one user, named as {userId} is
// elsewhere; a type named in the plural (termsAndConditions) keeps its name, and a stem
// that marks its words itself keeps its spelling (servicePrincipalsId).
func (sp spellings) singularKey(w, stem, lower string) string {
	if sp.types[lower] {
		return w
	}
	if innerCapital(stem) {
		return sp.singular(stem)
	}
	return sp.singular(w)
}

// singular is the singular of the segment w: model.Singular's, or for a compound whose
// plural is its first word (timesOff, unitsOfMeasure, tenantsDetailedInformation) that
// word's singular, where a documented type has the name it makes (timeOff): not
// appliesTo, nor windowsMalwareInformation, whose type keeps its name.
func (sp spellings) singular(w string) string {
	if s := model.Singular(w); s != w {
		return s
	}
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			if head := w[:i]; strings.HasSuffix(head, "s") {
				if c := model.Singular(head) + w[i:]; sp.types[strings.ToLower(c)] {
					return c
				}
			}
			break
		}
	}
	return w
}

// newSpellings picks, for every literal segment of the operations' paths, the spelling
// to name methods by: one with a capital inside (calendarGroups: a word boundary the docs
// mark; a table that writes openshiftchangerequests marks none), else a property name as
// a type's table writes it, else the most frequent, then the first in byte order.
func newSpellings(api *model.API) spellings {
	counts := map[string]map[string]int{}
	add := func(w string, n int) {
		if w == "" || strings.HasPrefix(w, "$") || strings.ContainsAny(w, "().:'=") {
			return
		}
		k := strings.ToLower(w)
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][w] += n
	}
	for _, op := range api.Operations {
		for _, p := range op.Paths {
			for _, s := range p.Segments {
				if lit, ok := s.Literal(); ok {
					add(lit, 1)
				}
			}
		}
	}
	documented := map[string]bool{}
	for _, t := range api.Types {
		for _, pr := range t.Properties {
			if counts[strings.ToLower(pr.Name)] != nil {
				add(pr.Name, 0)
				documented[pr.Name] = true
			}
		}
	}
	sp := spellings{words: map[string]string{}, all: map[string]string{}, types: map[string]bool{}}
	for _, t := range api.Types {
		sp.types[strings.ToLower(t.Name)] = true
	}
	for k, c := range counts {
		if len(c) < 2 {
			for w := range c {
				sp.all[k] = w
			}
			continue
		}
		best := ""
		better := func(w string) bool {
			switch {
			case innerCapital(w) != innerCapital(best):
				return innerCapital(w)
			case documented[w] != documented[best]:
				return documented[w]
			case c[w] != c[best]:
				return c[w] > c[best]
			}
			return w < best
		}
		for w := range c {
			if best == "" || better(w) {
				best = w
			}
		}
		sp.words[k] = best
		sp.all[k] = best
	}
	return sp
}

// innerCapital reports whether w has an upper-case letter after its first.
func innerCapital(w string) bool {
	return len(w) > 1 && strings.ToLower(w[1:]) != w[1:]
}

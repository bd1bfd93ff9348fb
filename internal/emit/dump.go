package emit

import (
	"fmt"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// DumpView describes, as deterministic text, every decision the Go view makes for an API
// before any code is rendered: Go names of types, fields, constants and methods, the
// workload package of each, result kinds (object, page, stream, ...), upload detection,
// request bodies (a struct of the table's parameters, a whole resource, a $ref, any),
// whether an operation sends a resource (create or update) or an action's parameters,
// and the options structs. The golden cases keep it as view.txt, so a changed heuristic
// shows up in review as a diff even where the emitted Go hides it. It is pure, and lists
// everything in the view's own (canonical) order. A package name that is not a Go
// identifier gives a one-line error text, as Emit would refuse it.
func DumpView(api *model.API, cfg Config) string {
	if !identRE.MatchString(cfg.Package) {
		return fmt.Sprintf("error: package name %q is not a Go identifier\n", cfg.Package)
	}
	v := newView(api, cfg)
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("package %s (version %s, split %t, API interface %s)", v.pkg, v.version, v.split, v.apiName)
	if v.split {
		p("")
		p("packages:")
		for _, pk := range v.packages() {
			p("  %s  path %s  segment %q", pk.Name, pk.Path, pk.Segment)
		}
	}
	shadowed := "none"
	if len(v.shadowed) > 0 {
		shadowed = strings.Join(v.shadowed, " ")
	}
	p("runtime: %d names re-exported; left out for a generated name: %s", len(v.reexports), shadowed)
	p("")
	p("types:")
	for _, t := range v.types {
		p("  %s  <- %s%s", t.Name, t.Model.QualifiedName(), pkgNote(t.Pkg))
		if t.Base != nil {
			p("    base %s", t.Base.Name)
		}
		if t.Iface != "" {
			p("    derived interface %s: %s", t.Iface, typeNames(t.Descendants))
		}
		if len(t.Ancestors) > 0 {
			p("    implements the interfaces of %s", typeNames(t.Ancestors))
		}
		if len(t.Consts) > 0 {
			var cs []string
			for _, c := range t.Consts {
				cs = append(cs, c.Name+"="+c.Member.Name)
			}
			p("    consts %s", strings.Join(cs, " "))
		}
		if len(t.Fields) > 0 {
			var fs []string
			for _, f := range t.Fields {
				s := f.Name + "=" + f.Prop.Name
				if f.From != t {
					s += "(" + f.From.Name + ")"
				}
				fs = append(fs, s)
			}
			p("    fields %s", strings.Join(fs, " "))
		}
	}
	p("")
	p("methods:")
	for _, m := range v.methods {
		p("  %s  %s %s%s", m.Name, m.Op.Method, m.Path, pkgNote(m.Pkg))
		if m.base != m.Name {
			p("    named %s before collisions were settled", m.base)
		}
		p("    page %s; file group %s", m.Op.Page, m.Group)
		for _, a := range m.Args {
			s := fmt.Sprintf("    arg %s <- %s %s %s", a.Name, a.Param.In, a.Param.Name, a.Param.Type)
			if a.Quoted {
				s += " quoted"
			}
			if a.Path {
				s += " path-valued"
			}
			p("%s", s)
		}
		res := fmt.Sprintf("    result %s %s", m.Kind, m.Result)
		if m.PageName != "" {
			res += "; one page: " + m.PageName
		}
		if m.OnRequest {
			res += "; only on request (Prefer: return=representation), else nil"
		}
		if m.Optional {
			res += "; nil when the answer has no body (the docs disagree)"
		}
		p("%s", res)
		if m.Upload {
			p("    upload: the body is raw content")
		}
		if createsOrUpdates(m.Op) {
			p("    sends a resource (create or update)")
		} else if m.Op.Method != "GET" && m.Op.Method != "DELETE" {
			p("    sends an action's parameters")
		}
		p("    body %s", dumpBody(v, m))
		if o := m.Options; o != nil {
			s := "    options " + o.nameFor(m)
			if o.Owner != m && o.Owner != nil {
				s += " (alias of " + o.Name + ", owned by " + o.Owner.Name + ")"
			}
			for _, f := range o.Fields {
				switch {
				case f.OData != "":
					s += " " + f.Name + "=" + f.OData
				case f.Query != "":
					s += " " + f.Name + "=query:" + f.Query
				default:
					s += " " + f.Name + "=header:" + f.Header
				}
			}
			if o.ConsistencyEventual {
				s += " [ConsistencyLevel: eventual]"
			}
			p("%s", s)
		}
	}
	return b.String()
}

// String names a result kind as DumpView prints it.
func (k resultKind) String() string {
	switch k {
	case resultNone:
		return "none"
	case resultObject:
		return "object"
	case resultPage:
		return "page"
	case resultPrimitive:
		return "primitive"
	case resultRaw:
		return "raw"
	case resultStream:
		return "stream"
	case resultCount:
		return "count"
	}
	return fmt.Sprintf("resultKind(%d)", int(k))
}

// dumpBody describes a method's request body for DumpView.
func dumpBody(v *view, m *goMethod) string {
	b := m.Body
	var s string
	switch {
	case b == nil && m.Upload:
		return "raw content (an io.Reader and its content type)"
	case b == nil:
		return "none"
	case b.Ref:
		s = "$ref (Reference)"
	case b.Any:
		s = "any (the page does not say)"
	case b.Whole != nil:
		s = "resource " + b.Whole.String()
		if params := m.Op.ParamsIn(model.InBody); len(params) > 0 {
			// bodyResource read the table as the resource's properties: say how well it matched.
			s += fmt.Sprintf(" (the body table's names match its properties: %d of %d)", bestMatch(v, *b.Whole, params), len(params))
		}
	default:
		var fs []string
		for _, f := range b.Fields {
			n := f.Name + "=" + f.Param.Name
			if f.Optional {
				n += "?"
			}
			fs = append(fs, n)
		}
		s = "struct " + b.Name + " {" + strings.Join(fs, " ") + "}"
	}
	if b.Owner != m && b.Owner != nil {
		s += " (shared, owned by " + b.Owner.Name + ")"
	}
	return s
}

// pkgNote is "  [pkg name]" for a workload package, "" for the core.
func pkgNote(p *goPackage) string {
	if p == nil {
		return ""
	}
	return "  [pkg " + p.Name + "]"
}

// typeNames joins the Go names of types.
func typeNames(ts []*goType) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return strings.Join(out, ", ")
}

// bestMatch is how many of a body table's names are fields of the resource, or of the
// descendant that matches best (listsFields's count).
func bestMatch(v *view, ref model.TypeRef, params []model.Param) int {
	t := v.namedType(ref)
	if t == nil {
		return 0
	}
	best := 0
	for _, c := range append([]*goType{t}, t.Descendants...) {
		n := 0
		for _, p := range params {
			for _, f := range c.Fields {
				if f.Prop.Name == p.Name {
					n++
					break
				}
			}
		}
		best = max(best, n)
	}
	return best
}

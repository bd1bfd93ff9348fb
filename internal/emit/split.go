package emit

import (
	"go/token"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// goPackage is a workload package of a split client: the operations whose first path
// starts with one segment (/deviceAppManagement/...), and the models only they use.
type goPackage struct {
	Name    string // the Go package name, which is also its directory below the output
	Path    string // its import path
	Segment string // the first path segment as the docs spell it (deviceAppManagement); "" for the root
}

// assignPackages splits the client, when v.split, into the core package and one package
// per workload. An operation goes to the workload of its first path's first segment
// (/me joins /users), all its methods with it. A model goes to the one workload whose
// operations use it, directly or through other models' properties and, for a type used as
// a value, its derived types; a model two workloads use goes to the core, as does every
// model a core model refers to. A type with a Derived interface keeps its descendants in
// its own package (the interface's marker method is unexported), so if one of them is in
// the core, so are it and all the others. Workload packages import the core and never
// each other.
func (v *view) assignPackages() {
	if !v.split {
		return
	}
	pkgs := map[string]*goPackage{}
	byOp := map[*model.Operation]*goPackage{}
	for _, m := range v.methods {
		p := byOp[m.Op]
		if p == nil {
			name := workloadPackageName(m.Group, v.pkg)
			if p = pkgs[name]; p == nil {
				p = &goPackage{Name: name, Path: v.corePath + "/" + name}
				pkgs[name] = p
			}
			byOp[m.Op] = p
		}
		m.Pkg = p
	}
	// The segment as the docs spell it: from a path whose first segment is the group's
	// name (/users rather than /me, which joins it) when there is one, else any of its own.
	for _, exact := range []bool{true, false} {
		for _, m := range v.methods {
			if m.Pkg.Segment != "" || m.Group == "root" || len(m.Path.Segments) == 0 || workloadPackageName(m.Group, v.pkg) != m.Pkg.Name {
				continue
			}
			if lit, ok := m.Path.Segments[0].Literal(); ok && (!exact || strings.EqualFold(lit, m.Group)) {
				m.Pkg.Segment = lit
			}
		}
	}

	// users[t] lists the workload packages that reach t, in first-reached order.
	users := map[*goType][]*goPackage{}
	var reach func(t *goType, p *goPackage)
	reach = func(t *goType, p *goPackage) {
		if t == nil || slices.Contains(users[t], p) {
			return
		}
		users[t] = append(users[t], p)
		for _, f := range t.Fields {
			reach(v.namedType(f.Prop.Type), p)
		}
		for _, d := range t.Descendants {
			reach(d, p)
		}
	}
	for _, m := range v.methods {
		refs := []model.TypeRef{m.Op.Body.Type, bodyType(m.Op, m.Path), m.Op.Response.Type, m.Result}
		for _, prm := range m.Op.Params {
			refs = append(refs, prm.Type)
		}
		for _, r := range refs {
			if r.Kind == model.KindNamed {
				reach(v.namedType(r), m.Pkg)
			}
		}
	}
	for _, t := range v.types {
		if len(users[t]) == 1 && t.Model.Documented {
			t.Pkg = users[t][0]
		}
	}
	// The core is closed under references; a Derived interface's family shares a package.
	for changed := true; changed; {
		changed = false
		toCore := func(t *goType) {
			if t != nil && t.Pkg != nil {
				t.Pkg, changed = nil, true
			}
		}
		for _, t := range v.types {
			if t.Pkg == nil {
				for _, f := range t.Fields {
					toCore(v.namedType(f.Prop.Type))
				}
			}
			if t.Iface == "" {
				continue
			}
			family := append([]*goType{t}, t.Descendants...)
			if slices.ContainsFunc(family, func(d *goType) bool { return d.Pkg != t.Pkg }) {
				for _, d := range family {
					toCore(d)
				}
			}
		}
	}
}

// workloadPackageName makes a workload's Go package name from its group: lower-case letters and
// digits, never a keyword, the core package's name, a name starting with a digit, or a
// directory name the go command treats specially (internal, testdata, vendor).
func workloadPackageName(group, core string) string {
	switch group {
	case core, "internal", "testdata", "vendor":
		return "api" + group
	}
	if group == "" || group[0] >= '0' && group[0] <= '9' || token.IsKeyword(group) {
		return "api" + group
	}
	return strings.ToLower(group)
}

// packages lists the workload packages in name order.
func (v *view) packages() []*goPackage {
	var out []*goPackage
	for _, m := range v.methods {
		if m.Pkg != nil && !slices.Contains(out, m.Pkg) {
			out = append(out, m.Pkg)
		}
	}
	slices.SortFunc(out, func(a, b *goPackage) int { return strings.Compare(a.Name, b.Name) })
	return out
}

package emit

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Which files and folders below the output folder a generation owns: the ones it may
// write into, overwrite and remove (see files.go).

// hasHeader reports whether the file at path starts with the generated-code header.
func hasHeader(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, len(Header)+1)
	_, err = io.ReadFull(f, b)
	return err == nil && string(b) == Header+"\n"
}

// ours reports whether a file is one graphdocgen wrote: a *_gen.go file starting with the
// generated-code header.
func ours(path string) bool {
	return strings.HasSuffix(path, "_gen.go") && hasHeader(path)
}

// folder is what a run knows of a folder below the output folder.
type folder struct {
	foreign bool // it has a manifest of its own: another generation's
	root    bool // it holds a whole generated client (a runtime file but client_gen.go)
	gen     bool // it holds files graphdocgen generated
	hand    bool // it holds Go files graphdocgen did not generate
}

// inspect reads a folder's ownership marks.
func inspect(path string) (folder, error) {
	var f folder
	entries, err := os.ReadDir(path)
	if err != nil {
		return f, err
	}
	runtime := RuntimeFiles()
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == ManifestName:
			f.foreign = true
		case !e.Type().IsRegular() || !strings.HasSuffix(name, ".go"):
		case ours(filepath.Join(path, name)):
			f.gen = true
			if name != "client_gen.go" && slices.Contains(runtime, name) {
				f.root = true
			}
		default:
			f.hand = true
		}
	}
	return f, nil
}

// owners answers, for one plan, which folders below the output folder a generation may
// write into and remove from, reading each folder once.
type owners struct {
	dir     string
	old     []string // the previous manifest's names
	hasOld  bool     // whether there is a previous manifest
	folders map[string]folder
}

func (o *owners) folder(rel string) (folder, error) {
	if f, ok := o.folders[rel]; ok {
		return f, nil
	}
	f, err := inspect(filepath.Join(o.dir, filepath.FromSlash(rel)))
	if err != nil {
		return f, err
	}
	o.folders[rel] = f
	return f, nil
}

// listed reports whether the previous manifest lists a file in folder rel.
func (o *owners) listed(rel string) bool {
	return slices.ContainsFunc(o.old, func(n string) bool { return strings.HasPrefix(n, rel+"/") })
}

// writable returns an error unless name may be written: every folder on its way is a folder
// (or absent), none of them belongs to another generation, and a subfolder that holds
// hand-written Go is one this generation wrote into before.
func (o *owners) writable(name string) error {
	els := strings.Split(name, "/")
	for i := 1; i < len(els); i++ {
		rel := strings.Join(els[:i], "/")
		p := filepath.Join(o.dir, filepath.FromSlash(rel))
		fi, err := os.Lstat(p)
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if !fi.IsDir() {
			return fmt.Errorf("%s is in the way: graphdocgen would write %s in a folder there", p, name)
		}
		f, err := o.folder(rel)
		if err != nil {
			return err
		}
		if f.foreign {
			return fmt.Errorf("%s belongs to another generation (it has its own %s); not writing %s into it", p, ManifestName, name)
		}
		if f.hand && !f.gen && !o.listed(rel) {
			return fmt.Errorf("%s holds hand-written Go and graphdocgen did not generate into it; not writing %s there", p, name)
		}
	}
	return nil
}

// removable reports whether a stale name may be removed: a file graphdocgen wrote, in no
// folder of another generation.
func (o *owners) removable(name string) (bool, error) {
	els := strings.Split(name, "/")
	for i := 1; i < len(els); i++ {
		rel := strings.Join(els[:i], "/")
		fi, err := os.Lstat(filepath.Join(o.dir, filepath.FromSlash(rel)))
		if err != nil || !fi.IsDir() {
			return false, nil // gone already, or not ours to look into
		}
		f, err := o.folder(rel)
		if err != nil {
			return false, err
		}
		if f.foreign {
			return false, nil
		}
	}
	p := filepath.Join(o.dir, filepath.FromSlash(name))
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return false, nil
	}
	return ours(p), nil
}

// legacy lists the candidates for removal in a folder generated before manifests existed:
// the generated files in it, and in each folder right below it (a workload package of a
// split client) that has no manifest of its own, holds no whole client (a generation of its
// own) and no hand-written Go.
func (o *owners) legacy() ([]string, error) {
	entries, err := os.ReadDir(o.dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		switch {
		case e.Type().IsRegular():
			if ours(filepath.Join(o.dir, e.Name())) {
				out = append(out, e.Name())
			}
		case e.IsDir() && !strings.HasPrefix(e.Name(), "."):
			f, err := o.folder(e.Name())
			if err != nil {
				return nil, err
			}
			if f.foreign || f.root || f.hand || !f.gen {
				continue
			}
			sub, err := os.ReadDir(filepath.Join(o.dir, e.Name()))
			if err != nil {
				return nil, err
			}
			for _, s := range sub {
				if s.Type().IsRegular() && ours(filepath.Join(o.dir, e.Name(), s.Name())) {
					out = append(out, e.Name()+"/"+s.Name())
				}
			}
		}
	}
	return out, nil
}

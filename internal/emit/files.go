package emit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
)

// This file (with manifest.go and lock_*.go) is the only code that touches the output
// directory.
//
// How a write works. Write(dir) takes a lock on dir, recovers what an interrupted run left
// (see recover), and plans: the files that are new or changed, the stale files to remove
// (only those the previous manifest lists; see plan), and the new manifest. Then:
//
//  1. Stage: every new or changed file, and the manifest, is written and fsynced under
//     dir/.graphdocgen/new/, on dir's file system. Any failure here removes the staging
//     folder and leaves dir as it was.
//  2. Commit: a journal listing every rename and removal is written to
//     .graphdocgen/journal.tmp, fsynced, and renamed to .graphdocgen/journal. That rename is
//     the commit point: from then on the new generation wins.
//  3. Apply: the staged files are renamed into place, the stale ones removed, the manifest
//     renamed last; the folders are fsynced and the journal removed.
//  4. Clean up: the (now empty) staging folder is removed.
//
// A run killed in 1 leaves the old generation and a staging folder without a journal,
// which the next run removes. A run killed in 3 leaves a mixture of old and new files with
// the journal beside them, which the next run (Write or Diff) finishes first, so the folder
// ends as the whole new generation. Nothing can make several files of one Go package
// change at one instant, so between such a kill and the next run the mixture is on disk;
// the apply step is only renames and removals, so the window is short.

func sortFiles(fs Files) {
	slices.SortFunc(fs, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
}

// The phases of a write, which the test hook is told.
const (
	phaseRecover = "recover" // finishing or removing what an interrupted run left
	phaseStage   = "stage"   // writing the staging folder and the journal: dir is untouched
	phaseCommit  = "commit"  // the journal is committed: renames and removals in dir
	phaseCleanup = "cleanup" // dir holds the new generation; removing the staging folder
)

// hook is called before each step that changes the file system, with the step's phase; an
// error it returns fails the step. Only tests pass one (to inject faults or kill the
// process); Write and Diff pass nil.
type hook func(phase string) error

// writer carries the output folder and the hook through a write or a recovery.
type writer struct {
	dir  string
	hook hook
}

func (w *writer) step(phase string) error {
	if w.hook == nil {
		return nil
	}
	return w.hook(phase)
}

func (w *writer) staging() string { return filepath.Join(w.dir, stagingName) }

// path turns a slash-separated name inside the output folder into a file path.
func (w *writer) path(name string) string { return filepath.Join(w.dir, filepath.FromSlash(name)) }

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

// put is a file a plan writes: its name, new content, and the content it replaces.
type put struct {
	name    string
	data    []byte
	old     []byte
	existed bool
}

// plan is what a write changes in the output folder; Diff shows the same.
type plan struct {
	puts []put    // new and changed files, the manifest last
	dels []string // stale generated files
}

// plan reads dir and works out the writes and removals that make it hold fs, without
// changing anything. It fails when a file would overwrite one graphdocgen did not write, a
// file or another generation's folder is in the way, or a subfolder of hand-written Go
// would be written into.
func (fs Files) plan(dir string) (*plan, error) {
	names := make([]string, 0, len(fs))
	for _, f := range fs {
		if !validName(f.Name) {
			return nil, fmt.Errorf("emitted file name %q is not a plain relative name", f.Name)
		}
		names = append(names, f.Name)
	}
	slices.Sort(names)
	for i := 1; i < len(names); i++ {
		if names[i] == names[i-1] {
			return nil, fmt.Errorf("emitted file %s twice", names[i])
		}
	}
	old, hasOld, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	o := &owners{dir: dir, old: old, hasOld: hasOld, folders: map[string]folder{}}
	p := &plan{}
	for _, f := range fs {
		if err := o.writable(f.Name); err != nil {
			return nil, err
		}
		target := filepath.Join(dir, filepath.FromSlash(f.Name))
		fi, err := os.Lstat(target)
		switch {
		case errors.Is(err, os.ErrNotExist):
			p.puts = append(p.puts, put{name: f.Name, data: f.Data})
			continue
		case err != nil:
			return nil, err
		case !fi.Mode().IsRegular():
			return nil, fmt.Errorf("%s is in the way: it is not a regular file", target)
		}
		cur, err := os.ReadFile(target)
		if err != nil {
			return nil, err
		}
		if !strings.HasSuffix(f.Name, "_gen.go") || !bytes.HasPrefix(cur, []byte(Header+"\n")) {
			return nil, fmt.Errorf("%s exists and was not generated by graphdocgen; not overwriting it", target)
		}
		if !bytes.Equal(cur, f.Data) {
			p.puts = append(p.puts, put{name: f.Name, data: f.Data, old: cur, existed: true})
		}
	}
	candidates := old
	if !hasOld {
		if candidates, err = o.legacy(); err != nil {
			return nil, err
		}
	}
	for _, name := range candidates {
		if _, found := slices.BinarySearch(names, name); found {
			continue
		}
		ok, err := o.removable(name)
		if err != nil {
			return nil, err
		}
		if ok {
			p.dels = append(p.dels, name)
		}
	}
	slices.Sort(p.dels)
	p.dels = slices.Compact(p.dels)
	manifest := manifestData(names)
	mpath := filepath.Join(dir, ManifestName)
	cur, err := os.ReadFile(mpath)
	switch {
	case errors.Is(err, os.ErrNotExist):
		p.puts = append(p.puts, put{name: ManifestName, data: manifest})
	case err != nil:
		return nil, err
	case !bytes.Equal(cur, manifest):
		p.puts = append(p.puts, put{name: ManifestName, data: manifest, old: cur, existed: true})
	}
	return p, nil
}

// ops are the plan's steps in the order the journal lists them: the new and changed files,
// the removals, then the manifest.
func (p *plan) ops() []op {
	var out []op
	var manifest []op
	for _, pt := range p.puts {
		if pt.name == ManifestName {
			manifest = append(manifest, op{name: pt.name})
		} else {
			out = append(out, op{name: pt.name})
		}
	}
	for _, d := range p.dels {
		out = append(out, op{del: true, name: d})
	}
	return append(out, manifest...)
}

// Write makes dir hold fs: all or nothing, and safe against the process being killed at
// any point (see the top of this file). It writes only files that are new or changed,
// removes only stale files the previous generation's manifest lists (or, in a folder from
// before manifests, stale *_gen.go files with the generated-code header), and records the
// new generation in dir's manifest. A file without the generated-code header is never
// overwritten or removed, and a subfolder with a manifest of its own (another generation)
// is never touched.
func (fs Files) Write(dir string) error { return fs.write(dir, nil) }

func (fs Files) write(dir string, h hook) error {
	w := &writer{dir: dir, hook: h}
	created, err := mkdirAll(dir)
	if err != nil {
		return err
	}
	unlock, err := lockDir(dir)
	if err != nil {
		removeCreated(dir, created)
		return err
	}
	defer unlock()
	if err := w.recover(); err != nil {
		return err
	}
	p, err := fs.plan(dir)
	if err != nil {
		removeCreated(dir, created)
		return err
	}
	if len(p.puts) == 0 && len(p.dels) == 0 {
		return nil
	}
	ops := p.ops()
	if err := w.stage(p, ops); err != nil {
		if rerr := os.RemoveAll(w.staging()); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			err = errors.Join(err, rerr)
		}
		removeCreated(dir, created)
		return err
	}
	if err := w.apply(ops, phaseCommit, phaseCleanup); err != nil {
		return fmt.Errorf("%w: the new generation is committed in %s, and the next graphdocgen run on %s finishes putting it in place",
			err, filepath.Join(w.staging(), journalName), dir)
	}
	return nil
}

// mkdirAll makes dir and returns the topmost folder it had to create ("" when dir existed).
func mkdirAll(dir string) (string, error) {
	top := ""
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || !errors.Is(err, os.ErrNotExist) {
			break
		}
		top = d
		if filepath.Dir(d) == d {
			break
		}
	}
	return top, os.MkdirAll(dir, 0o755)
}

// removeCreated removes the folders mkdirAll created for a write that failed, if empty.
func removeCreated(dir, top string) {
	if top == "" {
		return
	}
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if os.Remove(d) != nil || d == top || filepath.Dir(d) == d {
			return
		}
	}
}

// stage writes the new and changed files and the manifest under the staging folder, then
// commits the journal listing ops. Until the journal's rename, dir itself is untouched.
func (w *writer) stage(p *plan, ops []op) error {
	st := w.staging()
	root := filepath.Join(st, stagedDir)
	if err := w.step(phaseStage); err != nil {
		return err
	}
	if err := os.Mkdir(st, 0o755); err != nil {
		return err
	}
	if err := w.step(phaseStage); err != nil {
		return err
	}
	if err := os.Mkdir(root, 0o755); err != nil {
		return err
	}
	dirs := map[string]bool{st: true, root: true}
	for _, pt := range p.puts {
		target := filepath.Join(root, filepath.FromSlash(pt.name))
		if d := filepath.Dir(target); !dirs[d] {
			if err := w.step(phaseStage); err != nil {
				return err
			}
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			dirs[d] = true
		}
		if err := w.step(phaseStage); err != nil {
			return err
		}
		if err := writeSynced(target, pt.data); err != nil {
			return fmt.Errorf("writing %s: %w", pt.name, err)
		}
	}
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		syncDir(d)
	}
	tmp := filepath.Join(st, journalTemp)
	if err := w.step(phaseStage); err != nil {
		return err
	}
	if err := writeSynced(tmp, journalData(ops)); err != nil {
		return fmt.Errorf("writing the journal: %w", err)
	}
	if err := w.step(phaseStage); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(st, journalName)); err != nil {
		return err
	}
	syncDir(st)
	return nil
}

// apply carries out a committed journal's ops, then removes the journal (in phase) and the
// staging folder (in cleanup). It can run again after being killed part way: a staged file
// already renamed is gone from the staging folder and present at its target.
func (w *writer) apply(ops []op, phase, cleanup string) error {
	root := filepath.Join(w.staging(), stagedDir)
	touched := map[string]bool{w.dir: true}
	for _, o := range ops {
		target := w.path(o.name)
		parent := filepath.Dir(target)
		if o.del {
			if err := w.step(phase); err != nil {
				return err
			}
			if err := os.Remove(target); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
			touched[parent] = true
			if parent != filepath.Clean(w.dir) {
				if err := w.step(phase); err != nil {
					return err
				}
				if os.Remove(parent) == nil { // a workload package that is gone, once nothing else is in it
					delete(touched, parent)
				}
			}
			continue
		}
		if parent != filepath.Clean(w.dir) {
			if err := w.step(phase); err != nil {
				return err
			}
			if err := os.MkdirAll(parent, 0o755); err != nil {
				return err
			}
		}
		if err := w.step(phase); err != nil {
			return err
		}
		src := filepath.Join(root, filepath.FromSlash(o.name))
		if err := os.Rename(src, target); err != nil {
			_, serr := os.Lstat(src)
			_, terr := os.Lstat(target)
			if !errors.Is(serr, os.ErrNotExist) || terr != nil {
				return err
			}
			// renamed before an earlier run was killed
		}
		touched[parent] = true
	}
	for _, d := range slices.Sorted(maps.Keys(touched)) {
		syncDir(d)
	}
	if err := w.step(phase); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(w.staging(), journalName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := w.step(cleanup); err != nil {
		return err
	}
	if err := os.RemoveAll(w.staging()); err != nil {
		return err
	}
	syncDir(w.dir)
	return nil
}

// recover finishes or removes what an interrupted run left in w.dir: a committed journal
// is carried out to the end (the folder ends as the whole new generation), a staging
// folder without one is removed (the old generation stays), and the temporary files of
// graphdocgen's earlier writes (.NAME_gen.go.123.tmp) are removed.
func (w *writer) recover() error {
	st := w.staging()
	fi, err := os.Lstat(st)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("%s is in the way: graphdocgen stages its writes in a folder there", st)
	default:
		data, err := os.ReadFile(filepath.Join(st, journalName))
		switch {
		case err == nil:
			ops, err := parseJournal(bytes.NewReader(data))
			if err != nil {
				return fmt.Errorf("%s: %v: an interrupted graphdocgen run left it and it cannot be finished; delete %s and regenerate",
					filepath.Join(st, journalName), err, st)
			}
			if err := w.apply(ops, phaseRecover, phaseRecover); err != nil {
				return fmt.Errorf("finishing the graphdocgen run interrupted in %s: %w", w.dir, err)
			}
		case errors.Is(err, os.ErrNotExist):
			if err := w.step(phaseRecover); err != nil {
				return err
			}
			if err := os.RemoveAll(st); err != nil {
				return err
			}
		default:
			return err
		}
	}
	return w.removeOldTemps()
}

// oldTemp matches the temporary files of graphdocgen's writes before the staging folder.
var oldTemp = regexp.MustCompile(`^\..+_gen\.go\.[0-9]+\.tmp$`)

// removeOldTemps removes the temporary files earlier versions of graphdocgen left when they
// were killed: in w.dir, and in the folders right below it that have no manifest of their own.
func (w *writer) removeOldTemps() error {
	top, err := os.ReadDir(w.dir)
	if err != nil {
		return err
	}
	dirs := []string{w.dir}
	for _, e := range top {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !hasManifest(filepath.Join(w.dir, e.Name())) {
			dirs = append(dirs, filepath.Join(w.dir, e.Name()))
		}
	}
	for _, d := range dirs {
		entries, err := os.ReadDir(d)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if p := filepath.Join(d, e.Name()); e.Type().IsRegular() && oldTemp.MatchString(e.Name()) && hasHeader(p) {
				if err := w.step(phaseRecover); err != nil {
					return err
				}
				if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
					return err
				}
			}
		}
	}
	return nil
}

// recoverDir locks dir and recovers what an interrupted run left there.
func recoverDir(dir string, h hook) error {
	unlock, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer unlock()
	w := &writer{dir: dir, hook: h}
	return w.recover()
}

// writeSynced writes a new file (0644) and fsyncs it.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644) // whatever the umask, as the files in place are
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir fsyncs a folder, so the names created, renamed or removed in it are on disk.
// Some systems cannot sync a folder; that is not an error.
func syncDir(path string) {
	if f, err := os.Open(path); err == nil {
		_ = f.Sync()
		f.Close()
	}
}

// Change is one difference between the emitted files and a directory.
type Change struct {
	Name string // file name
	Kind string // "added", "removed" or "changed"
	Diff string // unified diff from the file on disk to the emitted one
}

// Diff compares the files with what dir holds, without writing them: the files Write would
// add or change (the manifest among them) and the stale files it would remove. Files in a
// subfolder of another generation are not compared. Like Write, it first finishes or
// removes what an interrupted run left in dir; that is the only thing it writes.
func (fs Files) Diff(dir string) ([]Change, error) {
	if _, err := os.Stat(dir); err == nil {
		unlock, err := lockDir(dir) // held while comparing, so a write running beside is seen whole
		if err != nil {
			return nil, err
		}
		defer unlock()
		if err := (&writer{dir: dir}).recover(); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	p, err := fs.plan(dir)
	if err != nil {
		return nil, err
	}
	var out []Change
	for _, pt := range p.puts {
		path := filepath.Join(dir, filepath.FromSlash(pt.name))
		if pt.existed {
			out = append(out, Change{Name: pt.name, Kind: "changed", Diff: unifiedDiff(path, path, pt.old, pt.data)})
		} else {
			out = append(out, Change{Name: pt.name, Kind: "added", Diff: unifiedDiff("/dev/null", path, nil, pt.data)})
		}
	}
	for _, name := range p.dels {
		path := filepath.Join(dir, filepath.FromSlash(name))
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		out = append(out, Change{Name: name, Kind: "removed", Diff: unifiedDiff(path, "/dev/null", data, nil)})
	}
	slices.SortFunc(out, func(a, b Change) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// unifiedDiff is the unified diff (GNU "diff -u" form, 3 lines of context) turning old into
// new, with headers "--- oldName" and "+++ newName"; "" when they are equal. go-udiff
// computes it; its edits always apply to old, so ToUnified cannot fail, but should it, the
// diff says so rather than dropping the change.
func unifiedDiff(oldName, newName string, old, new []byte) string {
	o, n := string(old), string(new)
	if o == n {
		return ""
	}
	d, err := udiff.ToUnified(oldName, newName, o, udiff.Lines(o, n), udiff.DefaultContextLines)
	if err != nil {
		return fmt.Sprintf("--- %s\n+++ %s\n(no diff: %v)\n", oldName, newName, err)
	}
	return d
}

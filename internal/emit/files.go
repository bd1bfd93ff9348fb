package emit

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// This file, with ownership.go, plan.go, recover.go, diff.go, manifest.go and lock_*.go, is
// the only code that touches the output directory.
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

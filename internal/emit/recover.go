package emit

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Recovery: finishing or removing what an interrupted run left in the output folder, before
// a write or a diff (see files.go).

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

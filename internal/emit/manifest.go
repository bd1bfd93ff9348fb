package emit

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// The names graphdocgen keeps in an output folder besides the files it generates. Both
// start with a dot, so the go command ignores them.
const (
	// ManifestName is the file that lists, one a line, every file the last run wrote into
	// its folder (and, with --split, into the workload packages below it). Only the files it
	// lists are ever removed as stale, and a folder that has one of its own belongs to its
	// own generation: another generation's run never touches it.
	ManifestName = ".graphdocgen-manifest"

	// stagingName is the folder a run stages the new generation in, and keeps its journal
	// in, while it writes. It exists only while a run writes, or after a run was killed; the
	// next run recovers it (see recoverDir).
	stagingName = ".graphdocgen"

	// In the staging folder: the new files, under the names they will have in the output
	// folder, and the journal, which is the commit marker.
	stagedDir   = "new"
	journalName = "journal"
	journalTemp = "journal.tmp"
)

const (
	manifestComment = "# Written by graphdocgen: the files it generated in this folder. It removes only these when they go stale."
	journalHeader   = "graphdocgen journal 1"
	journalEnd      = "end"
)

// manifestData is the manifest for a generation of the given file names (sorted).
func manifestData(names []string) []byte {
	var b bytes.Buffer
	b.WriteString(manifestComment + "\n")
	for _, n := range names {
		b.WriteString(n + "\n")
	}
	return b.Bytes()
}

// readManifest reads the manifest in dir: the names it lists, and whether there is one.
func readManifest(dir string) ([]string, bool, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var names []string
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !validName(line) {
			return nil, false, fmt.Errorf("%s:%d: %q is not a file name graphdocgen writes; fix or delete the manifest",
				filepath.Join(dir, ManifestName), i+1, line)
		}
		names = append(names, line)
	}
	return names, true, nil
}

// hasManifest reports whether dir holds a manifest of its own.
func hasManifest(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ManifestName))
	return err == nil
}

// validName reports whether name is one graphdocgen may write: a relative, clean,
// slash-separated path inside the output folder, none of whose elements starts with a dot
// (so it can never be the manifest, the staging folder, or a folder Go ignores).
func validName(name string) bool {
	if name == "" || strings.ContainsAny(name, "\\\n\r\x00") || path.Clean(name) != name || !filepath.IsLocal(name) {
		return false
	}
	for _, el := range strings.Split(name, "/") {
		if el == "" || strings.HasPrefix(el, ".") {
			return false
		}
	}
	return true
}

// op is one step of a commit: put renames a staged file into place, del removes a stale one.
type op struct {
	del  bool
	name string
}

// journalData is the journal listing the ops of a commit, in order.
func journalData(ops []op) []byte {
	var b bytes.Buffer
	b.WriteString(journalHeader + "\n")
	for _, o := range ops {
		if o.del {
			b.WriteString("del " + o.name + "\n")
		} else {
			b.WriteString("put " + o.name + "\n")
		}
	}
	b.WriteString(journalEnd + "\n")
	return b.Bytes()
}

// parseJournal reads a journal. One that lacks its header or end line is refused rather
// than half obeyed: it is written in full to a temporary name and only then renamed, so it
// can only be incomplete if something other than graphdocgen changed it.
func parseJournal(r io.Reader) ([]op, error) {
	sc := bufio.NewScanner(r)
	var ops []op
	header, end := false, false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case !header:
			if line != journalHeader {
				return nil, fmt.Errorf("not a graphdocgen journal (first line %q)", line)
			}
			header = true
		case end:
			return nil, fmt.Errorf("text after the end line: %q", line)
		case line == journalEnd:
			end = true
		default:
			verb, name, _ := strings.Cut(line, " ")
			if (verb != "put" && verb != "del") || !(validName(name) || name == ManifestName) {
				return nil, fmt.Errorf("bad line %q", line)
			}
			ops = append(ops, op{del: verb == "del", name: name})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !end {
		return nil, errors.New("the journal is incomplete (no end line)")
	}
	return ops, nil
}

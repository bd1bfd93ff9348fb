package emit

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// gen is a generated file named name whose content says which generation wrote it.
func gen(name, version string) File {
	pkg := "graph"
	if d, _, ok := strings.Cut(name, "/"); ok {
		pkg = d
	}
	return File{Name: name, Data: []byte(Header + "\n\npackage " + pkg + "\n\n// " + name + " " + version + "\n")}
}

func files(version string, names ...string) Files {
	var out Files
	for _, n := range names {
		out = append(out, gen(n, version))
	}
	sortFiles(out)
	return out
}

// put writes files by hand (not through Write), making their folders.
func putFiles(t *testing.T, dir string, fs map[string]string) {
	t.Helper()
	for name, data := range fs {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot is every file (name: content) and folder (name/: "") below dir, but the staging
// folder.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
		case rel == stagingName:
			return filepath.SkipDir
		case d.IsDir():
			out[rel+"/"] = ""
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// leftovers lists what an interrupted write may leave: the staging folder and temporary
// files.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	if _, err := os.Lstat(filepath.Join(dir, stagingName)); err == nil {
		out = append(out, stagingName)
	}
	for name := range snapshot(t, dir) {
		if strings.HasSuffix(name, ".tmp") {
			out = append(out, name)
		}
	}
	return out
}

func mustWrite(t *testing.T, fs Files, dir string) {
	t.Helper()
	if err := fs.Write(dir); err != nil {
		t.Fatal(err)
	}
}

func changes(t *testing.T, fs Files, dir string) []string {
	t.Helper()
	cs, err := fs.Diff(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Kind+" "+c.Name)
	}
	return out
}

func sameSet(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

// TestManifest: Write records the generation in a manifest, which Diff expects; a write
// that changes nothing rewrites nothing.
func TestManifest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "graph")
	fs := files("v1", "client_gen.go", "a_gen.go", "w/w_gen.go")
	sameSet(t, "Diff of a folder that does not exist", changes(t, fs, dir),
		"added "+ManifestName, "added a_gen.go", "added client_gen.go", "added w/w_gen.go")
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("Diff made the folder: %v", err)
	}
	mustWrite(t, fs, dir)
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	if want := manifestComment + "\na_gen.go\nclient_gen.go\nw/w_gen.go\n"; string(b) != want {
		t.Errorf("manifest:\n%s\nwant:\n%s", b, want)
	}
	sameSet(t, "Diff right after Write", changes(t, fs, dir))
	if got := leftovers(t, dir); len(got) > 0 {
		t.Errorf("leftovers after Write: %v", got)
	}

	before, _ := os.Stat(filepath.Join(dir, "a_gen.go"))
	mustWrite(t, fs, dir)
	after, _ := os.Stat(filepath.Join(dir, "a_gen.go"))
	if !os.SameFile(before, after) {
		t.Error("writing the same generation again replaced a_gen.go")
	}
	// Only a changed file is replaced.
	fs2 := slices.Clone(fs)
	fs2[1] = gen("client_gen.go", "v2")
	sameSet(t, "Diff with one file changed", changes(t, fs2, dir), "changed client_gen.go")
	mustWrite(t, fs2, dir)
	after2, _ := os.Stat(filepath.Join(dir, "a_gen.go"))
	if !os.SameFile(before, after2) {
		t.Error("an unchanged file was replaced")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "client_gen.go")); !strings.Contains(string(b), "client_gen.go v2") {
		t.Errorf("client_gen.go not rewritten:\n%s", b)
	}
}

// TestStaleAndHandWritten: stale generated files (and a workload folder left empty) go,
// hand-written files stay, and so does a listed file whose header someone removed.
func TestStaleAndHandWritten(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, files("v1", "client_gen.go", "b_gen.go", "c_gen.go", "ga/ga_gen.go", "gc/gc_gen.go"), dir)
	hand := map[string]string{"extra.go": "package graph\n", "gc/extra.go": "package gc\n", "bench/bench_test.go": "package bench\n",
		"c_gen.go": "package graph // taken over by hand\n"}
	putFiles(t, dir, hand)
	fs := files("v2", "client_gen.go", "d_gen.go")
	sameSet(t, "Diff", changes(t, fs, dir), "changed "+ManifestName, "changed client_gen.go", "added d_gen.go",
		"removed b_gen.go", "removed ga/ga_gen.go", "removed gc/gc_gen.go")
	mustWrite(t, fs, dir)
	got := snapshot(t, dir)
	want := map[string]string{"client_gen.go": string(gen("client_gen.go", "v2").Data), "d_gen.go": string(gen("d_gen.go", "v2").Data),
		ManifestName: string(manifestData([]string{"client_gen.go", "d_gen.go"})), "gc/": "", "bench/": ""}
	maps.Copy(want, hand)
	if !maps.Equal(got, want) {
		t.Errorf("after Write:\n got  %v\n want %v", keys(got), keys(want))
	}
}

func keys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }

// TestAnotherGeneration: graph/ and graph/beta/ generated separately; regenerating graph/
// leaves graph/beta/ alone and Diff does not see it; writing into it is refused.
func TestAnotherGeneration(t *testing.T) {
	dir := t.TempDir()
	beta := filepath.Join(dir, "beta")
	mustWrite(t, files("v1", "client_gen.go", "edm_gen.go", "x_gen.go"), beta)
	betaBefore := snapshot(t, beta)
	mustWrite(t, files("v1", "client_gen.go", "old_gen.go"), dir)
	mustWrite(t, files("v2", "client_gen.go", "new_gen.go"), dir)
	if got := snapshot(t, beta); !maps.Equal(got, betaBefore) {
		t.Errorf("regenerating the parent changed beta/: %v, was %v", keys(got), keys(betaBefore))
	}
	sameSet(t, "Diff of the parent", changes(t, files("v2", "client_gen.go", "new_gen.go"), dir))
	if _, err := os.Stat(filepath.Join(dir, "old_gen.go")); !os.IsNotExist(err) {
		t.Errorf("old_gen.go should be removed: %v", err)
	}

	// A split generation with a workload named beta would write into it: refused, nothing changed.
	before := snapshot(t, dir)
	err := files("v3", "client_gen.go", "beta/beta_gen.go").Write(dir)
	if err == nil || !strings.Contains(err.Error(), "belongs to another generation") {
		t.Errorf("writing into another generation's folder: %v", err)
	}
	if got := snapshot(t, dir); !maps.Equal(got, before) || len(leftovers(t, dir)) > 0 {
		t.Errorf("a refused write changed the folder")
	}
	if _, err := files("v3", "client_gen.go", "beta/beta_gen.go").Diff(dir); err == nil {
		t.Error("Diff does not refuse what Write refuses")
	}
}

// TestHandWrittenSubfolder: a subfolder of hand-written Go is never written into.
func TestHandWrittenSubfolder(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, files("v1", "client_gen.go"), dir)
	putFiles(t, dir, map[string]string{"users/helpers.go": "package users\n"})
	before := snapshot(t, dir)
	err := files("v2", "client_gen.go", "users/users_gen.go").Write(dir)
	if err == nil || !strings.Contains(err.Error(), "hand-written Go") {
		t.Errorf("writing into a hand-written package: %v", err)
	}
	if got := snapshot(t, dir); !maps.Equal(got, before) {
		t.Error("the refused write changed the folder")
	}
	// One this generation wrote into before stays writable when hand-written Go is added.
	mustWrite(t, files("v2", "client_gen.go", "gadgets/gadgets_gen.go"), dir)
	putFiles(t, dir, map[string]string{"gadgets/extra.go": "package gadgets\n"})
	mustWrite(t, files("v3", "client_gen.go", "gadgets/gadgets_gen.go"), dir)
}

// TestLegacyFolder: a folder generated before manifests: stale *_gen.go files with the
// header go, in the folder and in workload subfolders, but not in a subfolder holding a
// whole client, hand-written Go or a manifest of its own.
func TestLegacyFolder(t *testing.T) {
	dir := t.TempDir()
	old := map[string]string{}
	for _, n := range []string{"client_gen.go", "b_gen.go", "ga/client_gen.go", "ga/ga_gen.go",
		"beta/client_gen.go", "beta/edm_gen.go", "mixed/mixed_gen.go", "owned/o_gen.go"} {
		old[n] = string(gen(n, "v1").Data)
	}
	old["mixed/hand.go"] = "package mixed\n"
	old["nohdr_gen.go"] = "package graph // no header\n"
	putFiles(t, dir, old)
	mustWrite(t, files("v1", "x_gen.go"), filepath.Join(dir, "owned")) // owned/ has a manifest of its own
	delete(old, "owned/o_gen.go")
	fs := files("v2", "client_gen.go")
	sameSet(t, "Diff", changes(t, fs, dir), "added "+ManifestName, "changed client_gen.go",
		"removed b_gen.go", "removed ga/client_gen.go", "removed ga/ga_gen.go")
	mustWrite(t, fs, dir)
	got := snapshot(t, dir)
	for _, n := range []string{"b_gen.go", "ga/", "ga/ga_gen.go"} {
		if _, ok := got[n]; ok {
			t.Errorf("%s should be removed", n)
		}
	}
	for _, n := range []string{"beta/client_gen.go", "beta/edm_gen.go", "mixed/mixed_gen.go", "mixed/hand.go", "nohdr_gen.go", "owned/x_gen.go", ManifestName} {
		if _, ok := got[n]; !ok {
			t.Errorf("%s should be kept", n)
		}
	}
}

// TestInTheWay: whatever is in the way fails the write before it changes anything.
func TestInTheWay(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		setup      map[string]string // files put by hand; "dir/" makes a folder
	}{
		{"hand-written file at a generated name", "not generated by graphdocgen", map[string]string{"a_gen.go": "package graph\n"}},
		{"a folder at a generated name", "not a regular file", map[string]string{"a_gen.go/x": "x"}},
		{"a file where a workload folder goes", "is in the way", map[string]string{"w": "x"}},
		{"a file where the staging folder goes", "is in the way", map[string]string{stagingName: "x"}},
		{"a folder where the manifest goes", "is a directory", map[string]string{ManifestName + "/x": "x"}},
		{"a bad manifest", "not a file name graphdocgen writes", map[string]string{ManifestName: "../../etc/passwd\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			mustWrite(t, files("v1", "client_gen.go", "old_gen.go"), dir)
			if _, ok := tc.setup[ManifestName+"/x"]; ok {
				os.Remove(filepath.Join(dir, ManifestName))
			}
			putFiles(t, dir, tc.setup)
			before := snapshot(t, dir)
			err := files("v2", "a_gen.go", "client_gen.go", "w/w_gen.go").Write(dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
			if got := snapshot(t, dir); !maps.Equal(got, before) {
				t.Errorf("the failed write changed the folder: %v, was %v", keys(got), keys(before))
			}
			if _, err := os.Lstat(filepath.Join(dir, stagingName)); tc.setup[stagingName] == "" && err == nil {
				t.Error("the staging folder is left")
			}
		})
	}
	t.Run("out is a file", func(t *testing.T) {
		f := filepath.Join(t.TempDir(), "out")
		putFiles(t, filepath.Dir(f), map[string]string{"out": "x"})
		if err := files("v1", "a_gen.go").Write(f); err == nil {
			t.Error("no error")
		}
	})
	t.Run("unwritable out", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root writes to read-only folders; the fault-injection tests cover failing steps")
		}
		dir := t.TempDir()
		mustWrite(t, files("v1", "a_gen.go"), dir)
		before := snapshot(t, dir)
		os.Chmod(dir, 0o555)
		defer os.Chmod(dir, 0o755)
		if err := files("v2", "a_gen.go").Write(dir); err == nil {
			t.Error("no error")
		}
		if got := snapshot(t, dir); !maps.Equal(got, before) {
			t.Error("the failed write changed the folder")
		}
	})
	t.Run("new out folder removed on failure", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "a", "b")
		fs := Files{{Name: "x_gen.go", Data: []byte("x")}, {Name: "x_gen.go", Data: []byte("y")}}
		if err := fs.Write(out); err == nil {
			t.Error("no error for a name emitted twice")
		}
		if _, err := os.Stat(filepath.Dir(out)); !os.IsNotExist(err) {
			t.Errorf("the folders made for a failed write are left: %v", err)
		}
	})
}

// faultAt is a hook that fails the nth step and records each step's phase.
func faultAt(n int, phases *[]string) hook {
	return func(phase string) error {
		*phases = append(*phases, phase)
		if len(*phases) == n {
			return errors.New("injected fault")
		}
		return nil
	}
}

// TestFailingStep fails each step of a write in turn: a failure while staging leaves the
// old generation and no staging folder; one after the commit leaves the journal, which the
// next Write or Diff finishes.
func TestFailingStep(t *testing.T) {
	oldFS := files("v1", "client_gen.go", "a_gen.go", "b_gen.go", "ga/ga_gen.go")
	newFS := files("v2", "client_gen.go", "a_gen.go", "c_gen.go", "gb/gb_gen.go")
	setup := func(dir string) {
		mustWrite(t, oldFS, dir)
		putFiles(t, dir, map[string]string{"extra.go": "package graph\n"})
	}
	ref := t.TempDir()
	setup(ref)
	var all []string
	if err := newFS.write(ref, faultAt(0, &all)); err != nil {
		t.Fatal(err)
	}
	want := snapshot(t, ref)
	byPhase := map[string]int{}
	for n := 1; n <= len(all); n++ {
		dir := t.TempDir()
		setup(dir)
		old := snapshot(t, dir)
		var phases []string
		err := newFS.write(dir, faultAt(n, &phases))
		phase := phases[n-1]
		byPhase[phase]++
		if err == nil {
			t.Fatalf("step %d (%s): no error", n, phase)
		}
		if phase == phaseStage {
			if got := snapshot(t, dir); !maps.Equal(got, old) {
				t.Errorf("step %d (%s) failed: the folder changed: %v", n, phase, keys(got))
			}
			if l := leftovers(t, dir); len(l) > 0 {
				t.Errorf("step %d (%s) failed: leftovers %v", n, phase, l)
			}
			continue
		}
		if !strings.Contains(err.Error(), "next graphdocgen run") {
			t.Errorf("step %d (%s): the error does not say the next run finishes: %v", n, phase, err)
		}
		if n%2 == 0 { // recovered by Diff or by Write
			if cs := changes(t, newFS, dir); len(cs) > 0 {
				t.Errorf("step %d (%s): after recovery Diff shows %v", n, phase, cs)
			}
		} else {
			mustWrite(t, newFS, dir)
		}
		if got := snapshot(t, dir); !maps.Equal(got, want) {
			t.Errorf("step %d (%s): after recovery the folder is %v, want the new generation %v", n, phase, keys(got), keys(want))
		}
		if l := leftovers(t, dir); len(l) > 0 {
			t.Errorf("step %d (%s): leftovers after recovery %v", n, phase, l)
		}
	}
	t.Logf("failed each of %d steps: %v", len(all), byPhase)
	if byPhase[phaseStage] == 0 || byPhase[phaseCommit] == 0 || byPhase[phaseCleanup] == 0 {
		t.Errorf("steps by phase %v: every phase should have steps", byPhase)
	}
}

// TestLeftovers: what interrupted runs left is recovered or removed by the next run.
func TestLeftovers(t *testing.T) {
	oldFS := files("v1", "client_gen.go", "a_gen.go")
	newFS := files("v2", "client_gen.go", "b_gen.go")
	t.Run("uncommitted staging", func(t *testing.T) {
		dir := t.TempDir()
		mustWrite(t, oldFS, dir)
		old := snapshot(t, dir)
		putFiles(t, dir, map[string]string{stagingName + "/new/client_gen.go": "half", stagingName + "/" + journalTemp: journalHeader + "\n"})
		sameSet(t, "Diff against the old generation", changes(t, oldFS, dir))
		if l := leftovers(t, dir); len(l) > 0 || !maps.Equal(snapshot(t, dir), old) {
			t.Errorf("after Diff: leftovers %v", l)
		}
	})
	t.Run("committed journal", func(t *testing.T) {
		dir := t.TempDir()
		mustWrite(t, oldFS, dir)
		// What a run killed after its first rename leaves.
		ops := []op{{name: "client_gen.go"}, {name: "b_gen.go"}, {del: true, name: "a_gen.go"}, {name: ManifestName}}
		putFiles(t, dir, map[string]string{
			"client_gen.go":                      string(gen("client_gen.go", "v2").Data),
			stagingName + "/new/b_gen.go":        string(gen("b_gen.go", "v2").Data),
			stagingName + "/new/" + ManifestName: string(manifestData([]string{"b_gen.go", "client_gen.go"})),
			stagingName + "/" + journalName:      string(journalData(ops)),
		})
		sameSet(t, "Diff after the journal is finished", changes(t, newFS, dir))
		if l := leftovers(t, dir); len(l) > 0 {
			t.Errorf("leftovers %v", l)
		}
	})
	t.Run("a bad journal is not obeyed", func(t *testing.T) {
		dir := t.TempDir()
		mustWrite(t, oldFS, dir)
		putFiles(t, dir, map[string]string{stagingName + "/" + journalName: journalHeader + "\ndel a_gen.go\n"})
		err := newFS.Write(dir)
		if err == nil || !strings.Contains(err.Error(), "incomplete") {
			t.Errorf("error %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "a_gen.go")); err != nil {
			t.Errorf("a_gen.go: %v", err)
		}
	})
	t.Run("temporary files of earlier versions", func(t *testing.T) {
		dir := t.TempDir()
		mustWrite(t, oldFS, dir)
		putFiles(t, dir, map[string]string{
			".a_gen.go.123456.tmp": string(gen("a_gen.go", "v2").Data),
			"w/.w_gen.go.42.tmp":   string(gen("w/w_gen.go", "v2").Data),
			".notes.txt.1.tmp":     "mine\n",
			".b_gen.go.7.tmp":      "no header\n",
		})
		mustWrite(t, newFS, dir)
		got := snapshot(t, dir)
		for _, n := range []string{".a_gen.go.123456.tmp", "w/.w_gen.go.42.tmp"} {
			if _, ok := got[n]; ok {
				t.Errorf("%s is left", n)
			}
		}
		for _, n := range []string{".notes.txt.1.tmp", ".b_gen.go.7.tmp"} {
			if _, ok := got[n]; !ok {
				t.Errorf("%s was removed", n)
			}
		}
	})
}

func TestParseJournal(t *testing.T) {
	ops := []op{{name: "a_gen.go"}, {del: true, name: "w/b_gen.go"}, {name: ManifestName}}
	got, err := parseJournal(strings.NewReader(string(journalData(ops))))
	if err != nil || !slices.Equal(got, ops) {
		t.Errorf("round trip: %v %v", got, err)
	}
	for _, bad := range []string{"", "x\nend\n", journalHeader + "\nput ../x\nend\n", journalHeader + "\nmove a\nend\n",
		journalHeader + "\nput a_gen.go\n", journalHeader + "\nend\nput a_gen.go\n", journalHeader + "\nput .graphdocgen/x\nend\n"} {
		if _, err := parseJournal(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// BenchmarkWrite writes a generation of 1,000 files of 20 KB over the previous one (every
// file changed), each file fsynced.
func BenchmarkWrite(b *testing.B) {
	dir := b.TempDir()
	pad := strings.Repeat("// padding\n", 2000)
	mk := func(v int) Files {
		var fs Files
		for i := range 1000 {
			name := fmt.Sprintf("w%02d/f%03d_gen.go", i%20, i)
			fs = append(fs, File{Name: name, Data: []byte(Header + "\n\npackage x\n" + pad + strconv.Itoa(v) + "\n")})
		}
		sortFiles(fs)
		return fs
	}
	for i := 0; b.Loop(); i++ {
		if err := mk(i).Write(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrentWrites: runs writing one folder at once take turns; it ends holding one
// whole generation.
func TestConcurrentWrites(t *testing.T) {
	dir := t.TempDir()
	gens := []Files{files("v1", "client_gen.go", "a_gen.go", "w/w_gen.go"), files("v2", "client_gen.go", "b_gen.go", "x/x_gen.go")}
	var want []map[string]string
	for _, fs := range gens {
		ref := t.TempDir()
		mustWrite(t, fs, ref)
		want = append(want, snapshot(t, ref))
	}
	errs := make(chan error)
	for i := range 8 {
		go func() { errs <- gens[i%2].Write(dir) }()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	got := snapshot(t, dir)
	if !maps.Equal(got, want[0]) && !maps.Equal(got, want[1]) {
		t.Errorf("after concurrent writes the folder holds %v", keys(got))
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("leftovers: %v", l)
	}
}

package emit

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var kills = flag.Int("kills", 0, "TestKill: how many processes to kill at random steps (default: every step of a write once, then random ones, 40 kills; 250 with GRAPHDOCGEN_CORPUS=1)")

// The environment of a child process of TestKill: what to do, where, and at which step
// to kill itself.
const (
	killEnvMode = "GRAPHDOCGEN_KILLTEST_MODE" // "write" or "recover"
	killEnvDir  = "GRAPHDOCGEN_KILLTEST_DIR"
	killEnvAt   = "GRAPHDOCGEN_KILLTEST_AT"
)

func TestMain(m *testing.M) {
	if os.Getenv(killEnvMode) != "" {
		os.Exit(killChild())
	}
	os.Exit(m.Run())
}

// The generations of the kill test. The new one changes and keeps files, adds and removes
// some, adds a workload package and drops another; the folder also holds hand-written files,
// a folder of hand-written Go, and another generation's folder.
var (
	killOld = []string{"client_gen.go", "a_gen.go", "b_gen.go", "models_m_gen.go", "ga/client_gen.go", "ga/ga_gen.go", "gc/gc_gen.go"}
	killNew = []string{"client_gen.go", "a_gen.go", "c_gen.go", "models_m_gen.go", "gb/client_gen.go", "gb/gb_gen.go", "gc/gc_gen.go"}
)

func killNewFiles() Files {
	fs := files("v2", killNew...)
	for i := range fs {
		if fs[i].Name == "a_gen.go" || fs[i].Name == "models_m_gen.go" {
			fs[i] = gen(fs[i].Name, "v1") // unchanged
		}
	}
	return fs
}

// killSetup lays out the old generation in dir: written by Write, or (legacy) by hand
// with no manifest, as graphdocgen did before manifests.
func killSetup(t *testing.T, dir string, legacy bool) {
	t.Helper()
	old := files("v1", killOld...)
	if legacy {
		m := map[string]string{}
		for _, f := range old {
			m[f.Name] = string(f.Data)
		}
		putFiles(t, dir, m)
	} else {
		mustWrite(t, old, dir)
	}
	mustWrite(t, files("v1", "client_gen.go", "edm_gen.go", "beta_gen.go"), filepath.Join(dir, "beta"))
	putFiles(t, dir, map[string]string{"extra.go": "package graph\n", "gc/extra.go": "package gc\n", "bench/bench_test.go": "package bench\n"})
}

// killChild is the child process: it writes the new generation (or recovers) in the folder
// it is given and kills itself with SIGKILL before step n, saying on stdout in which phase.
func killChild() int {
	dir := os.Getenv(killEnvDir)
	at, err := strconv.Atoi(os.Getenv(killEnvAt))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	n := 0
	h := func(phase string) error {
		n++
		if n == at {
			fmt.Printf("killed %s\n", phase)
			p, err := os.FindProcess(os.Getpid())
			if err == nil {
				err = p.Kill()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
			time.Sleep(time.Minute) // SIGKILL arrives
		}
		return nil
	}
	if os.Getenv(killEnvMode) == "recover" {
		err = recoverDir(dir, h)
	} else {
		err = killNewFiles().write(dir, h)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("done")
	return 0
}

// runChild runs the test binary as a child that writes (or recovers) in dir and kills
// itself at step at; it returns the phase it was killed in, or "" when it finished.
func runChild(t *testing.T, mode, dir string, at int) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), killEnvMode+"="+mode, killEnvDir+"="+dir, killEnvAt+"="+strconv.Itoa(at))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	phase, killed := strings.CutPrefix(strings.TrimSpace(out.String()), "killed ")
	switch {
	case killed && err != nil && strings.Contains(err.Error(), "killed"):
		return phase
	case err == nil && strings.TrimSpace(out.String()) == "done":
		return ""
	}
	t.Fatalf("child %s at step %d: %v\nstdout: %s\nstderr: %s", mode, at, err, out.String(), errb.String())
	return ""
}

// TestKill kills a process writing a new generation over an old one at many steps (every
// step once, then random ones), and checks the folder after the kill and after the next
// run's recovery.
func TestKill(t *testing.T) {
	newFS := killNewFiles()
	// The steps of a whole write, and the old and new folders, for both kinds of old folder.
	type kind struct {
		steps    []string
		old, new map[string]string
	}
	kinds := map[bool]kind{}
	for _, legacy := range []bool{false, true} {
		dir := t.TempDir()
		killSetup(t, dir, legacy)
		k := kind{old: snapshot(t, dir)}
		if err := newFS.write(dir, func(p string) error { k.steps = append(k.steps, p); return nil }); err != nil {
			t.Fatal(err)
		}
		k.new = snapshot(t, dir)
		if maps.Equal(k.old, k.new) {
			t.Fatal("the new generation is the old one")
		}
		kinds[legacy] = k
	}

	// By default every step of a write once, then random steps up to 40; with
	// -kills or GRAPHDOCGEN_CORPUS=1 (make corpus) that many random steps.
	total, random := *kills, true
	switch {
	case total > 0:
	case os.Getenv("GRAPHDOCGEN_CORPUS") != "":
		total = 250
	default:
		total, random = max(40, len(kinds[false].steps)+4), false
	}
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 0))
	t.Logf("seed %d", seed)

	var (
		runs, randomRuns, mixturesAfterKill, mixturesAfter, leftoversAfter, recoveryKills int
		byPhase                                                                           = map[string]int{}
		afterKill                                                                         = map[string]int{}
	)
	for i := range total {
		// Every step of a write over a folder with a manifest first, then random steps of
		// either kind.
		legacy := i >= len(kinds[false].steps) && i%2 == 1
		k := kinds[legacy]
		at := i + 1
		if random || legacy || at > len(k.steps) {
			at = 1 + rng.IntN(len(k.steps)+1) // one past the last: the write finishes
			randomRuns++
		}
		dir := t.TempDir()
		killSetup(t, dir, legacy)
		phase := runChild(t, "write", dir, at)
		runs++
		if phase == "" {
			byPhase["none (finished)"]++
		} else {
			byPhase[phase]++
		}
		if want := stepPhase(k.steps, at); phase != want {
			t.Errorf("run %d: killed at step %d in phase %q, the dry run says %q", i, at, phase, want)
		}

		// After the kill: the whole old or new generation, or a mixture only beside a
		// committed journal.
		got := snapshot(t, dir)
		_, jerr := os.Stat(filepath.Join(dir, stagingName, journalName))
		committed := jerr == nil
		state := classify(got, k.old, k.new)
		switch {
		case state == "mixture" && committed:
			mixturesAfterKill++
		case state == "mixture":
			t.Errorf("run %d (legacy %v): killed at step %d (%s): a mixture with no committed journal: %v", i, legacy, at, phase, keys(got))
		}
		if committed {
			state += " + journal"
		}
		afterKill[state]++
		if committed && rng.IntN(2) == 0 {
			// Kill the recovery too, somewhere.
			if runChild(t, "recover", dir, 1+rng.IntN(12)) != "" {
				recoveryKills++
			}
		}

		// The next run recovers: Diff here, then Write.
		cs, err := newFS.Diff(dir)
		if err != nil {
			t.Fatalf("run %d: Diff after the kill: %v", i, err)
		}
		got = snapshot(t, dir)
		wantNew := phase != phaseStage
		if l := leftovers(t, dir); len(l) > 0 {
			leftoversAfter++
			t.Errorf("run %d: leftovers after recovery: %v", i, l)
		}
		switch state := classify(got, k.old, k.new); {
		case state == "mixture":
			mixturesAfter++
			t.Errorf("run %d (legacy %v): killed at step %d (%s): a mixture after recovery: %v", i, legacy, at, phase, keys(got))
		case (state == "new") != wantNew:
			t.Errorf("run %d: killed at step %d (%s): after recovery the folder holds the %s generation", i, at, phase, state)
		case (len(cs) == 0) != (state == "new"):
			t.Errorf("run %d: the %s generation, and Diff shows %d changes", i, state, len(cs))
		}
		if err := newFS.Write(dir); err != nil {
			t.Fatalf("run %d: Write after the kill: %v", i, err)
		}
		if got := snapshot(t, dir); !maps.Equal(got, k.new) || len(leftovers(t, dir)) > 0 {
			t.Errorf("run %d: Write after recovery does not give the new generation: %v", i, keys(got))
		}
	}
	t.Logf("%d runs, %d of them at random steps (%d steps in a write over a folder with a manifest, %d over one without); kills by phase: %v",
		runs, randomRuns, len(kinds[false].steps), len(kinds[true].steps), byPhase)
	t.Logf("after the kill: %v; kills during recovery: %d", afterKill, recoveryKills)
	t.Logf("after recovery: %d mixtures, %d with leftovers", mixturesAfter, leftoversAfter)
	if mixturesAfterKill == 0 && total >= 40 {
		t.Errorf("no kill landed between the commit and the end of the renames: the test does not test the commit phase")
	}
}

// stepPhase is the phase of step at of a write, "" past its last step.
func stepPhase(steps []string, at int) string {
	if at > len(steps) {
		return ""
	}
	return steps[at-1]
}

// classify names a folder's state: the old generation, the new one, or a mixture.
func classify(got, old, new map[string]string) string {
	switch {
	case maps.Equal(got, old):
		return "old"
	case maps.Equal(got, new):
		return "new"
	}
	return "mixture"
}

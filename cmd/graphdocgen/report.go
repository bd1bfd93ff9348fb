package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// report is --report's JSON.
type report struct {
	Version     string         `json:"version"`
	Outcome     reportOutcome  `json:"outcome"`
	Pages       []reportPage   `json:"pages"`
	Counts      reportCounts   `json:"counts"`
	Diagnostics []reportDiag   `json:"diagnostics"`
	ByCode      map[string]int `json:"diagnosticsByCode"`
	Seconds     float64        `json:"seconds"`
}

// reportOutcome says how the run ended, and why it failed.
type reportOutcome struct {
	FailOn   string   `json:"failOn"`
	ExitCode int      `json:"exitCode"`
	Written  bool     `json:"written"`  // whether the output was written
	Failures []string `json:"failures"` // why the run failed; empty when it did not
}

type reportPage struct {
	File       string `json:"file"`
	Kind       string `json:"kind"`
	Operations int    `json:"operations"`
}

type reportCounts struct {
	Pages              int `json:"pages"`
	APIPages           int `json:"apiPages"`
	PagesWithOperation int `json:"apiPagesWithOperations"`
	Operations         int `json:"operations"`
	Types              int `json:"types"`
	TypesReferenced    int `json:"typesReferenced"`
	TypesResolved      int `json:"typesResolved"`
	Warnings           int `json:"warnings"`
	Errors             int `json:"errors"`
	Failing            int `json:"failing"` // diagnostics that fail the run under failOn
}

type reportDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	FailsRun bool   `json:"failsRun"`
}

// reportFile is a report being written: a temporary file beside its path, created before
// the output is touched (so a report that cannot be written fails the run before anything
// is written) and renamed into place when the run is over.
type reportFile struct {
	path string
	tmp  *os.File
}

func createReport(path string) (*reportFile, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return nil, fmt.Errorf("cannot write the report: %s is a folder", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot write the report %s: %v", path, err)
	}
	return &reportFile{path: path, tmp: tmp}, nil
}

// finish writes the report and puts it in place.
func (rf *reportFile) finish(api *model.API, ds model.Diagnostics, fails []bool, inputs []generate.Input, out reportOutcome, took time.Duration) error {
	b, err := json.MarshalIndent(buildReport(api, ds, fails, inputs, out, took), "", "  ")
	if err == nil {
		_, err = rf.tmp.Write(append(b, '\n'))
	}
	if cerr := rf.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(rf.tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(rf.tmp.Name(), rf.path)
	}
	if err != nil {
		os.Remove(rf.tmp.Name())
		return fmt.Errorf("writing the report %s: %v", rf.path, err)
	}
	return nil
}

func buildReport(api *model.API, ds model.Diagnostics, fails []bool, inputs []generate.Input, out reportOutcome, took time.Duration) report {
	ops := map[string]int{}
	for _, op := range api.Operations {
		ops[op.Page]++
		for _, also := range op.AlsoIn {
			ops[also]++ // the page's endpoint is emitted, from the page that documents it first
		}
	}
	name := displayName(inputs)
	if out.Failures == nil {
		out.Failures = []string{}
	}
	r := report{Version: api.Version, Outcome: out, Diagnostics: []reportDiag{}, ByCode: map[string]int{}, Seconds: took.Seconds()}
	for _, p := range api.Pages {
		r.Pages = append(r.Pages, reportPage{File: name(p.File), Kind: p.Kind.String(), Operations: ops[p.File]})
		r.Counts.Pages++
		if p.Kind == model.PageAPI {
			r.Counts.APIPages++
			if ops[p.File] > 0 {
				r.Counts.PagesWithOperation++
			}
		}
	}
	r.Counts.Operations, r.Counts.Types = len(api.Operations), len(api.Types)
	r.Counts.TypesReferenced, r.Counts.TypesResolved = api.TypeRefs.Referenced, api.TypeRefs.Resolved
	for i, d := range ds {
		r.Diagnostics = append(r.Diagnostics, reportDiag{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
			Severity: d.Severity.String(), Code: d.Code, Message: d.Message, FailsRun: fails[i]})
		r.ByCode[d.Code]++
		if fails[i] {
			r.Counts.Failing++
		}
	}
	r.Counts.Errors = ds.Errors()
	r.Counts.Warnings = len(ds) - r.Counts.Errors
	return r
}

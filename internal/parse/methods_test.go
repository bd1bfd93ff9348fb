package parse

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// TestMethodsTable reads the Methods tables of resource pages: each row's title, the API
// page it links to (relative to the input root) and its return type.
func TestMethodsTable(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
	}{{
		name: "Method | Return Type | Description, the common form",
		md: `
# widget resource type

## Methods

| Method | Return Type | Description |
|:---|:---|:---|
| [List widgets](../api/widget-list.md) | [widget](widget.md) collection | Lists them. |
| [Get widget](../api/widget-get.md#request) | [widget](widget.md) | Reads one. |
| [Delete widget](../api/widget-delete.md) | None | Removes one. |
| [Spin](../api/widget-spin.md) | None. | An action. |
| [Is round](../api/widget-isround.md) | Boolean | A function. |
| [Get content](../api/widget-content.md) | Stream | The bytes. |
| [Tags](../api/widget-tags.md) | String collection | Labels. |
| [Parts](../api/widget-parts.md) | Collection of [part](part.md) | Parts. |
| [Copy](../api/widget-copy.md) | Location header | Starts a copy. |
| Touch | No Content | Not linked. |
| [Cast](../api/widget-cast.md) | microsoft.graph.gadget | A qualified name. |
| **Settings** | | |
| [Settings](../api/widget-settings.md) | [Collection of setting](setting.md) | Link text says collection. |

## Properties
| Method | Return Type | Description |
|:---|:---|:---|
| data | Binary | A property table headed Method by mistake. |

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|The identifier.|
`,
		want: []string{
			"method List widgets -> v1.0/api/widget-list.md returns Collection(microsoft.graph.widget) link=v1.0/resources/widget.md @7:3",
			"method Get widget -> v1.0/api/widget-get.md returns microsoft.graph.widget link=v1.0/resources/widget.md @8:3",
			"method Delete widget -> v1.0/api/widget-delete.md returns none @9:3",
			"method Spin -> v1.0/api/widget-spin.md returns none @10:3",
			"method Is round -> v1.0/api/widget-isround.md returns Edm.Boolean @11:3",
			"method Get content -> v1.0/api/widget-content.md returns Edm.Stream @12:3",
			"method Tags -> v1.0/api/widget-tags.md returns Collection(Edm.String) @13:3",
			"method Parts -> v1.0/api/widget-parts.md returns Collection(microsoft.graph.part) link=v1.0/resources/part.md @14:3",
			"method Copy -> v1.0/api/widget-copy.md returns unknown(Location header) @15:3",
			"method Touch ->  returns none @16:3",
			"method Cast -> v1.0/api/widget-cast.md returns microsoft.graph.gadget @17:3",
			"method Settings -> v1.0/api/widget-settings.md returns Collection(microsoft.graph.setting) link=v1.0/resources/setting.md @19:3",
			"diag 15:35 warning method-return-unread",
		},
	}, {
		name: "tab-padded Return type header and a REST Path table",
		md: "\n# thing resource type\n\n## Methods\n\n|\tMethod\t|\tReturn type\t|\tDescription\t|\n|:--|:--|:--|\n|\t[Update thing](../api/thing-update.md)\t|\t[thing](thing.md)\t|\tChanges it.\t|\n\n" +
			"|Method|REST Path|\n|:--|:--|\n|[Follow](../api/thing-follow.md)|`POST /things/{id}/follow`|\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|Key.|\n",
		want: []string{
			"method Update thing -> v1.0/api/thing-update.md returns microsoft.graph.thing link=v1.0/resources/thing.md @7:3",
			"method Follow -> v1.0/api/thing-follow.md returns unknown() @11:2",
		},
	}, {
		name: "a Method table outside Methods is not read unless it has a return column; an API page has none",
		md: `
# knob resource type

## Overview

| Method | Notes |
|:---|:---|
| [Turn](../api/knob-turn.md) | prose |

| Method | Return type |
|:---|:---|
| [Push](../api/knob-push.md) | None |

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|Key.|
`,
		want: []string{"method Push -> v1.0/api/knob-push.md returns none @11:3"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg, ds := Parse("v1.0/resources/widget.md", src(tt.md))
			if pg.Kind != model.PageResource {
				t.Fatalf("page kind %v, want resource", pg.Kind)
			}
			var got []string
			for _, m := range pg.Methods {
				s := fmt.Sprintf("method %s -> %s returns %s", m.Title, m.Page, m.Return)
				if m.Return.Link != "" {
					s += " link=" + m.Return.Link
				}
				got = append(got, s+" "+at(m.Pos))
			}
			for _, d := range ds.Sort() {
				if strings.HasPrefix(d.Code, "method") {
					got = append(got, fmt.Sprintf("diag %d:%d %s %s", d.Pos.Line, d.Pos.Col, d.Severity, d.Code))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestMethodsCorpus reads the Methods tables of every resources/ page of the 2021 snapshot
// and checks that nearly every linked row names an API page that exists.
func TestMethodsCorpus(t *testing.T) {
	if _, err := os.Stat(corpusRoot); err != nil {
		t.Skipf("corpus not available (%v); it lives in the shared corpus, outside a fresh clone", err)
	}
	p := New()
	for _, version := range []string{"v1.0", "beta"} {
		var pages, withMethods, rows, linked, resolved, resolvedFold, none, typed, unknown int
		var missing []string
		// The snapshot holds about three quarters of the API pages (the rest are kept aside),
		// so about a quarter of the links name a page that is not there.
		folded := map[string]bool{}
		apis, err := os.ReadDir(filepath.Join(corpusRoot, version, "api"))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range apis {
			folded[strings.ToLower(version+"/api/"+e.Name())] = true
		}
		dir := filepath.Join(corpusRoot, version, "resources")
		err = filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(file, ".md") {
				return err
			}
			b, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			pg, _ := parseNoPanic(t, p, version+"/resources/"+d.Name(), b)
			if pg.Kind != model.PageResource {
				return nil
			}
			pages++
			if len(pg.Methods) > 0 {
				withMethods++
			}
			for _, m := range pg.Methods {
				rows++
				switch m.Return.Kind {
				case model.KindNone:
					none++
				case model.KindUnknown:
					unknown++
				default:
					typed++
				}
				if m.Page == "" {
					continue
				}
				linked++
				if _, err := os.Stat(filepath.Join(corpusRoot, filepath.FromSlash(m.Page))); err == nil {
					resolved++
				} else if folded[strings.ToLower(m.Page)] {
					resolvedFold++
				} else {
					missing = append(missing, m.Pos.String()+" -> "+m.Page)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d resource pages, %d with a Methods table; %d rows, %d linked, %d to an existing page (%.1f%%), %d more only if case is ignored; returns: %d typed, %d none, %d unknown",
			version, pages, withMethods, rows, linked, resolved, pct(resolved, linked), resolvedFold, typed, none, unknown)
		if len(missing) > 0 {
			t.Logf("%s: first links to no file: %s", version, strings.Join(missing[:min(5, len(missing))], "; "))
		}
		if rows == 0 || pct(resolved+resolvedFold, linked) < 70 || pct(linked, rows) < 95 {
			t.Errorf("%s: %d of %d rows linked, %d resolve to a page", version, linked, rows, resolved)
		}
	}
}

// Package benchmark_test compares a generated call with the same call written by hand
// against net/http and encoding/json, so that the generator's overhead can be measured.
//
// Run (from the repository root):
//
//	go test -run '^$' -bench . -benchmem -count 5 ./generated/benchmark/
//
// and, to compare the two, pipe the output through benchstat
// (go run golang.org/x/perf/cmd/benchstat@latest). TestSameResult, which runs with
// plain `go test ./...`, checks that both paths decode the same values.
package benchmark_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/generated"
)

// tokenID is the ID both paths ask for.
const tokenID = "5a7d3c91-e0b4-4f26-8c1d-2b9e6f40a7d8"

// tokenJSON is the response of docs/api-reference/beta/api/intune-onboarding-vpptoken-get.md.
const tokenJSON = `{
  "@odata.type": "#microsoft.graph.vppToken",
  "id": "5a7d3c91-e0b4-4f26-8c1d-2b9e6f40a7d8",
  "organizationName": "Contoso Schools",
  "vppTokenAccountType": "education",
  "appleId": "vpp-admin@contoso.edu",
  "expirationDateTime": "2022-03-14T17:20:00Z",
  "lastSyncDateTime": "2021-06-30T08:15:42Z",
  "token": "eyJleHBEYXRlIjoiMjAyMi0wMy0xNCJ9",
  "lastModifiedDateTime": "2021-06-29T22:04:11Z",
  "state": "valid",
  "lastSyncStatus": "completed",
  "automaticallyUpdateApps": true,
  "countryOrRegion": "us",
  "dataSharingConsentGranted": true,
  "displayName": "Contoso Schools VPP",
  "locationName": "Contoso Schools - Main Campus",
  "claimTokenManagementFromExternalMdm": false,
  "roleScopeTagIds": [
    "0"
  ]
}`

// handToken is what a careful Go developer would declare without the generator: the same
// properties, optional ones as pointers.
type handToken struct {
	ODataType                           *string    `json:"@odata.type,omitempty"`
	ID                                  *string    `json:"id,omitempty"`
	OrganizationName                    *string    `json:"organizationName,omitempty"`
	VppTokenAccountType                 *string    `json:"vppTokenAccountType,omitempty"`
	AppleID                             *string    `json:"appleId,omitempty"`
	ExpirationDateTime                  *time.Time `json:"expirationDateTime,omitempty"`
	LastSyncDateTime                    *time.Time `json:"lastSyncDateTime,omitempty"`
	Token                               *string    `json:"token,omitempty"`
	LastModifiedDateTime                *time.Time `json:"lastModifiedDateTime,omitempty"`
	State                               *string    `json:"state,omitempty"`
	LastSyncStatus                      *string    `json:"lastSyncStatus,omitempty"`
	AutomaticallyUpdateApps             *bool      `json:"automaticallyUpdateApps,omitempty"`
	CountryOrRegion                     *string    `json:"countryOrRegion,omitempty"`
	DataSharingConsentGranted           *bool      `json:"dataSharingConsentGranted,omitempty"`
	DisplayName                         *string    `json:"displayName,omitempty"`
	LocationName                        *string    `json:"locationName,omitempty"`
	ClaimTokenManagementFromExternalMdm *bool      `json:"claimTokenManagementFromExternalMdm,omitempty"`
	RoleScopeTagIDs                     []string   `json:"roleScopeTagIds,omitempty"`
}

const userAgent = "bench-client/1.0"

// handGet is the hand-written GET /deviceAppManagement/vppTokens/{id}.
func handGet(ctx context.Context, hc *http.Client, baseURL, id string) (*handToken, error) {
	u := baseURL + "/deviceAppManagement/vppTokens/" + url.PathEscape(id)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return nil, fmt.Errorf("GET %s: %s: %s", u, resp.Status, b)
	}
	var t handToken
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return nil, fmt.Errorf("GET %s: decoding: %w", u, err)
	}
	return &t, nil
}

// fixture is the server and the clients both paths share.
type fixture struct {
	srv  *httptest.Server
	hc   *http.Client
	base string
	gen  *generated.Client
}

func newFixture(tb testing.TB) *fixture {
	tb.Helper()
	want := "/beta/deviceAppManagement/vppTokens/" + tokenID
	body := []byte(tokenJSON)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != want {
			http.Error(w, `{"error":{"code":"BadRequest","message":"unexpected `+r.Method+" "+r.URL.Path+`"}}`, http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	tr := http.DefaultTransport.(*http.Transport).Clone() // keep-alive on
	tr.MaxIdleConnsPerHost = 16
	tb.Cleanup(tr.CloseIdleConnections)
	hc := &http.Client{Transport: tr}
	base := srv.URL + "/beta"
	return &fixture{
		srv:  srv,
		hc:   hc,
		base: base,
		gen:  generated.NewClient(generated.WithBaseURL(base), generated.WithHTTPClient(hc), generated.WithUserAgent(userAgent)),
	}
}

func BenchmarkGenerated(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	if _, err := f.gen.GetDeviceAppManagementVppToken(ctx, tokenID, nil); err != nil { // warm the connection
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		t, err := f.gen.GetDeviceAppManagementVppToken(ctx, tokenID, nil)
		if err != nil || t.ID == nil {
			b.Fatal(t, err)
		}
	}
}

func BenchmarkHandWritten(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	if _, err := handGet(ctx, f.hc, f.base, tokenID); err != nil { // warm the connection
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		t, err := handGet(ctx, f.hc, f.base, tokenID)
		if err != nil || t.ID == nil {
			b.Fatal(t, err)
		}
	}
}

// The Decode benchmarks leave HTTP out: only the decoding of the body, each as its path
// does it (the generated client reads the body and calls the model's UnmarshalJSON; the
// hand-written call uses json.NewDecoder). They show how much of the difference is the
// decoding.

func BenchmarkDecodeGenerated(b *testing.B) {
	body := []byte(tokenJSON)
	b.ReportAllocs()
	for b.Loop() {
		var t generated.VppToken
		if err := t.UnmarshalJSON(body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeHandWritten(b *testing.B) {
	body := []byte(tokenJSON)
	b.ReportAllocs()
	for b.Loop() {
		var t handToken
		if err := json.NewDecoder(bytes.NewReader(body)).Decode(&t); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSameResult checks that both paths decode every property to the same value, so that
// the benchmarks compare the same work.
func TestSameResult(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	g, err := f.gen.GetDeviceAppManagementVppToken(ctx, tokenID, nil)
	if err != nil {
		t.Fatalf("generated: %v", err)
	}
	h, err := handGet(ctx, f.hc, f.base, tokenID)
	if err != nil {
		t.Fatalf("hand-written: %v", err)
	}

	str := func(name string, gv, hv *string) {
		t.Helper()
		if gv == nil || hv == nil || *gv != *hv {
			t.Errorf("%s: generated %v, hand-written %v", name, deref(gv), deref(hv))
		}
	}
	boolean := func(name string, gv, hv *bool) {
		t.Helper()
		if gv == nil || hv == nil || *gv != *hv {
			t.Errorf("%s: generated %v, hand-written %v", name, deref(gv), deref(hv))
		}
	}
	tm := func(name string, gv *generated.DateTimeOffset, hv *time.Time) {
		t.Helper()
		if gv == nil || hv == nil || !gv.Time().Equal(*hv) || gv.Time().IsZero() {
			t.Errorf("%s: generated %v, hand-written %v", name, deref(gv), deref(hv))
		}
	}
	str("@odata.type", g.ODataType, h.ODataType)
	str("id", g.ID, h.ID)
	str("organizationName", g.OrganizationName, h.OrganizationName)
	str("vppTokenAccountType", (*string)(g.VppTokenAccountType), h.VppTokenAccountType)
	str("appleId", g.AppleID, h.AppleID)
	tm("expirationDateTime", g.ExpirationDateTime, h.ExpirationDateTime)
	tm("lastSyncDateTime", g.LastSyncDateTime, h.LastSyncDateTime)
	str("token", g.Token, h.Token)
	tm("lastModifiedDateTime", g.LastModifiedDateTime, h.LastModifiedDateTime)
	str("state", (*string)(g.State), h.State)
	str("lastSyncStatus", (*string)(g.LastSyncStatus), h.LastSyncStatus)
	boolean("automaticallyUpdateApps", g.AutomaticallyUpdateApps, h.AutomaticallyUpdateApps)
	str("countryOrRegion", g.CountryOrRegion, h.CountryOrRegion)
	boolean("dataSharingConsentGranted", g.DataSharingConsentGranted, h.DataSharingConsentGranted)
	str("displayName", g.DisplayName, h.DisplayName)
	str("locationName", g.LocationName, h.LocationName)
	boolean("claimTokenManagementFromExternalMdm", g.ClaimTokenManagementFromExternalMdm, h.ClaimTokenManagementFromExternalMdm)
	if !slices.Equal(g.RoleScopeTagIDs, h.RoleScopeTagIDs) || len(h.RoleScopeTagIDs) != 1 {
		t.Errorf("roleScopeTagIds: generated %q, hand-written %q", g.RoleScopeTagIDs, h.RoleScopeTagIDs)
	}
	// Every property of the body is documented and non-null, so the generated value keeps
	// nothing besides the fields compared above.
	if len(g.AdditionalData) != 0 {
		t.Errorf("generated AdditionalData = %v, want none", g.AdditionalData)
	}
	// And the body has no property the hand-written struct lacks: decoding it strictly works.
	dec := json.NewDecoder(bytes.NewReader([]byte(tokenJSON)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(new(handToken)); err != nil {
		t.Errorf("the hand-written struct misses a property: %v", err)
	}
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestCallOverhead prints the generated call's cost against the hand-written one, measured
// in alternating rounds in one process so that both see the same machine load. It reports
// figures and asserts nothing about time; it runs only with GRAPHDOCGEN_BENCH=1 (make bench).
func TestCallOverhead(t *testing.T) {
	if os.Getenv("GRAPHDOCGEN_BENCH") == "" {
		t.Skip("set GRAPHDOCGEN_BENCH=1 (make bench) to measure the generated call against the hand-written one")
	}
	const rounds = 8
	rs := runRounds(rounds, BenchmarkGenerated, BenchmarkHandWritten)
	gen, hand := rs[0], rs[1]
	median := func(rs []testing.BenchmarkResult, f func(testing.BenchmarkResult) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		slices.Sort(v)
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	ns := func(r testing.BenchmarkResult) float64 { return float64(r.NsPerOp()) }
	bytesOp := func(r testing.BenchmarkResult) float64 { return float64(r.AllocedBytesPerOp()) }
	allocs := func(r testing.BenchmarkResult) float64 { return float64(r.AllocsPerOp()) }
	var ratios []float64
	for i := range rounds {
		ratios = append(ratios, ns(gen[i])/ns(hand[i]))
	}
	slices.Sort(ratios)
	t.Logf("one GET of an 18-property vppToken against a local httptest server, medians of %d rounds, the order turning each round:", rounds)
	t.Logf("%-14s %10s %8s %10s", "", "ns/op", "B/op", "allocs/op")
	for _, row := range []struct {
		name string
		rs   []testing.BenchmarkResult
	}{{"generated", gen}, {"hand-written", hand}} {
		t.Logf("%-14s %10.0f %8.0f %10.0f", row.name, median(row.rs, ns), median(row.rs, bytesOp), median(row.rs, allocs))
	}
	t.Logf("%-14s %10.2f %8.2f %10.2f", "ratio", median(gen, ns)/median(hand, ns),
		median(gen, bytesOp)/median(hand, bytesOp), median(gen, allocs)/median(hand, allocs))
	t.Logf("time ratio per round: min %.2f, max %.2f", ratios[0], ratios[len(ratios)-1])
}

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
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/generated"
)

// The call benchmarks: one GET of a vppToken as the service answers it (with
// @odata.context), and one PATCH of three properties answered with the whole token.

// tokenWithContext is tokenJSON with the @odata.context the service sends.
var tokenWithContext = `{"@odata.context":"https://graph.microsoft.com/beta/$metadata#deviceAppManagement/vppTokens/$entity",` + strings.TrimPrefix(strings.TrimSpace(tokenJSON), "{")

// handPatch is the hand-written PATCH body: the three properties set.
type handPatch struct {
	DisplayName             *string `json:"displayName,omitempty"`
	AutomaticallyUpdateApps *bool   `json:"automaticallyUpdateApps,omitempty"`
	CountryOrRegion         *string `json:"countryOrRegion,omitempty"`
}

// callFixture serves GET and PATCH of the token.
func newCallFixture(tb testing.TB) (*fixture, string) {
	tb.Helper()
	f := newFixture(tb)
	want := "/beta/deviceAppManagement/vppTokens/" + tokenID
	body := []byte(tokenWithContext)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != want || r.Method != http.MethodGet && r.Method != http.MethodPatch {
			http.Error(w, `{"error":{"code":"BadRequest","message":"unexpected request"}}`, http.StatusBadRequest)
			return
		}
		if r.Method == http.MethodPatch {
			var p handPatch
			if err := json.NewDecoder(r.Body).Decode(&p); err != nil || p.DisplayName == nil || p.AutomaticallyUpdateApps == nil || p.CountryOrRegion == nil {
				http.Error(w, `{"error":{"code":"BadRequest","message":"bad body"}}`, http.StatusBadRequest)
				return
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	base := srv.URL + "/beta"
	f.gen = generated.NewClient(generated.WithBaseURL(base), generated.WithHTTPClient(f.hc), generated.WithUserAgent(userAgent))
	return f, base
}

// handPatchToken is the hand-written PATCH /deviceAppManagement/vppTokens/{id}.
func handPatchToken(ctx context.Context, hc *http.Client, baseURL, id string, body handPatch) (*handToken, error) {
	u := baseURL + "/deviceAppManagement/vppTokens/" + url.PathEscape(id)
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, u, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", userAgent)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return nil, fmt.Errorf("PATCH %s: %s: %s", u, resp.Status, b)
	}
	var t handToken
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return nil, fmt.Errorf("PATCH %s: decoding: %w", u, err)
	}
	return &t, nil
}

// callOnce returns one call, GET or PATCH, generated or hand-written, which returns the
// token's ID.
func callOnce(f *fixture, base string, patch, gen bool) func() (*string, error) {
	ctx := context.Background()
	return func() (*string, error) {
		switch {
		case gen && patch:
			t, err := f.gen.UpdateDeviceAppManagementVppToken(ctx, tokenID, generated.VppToken{
				DisplayName: generated.Ptr("Contoso Schools VPP"), AutomaticallyUpdateApps: generated.Ptr(true), CountryOrRegion: generated.Ptr("us"),
			}, nil)
			if err != nil {
				return nil, err
			}
			return t.ID, nil
		case gen:
			t, err := f.gen.GetDeviceAppManagementVppToken(ctx, tokenID, nil)
			if err != nil {
				return nil, err
			}
			return t.ID, nil
		case patch:
			t, err := handPatchToken(ctx, f.hc, base, tokenID, handPatch{
				DisplayName: generated.Ptr("Contoso Schools VPP"), AutomaticallyUpdateApps: generated.Ptr(true), CountryOrRegion: generated.Ptr("us"),
			})
			if err != nil {
				return nil, err
			}
			return t.ID, nil
		}
		t, err := handGet(ctx, f.hc, base, tokenID)
		if err != nil {
			return nil, err
		}
		return t.ID, nil
	}
}

// callBench returns the benchmark of one call.
func callBench(f *fixture, base string, patch, gen bool) func(*testing.B) {
	call := callOnce(f, base, patch, gen)
	return func(b *testing.B) {
		if _, err := call(); err != nil { // warm the connection
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if id, err := call(); err != nil || id == nil {
				b.Fatal(id, err)
			}
		}
	}
}

// TestCallsWork checks that every call benchmark's call succeeds and that the generated
// GET keeps the @odata.context.
func TestCallsWork(t *testing.T) {
	f, base := newCallFixture(t)
	for _, patch := range []bool{false, true} {
		for _, gen := range []bool{false, true} {
			if id, err := callOnce(f, base, patch, gen)(); err != nil || id == nil || *id != tokenID {
				t.Errorf("patch=%v gen=%v: %v, %v", patch, gen, id, err)
			}
		}
	}
	tok, err := f.gen.GetDeviceAppManagementVppToken(context.Background(), tokenID, nil)
	if err != nil || tok.AdditionalData["@odata.context"] == nil || tok.DisplayName == nil {
		t.Errorf("GET = %+v, %v", tok, err)
	}
}

// BenchmarkPatch is one PATCH of three vppToken properties, generated and hand-written, as
// TestDecodeReport measures it.
func BenchmarkPatch(b *testing.B) {
	f, base := newCallFixture(b)
	b.Run("generated", callBench(f, base, true, true))
	b.Run("hand-written", callBench(f, base, true, false))
}

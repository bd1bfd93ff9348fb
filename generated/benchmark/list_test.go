package benchmark_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/generated"
	"github.com/graphdocgen/graphdocgen/generated/internal/graphrt"
)

// The list benchmarks page through 100 pages of 100 users, chained by @odata.nextLink, as
// a real tenant returns them: every page carries @odata.context, and, in the "nulls"
// variant, deletedDateTime is null for every user, mail for every other one and userType
// for one in three. The "no nulls" variant leaves those members out.

const (
	listPages    = 100
	listPageSize = 100
)

// handUser is the hand-written struct of the same documented properties as
// generated.User, with the same json tags (TestHandUserMatches checks that), decoded by
// encoding/json.
type handUser struct {
	ODataType         *string         `json:"@odata.type,omitempty"`
	ID                *string         `json:"id,omitempty"`
	DeletedDateTime   *time.Time      `json:"deletedDateTime,omitempty"`
	AccountEnabled    *bool           `json:"accountEnabled,omitempty"`
	BusinessPhones    []string        `json:"businessPhones,omitzero"`
	CreatedDateTime   *time.Time      `json:"createdDateTime,omitempty"`
	DisplayName       *string         `json:"displayName,omitempty"`
	Mail              *string         `json:"mail,omitempty"`
	UserPrincipalName *string         `json:"userPrincipalName,omitempty"`
	UserType          *string         `json:"userType,omitempty"`
	Manager           *handDirObject  `json:"manager,omitempty"`
	MemberOf          []handDirObject `json:"memberOf,omitzero"`
}

// handDirObject is generated.DirectoryObject written by hand.
type handDirObject struct {
	ODataType       *string    `json:"@odata.type,omitempty"`
	ID              *string    `json:"id,omitempty"`
	DeletedDateTime *time.Time `json:"deletedDateTime,omitempty"`
}

// handUserPage is a page of users as the hand-written loop decodes it.
type handUserPage struct {
	Value    []handUser `json:"value"`
	NextLink string     `json:"@odata.nextLink,omitempty"`
}

// TestHandUserMatches checks that the hand-written baseline declares exactly the json
// names generated.User documents, so that both decode the same properties.
func TestHandUserMatches(t *testing.T) {
	tags := func(typ reflect.Type) []string {
		var out []string
		for f := range typ.Fields() {
			if tag := f.Tag.Get("json"); tag != "" && tag != "-" {
				out = append(out, tag)
			}
		}
		return out
	}
	if got, want := tags(reflect.TypeFor[handUser]()), tags(reflect.TypeFor[generated.User]()); !slices.Equal(got, want) {
		t.Errorf("handUser tags %v,\ngenerated.User tags %v", got, want)
	}
	if got, want := tags(reflect.TypeFor[handDirObject]()), tags(reflect.TypeFor[generated.DirectoryObject]()); !slices.Equal(got, want) {
		t.Errorf("handDirObject tags %v,\ngenerated.DirectoryObject tags %v", got, want)
	}
}

// userPages builds the pages the list server answers with; base is the URL the next
// links point into.
func userPages(base string, nulls bool) [][]byte {
	pages := make([][]byte, listPages)
	for p := range listPages {
		var b strings.Builder
		b.WriteString(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users","value":[`)
		for i := range listPageSize {
			n := p*listPageSize + i
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"@odata.type":"#microsoft.graph.user","id":"%08d-7c1e-4f0a-9d2b-3e5f6a7b8c9d","accountEnabled":true,`+
				`"businessPhones":["+1 425 555 %04d"],"createdDateTime":"2021-0%d-1%dT08:1%d:42Z","displayName":"User %d",`+
				`"userPrincipalName":"user%d@contoso.com"`, n, n%10000, 1+n%9, n%10, n%10, n, n)
			if nulls {
				b.WriteString(`,"deletedDateTime":null`)
			}
			if n%2 == 0 {
				fmt.Fprintf(&b, `,"mail":"user%d@contoso.com"`, n)
			} else if nulls {
				b.WriteString(`,"mail":null`)
			}
			if n%3 != 0 {
				b.WriteString(`,"userType":"Member"`)
			} else if nulls {
				b.WriteString(`,"userType":null`)
			}
			b.WriteByte('}')
		}
		b.WriteByte(']')
		if p+1 < listPages {
			fmt.Fprintf(&b, `,"@odata.nextLink":"%s/users?$skiptoken=%d"`, base, p+1)
		}
		b.WriteByte('}')
		pages[p] = []byte(b.String())
	}
	return pages
}

// listFixture serves the user pages, with nulls under /nulls and without under /plain.
type listFixture struct {
	*fixture
	nullBase, plainBase   string
	nullBytes, plainBytes int // the bytes of all pages of each kind
}

func newListFixture(tb testing.TB) *listFixture {
	tb.Helper()
	lf := &listFixture{fixture: newFixture(tb)}
	mux := http.NewServeMux()
	srv := httptest.NewUnstartedServer(mux)
	url := "http://" + srv.Listener.Addr().String()
	for _, v := range []struct {
		prefix string
		nulls  bool
	}{{"/nulls", true}, {"/plain", false}} {
		pages := userPages(url+v.prefix, v.nulls)
		for _, p := range pages {
			if v.nulls {
				lf.nullBytes += len(p)
			} else {
				lf.plainBytes += len(p)
			}
		}
		mux.HandleFunc(v.prefix+"/users", func(w http.ResponseWriter, r *http.Request) {
			p, _ := strconv.Atoi(r.URL.Query().Get("$skiptoken"))
			if p < 0 || p >= len(pages) {
				http.Error(w, `{"error":{"code":"BadRequest","message":"no such page"}}`, http.StatusBadRequest)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.Write(pages[p])
		})
	}
	srv.Start()
	tb.Cleanup(srv.Close)
	lf.nullBase, lf.plainBase = url+"/nulls", url+"/plain"
	return lf
}

// genList lists every user through the generated client's iterator.
func genList(ctx context.Context, c *generated.Client) (int, error) {
	n := 0
	for u, err := range graphrt.List[generated.User](ctx, c.Client, generated.Request{Method: http.MethodGet, Path: "/users"}) {
		if err != nil {
			return n, err
		}
		if u.ID == nil {
			return n, fmt.Errorf("user %d has no id", n)
		}
		n++
	}
	return n, nil
}

// handList lists every user as a careful Go developer would without the generator.
func handList(ctx context.Context, hc *http.Client, base string) (int, error) {
	n := 0
	for link := base + "/users"; link != ""; {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
		if err != nil {
			return n, err
		}
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", userAgent)
		resp, err := hc.Do(req)
		if err != nil {
			return n, err
		}
		var p handUserPage
		err = json.NewDecoder(resp.Body).Decode(&p)
		resp.Body.Close()
		if err != nil {
			return n, err
		}
		for _, u := range p.Value {
			if u.ID == nil {
				return n, fmt.Errorf("user %d has no id", n)
			}
			n++
		}
		link = p.NextLink
	}
	return n, nil
}

// listBench returns the benchmark of one way of listing all users.
func listBench(lf *listFixture, nulls, gen bool) func(*testing.B) {
	base := lf.plainBase
	if nulls {
		base = lf.nullBase
	}
	c := generated.NewClient(generated.WithBaseURL(base), generated.WithHTTPClient(lf.hc), generated.WithUserAgent(userAgent))
	return func(b *testing.B) {
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			var n int
			var err error
			if gen {
				n, err = genList(ctx, c)
			} else {
				n, err = handList(ctx, lf.hc, base)
			}
			if err != nil || n != listPages*listPageSize {
				b.Fatal(n, err)
			}
		}
	}
}

func BenchmarkListUsersGenerated(b *testing.B) {
	listBench(newListFixture(b), true, true)(b)
}

func BenchmarkListUsersHandWritten(b *testing.B) {
	listBench(newListFixture(b), true, false)(b)
}

// TestListSame checks that both list loops see every user, so that the benchmarks
// compare the same work, and that a null sent stays a null when encoded again.
func TestListSame(t *testing.T) {
	lf := newListFixture(t)
	ctx := context.Background()
	c := generated.NewClient(generated.WithBaseURL(lf.nullBase), generated.WithHTTPClient(lf.hc))
	for _, base := range []string{lf.nullBase, lf.plainBase} {
		if n, err := handList(ctx, lf.hc, base); err != nil || n != listPages*listPageSize {
			t.Fatalf("handList(%s) = %d, %v", base, n, err)
		}
	}
	if n, err := genList(ctx, c); err != nil || n != listPages*listPageSize {
		t.Fatalf("genList = %d, %v", n, err)
	}
	p, err := graphrt.GetPage[generated.User](ctx, c.Client, generated.Request{Method: http.MethodGet, Path: "/users"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p.Value[1])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"deletedDateTime":null`, `"mail":null`, `"displayName":"User 1"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("user 1 encodes as %s, without %s", b, want)
		}
	}
	if strings.Contains(string(b), "@odata.context") {
		t.Errorf("user 1 encodes as %s, with the page's @odata.context", b)
	}
}

// median is the median of f over rs.
// contender is one way of doing what a report compares, with its results.
type contender struct {
	name string
	fn   func(*testing.B)
	rs   []testing.BenchmarkResult
}

// runContenders runs the contenders' benchmarks in turning order (see runRounds).
func runContenders(rounds int, cs []*contender) {
	fns := make([]func(*testing.B), len(cs))
	for i, c := range cs {
		fns[i] = c.fn
	}
	for i, rs := range runRounds(rounds, fns...) {
		cs[i].rs = rs
	}
}

// runRounds runs the benchmarks fns for rounds rounds and returns each one's results.
// The order turns every round (A B C, then C B A): the benchmark that runs first in a
// round pays for what the one before it left (its garbage, a cold cache), which, always
// the same one, would tilt every ratio by up to a tenth.
func runRounds(rounds int, fns ...func(*testing.B)) [][]testing.BenchmarkResult {
	out := make([][]testing.BenchmarkResult, len(fns))
	for r := range rounds {
		for k := range fns {
			i := k
			if r%2 == 1 {
				i = len(fns) - 1 - k
			}
			out[i] = append(out[i], testing.Benchmark(fns[i]))
		}
	}
	return out
}

func median(rs []testing.BenchmarkResult, f func(testing.BenchmarkResult) float64) float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	slices.Sort(v)
	if len(v)%2 == 0 {
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return v[len(v)/2]
}

// TestDecodeReport runs the list (users, then messages) and call benchmarks in alternating rounds and prints
// medians and the ratios the performance goals are stated in. It asserts nothing about
// time.
func TestDecodeReport(t *testing.T) {
	if os.Getenv("GRAPHDOCGEN_BENCH") == "" {
		t.Skip("set GRAPHDOCGEN_BENCH=1 (make bench) to measure listing users and messages against hand-written code")
	}
	lf := newListFixture(t)
	// The user list and the single calls have more rounds: their ratios sit closest to
	// their goals, and one call over loopback varies most from round to round.
	const rounds, userRounds = 5, 15
	cs := []*contender{
		{name: "generated, nulls", fn: listBench(lf, true, true)},
		{name: "hand-written, nulls", fn: listBench(lf, true, false)},
		{name: "generated, no nulls", fn: listBench(lf, false, true)},
		{name: "hand-written, no nulls", fn: listBench(lf, false, false)},
		{name: "decode a page, nulls", fn: decodePageBench(true)},
		{name: "decode a page, no nulls", fn: decodePageBench(false)},
	}
	runContenders(userRounds, cs)
	ns := func(r testing.BenchmarkResult) float64 { return float64(r.NsPerOp()) }
	bytesOp := func(r testing.BenchmarkResult) float64 { return float64(r.AllocedBytesPerOp()) }
	allocs := func(r testing.BenchmarkResult) float64 { return float64(r.AllocsPerOp()) }
	t.Logf("list %d users (%d pages) against a local httptest server, and decode one page of them without HTTP; medians of %d rounds, the order turning each round:", listPages*listPageSize, listPages, userRounds)
	t.Logf("%-24s %10s %10s %10s", "", "ms", "MB", "k allocs")
	for _, c := range cs {
		t.Logf("%-24s %10.3f %10.3f %10.3f", c.name, median(c.rs, ns)/1e6, median(c.rs, bytesOp)/1e6, median(c.rs, allocs)/1e3)
	}
	ratio := func(a, b *contender, f func(testing.BenchmarkResult) float64) float64 {
		return median(a.rs, f) / median(b.rs, f)
	}
	t.Logf("users with nulls, generated / hand-written: time %.2f×, allocs %.2f×, bytes %.2f× (goal ≤ 1.3×)",
		ratio(cs[0], cs[1], ns), ratio(cs[0], cs[1], allocs), ratio(cs[0], cs[1], bytesOp))
	t.Logf("users without nulls, generated / hand-written: time %.2f×, allocs %.2f×", ratio(cs[2], cs[3], ns), ratio(cs[2], cs[3], allocs))
	t.Logf("generated, with nulls / without: time %.2f× (goal ≤ 1.1×); hand-written %.2f× (the pages with nulls are %.0f%% longer, which the server writes and the transport reads either way)",
		ratio(cs[0], cs[2], ns), ratio(cs[1], cs[3], ns), 100*(float64(lf.nullBytes)/float64(lf.plainBytes)-1))
	t.Logf("decoding one page without HTTP, with nulls / without: time %.2f×, allocs %.2f×", ratio(cs[4], cs[5], ns), ratio(cs[4], cs[5], allocs))

	// Messages: nested body, from, recipients.
	reportMessages(t, rounds)

	// One GET, one PATCH.
	cf, cbase := newCallFixture(t)
	calls := []*contender{
		{name: "GET, generated", fn: callBench(cf, cbase, false, true)},
		{name: "GET, hand-written", fn: callBench(cf, cbase, false, false)},
		{name: "PATCH, generated", fn: callBench(cf, cbase, true, true)},
		{name: "PATCH, hand-written", fn: callBench(cf, cbase, true, false)},
	}
	runContenders(userRounds, calls)
	t.Logf("one call of an 18-property vppToken (GET, and PATCH of 3 properties), medians of %d rounds, the order turning each round:", userRounds)
	t.Logf("%-24s %10s %10s %10s", "", "µs", "B", "allocs")
	for _, c := range calls {
		t.Logf("%-24s %10.1f %10.0f %10.0f", c.name, median(c.rs, ns)/1e3, median(c.rs, bytesOp), median(c.rs, allocs))
	}
	t.Logf("GET, generated / hand-written: time %.2f×, allocs %.2f× (goal ≤ 1.1×)", ratio(calls[0], calls[1], ns), ratio(calls[0], calls[1], allocs))
	t.Logf("PATCH, generated / hand-written: time %.2f×, allocs %.2f× (goal ≤ 1.1×)", ratio(calls[2], calls[3], ns), ratio(calls[2], calls[3], allocs))

	// Peak live heap while iterating: sampled after a collection in the middle of each
	// page, against a page's worth: one page's body and its users decoded (the heap ten
	// decoded pages hold, over ten).
	c := generated.NewClient(generated.WithBaseURL(lf.nullBase), generated.WithHTTPClient(lf.hc))
	ctx := context.Background()
	var ms runtime.MemStats
	live := func() int64 {
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return int64(ms.HeapAlloc)
	}
	base := live()
	held := make([]*generated.Page[generated.User], 10)
	for i := range held {
		p, err := graphrt.GetPage[generated.User](ctx, c.Client, generated.Request{Method: http.MethodGet, Path: "/users"})
		if err != nil {
			t.Fatal(err)
		}
		held[i] = p
	}
	page := (live()-base)/int64(len(held)) + int64(len(userPages(lf.nullBase, true)[0]))
	runtime.KeepAlive(held)
	held = nil
	base = live()
	var first, last int64 // the peaks over the first and the last ten pages
	i := 0
	for _, err := range graphrt.List[generated.User](ctx, c.Client, generated.Request{Method: http.MethodGet, Path: "/users"}) {
		if err != nil {
			t.Fatal(err)
		}
		if i%listPageSize == listPageSize/2 {
			n := live() - base
			if i < 10*listPageSize {
				first = max(first, n)
			}
			if i >= (listPages-10)*listPageSize {
				last = max(last, n)
			}
		}
		i++
	}
	t.Logf("live heap while iterating %d pages: peak %.0f KB over the first ten pages, %.0f KB over the last ten; a page's worth (body and decoded users) %.0f KB: %.2f pages' worth (goal ≤ 2)",
		listPages, float64(first)/1024, float64(last)/1024, float64(page)/1024, float64(max(first, last))/float64(page))
}

// BenchmarkDecodeUserPage leaves HTTP out: one page of 100 users, with the documented
// nulls of the list report's "nulls" run and without them, decoded as the list loop does.
// decodePageBench decodes the first page of users, with or without nulls, as the
// iterator does: Page.UnmarshalJSON over the body.
func decodePageBench(nulls bool) func(*testing.B) {
	body := userPages("https://graph.microsoft.com/v1.0", nulls)[0]
	return func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			var p generated.Page[generated.User]
			if err := p.UnmarshalJSON(body); err != nil || len(p.Value) != listPageSize {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDecodeUserPage(b *testing.B) {
	for _, nulls := range []bool{true, false} {
		name := "plain"
		if nulls {
			name = "nulls"
		}
		body := userPages("https://graph.microsoft.com/v1.0", nulls)[0]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				var p generated.Page[generated.User]
				if err := p.UnmarshalJSON(body); err != nil || len(p.Value) != listPageSize {
					b.Fatal(err)
				}
			}
		})
	}
}

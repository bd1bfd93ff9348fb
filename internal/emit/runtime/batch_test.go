package graphrt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// batchServer answers POST /v1.0/$batch as Graph does: at most 20 requests, dependsOn
// naming requests of the same batch, each member answered by its URL. /users/slow is
// throttled (429, Retry-After 4) the first time; /users/missing is 404; a member whose
// dependency failed is 424.
type batchServer struct {
	mu      sync.Mutex
	batches [][]string // each batch's member ids
	slow    int
	srv     *httptest.Server
}

func newBatchServer(t *testing.T) *batchServer {
	bs := &batchServer{}
	bs.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "POST" || r.URL.Path != "/v1.0/$batch" {
			http.NotFound(w, r)
			return
		}
		var in struct {
			Requests []batchRequest `json:"requests"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.Requests) > 20 {
			http.Error(w, `{"error":{"code":"BadRequest","message":"at most 20"}}`, 400)
			return
		}
		bs.mu.Lock()
		defer bs.mu.Unlock()
		var ids []string
		status := map[string]int{}
		var out []batchResponse
		for _, q := range in.Requests {
			ids = append(ids, q.ID)
			resp := batchResponse{ID: q.ID, Status: 200, Headers: map[string]string{"Content-Type": "application/json"}}
			failed := false
			for _, d := range q.DependsOn {
				st, ok := status[d]
				if !ok {
					http.Error(w, `{"error":{"code":"BadRequest","message":"dependsOn `+d+` not in batch"}}`, 400)
					return
				}
				failed = failed || st >= 300
			}
			switch {
			case failed:
				resp.Status, resp.Body = 424, json.RawMessage(`{"error":{"code":"FailedDependency"}}`)
			case q.URL == "/users/slow" && bs.slow == 0:
				bs.slow++
				resp.Status, resp.Headers["Retry-After"] = 429, "4"
				resp.Body = json.RawMessage(`{"error":{"code":"TooManyRequests"}}`)
			case q.URL == "/users/missing":
				resp.Status, resp.Body = 404, json.RawMessage(`{"error":{"code":"Request_ResourceNotFound","message":"no such user"}}`)
			case q.Method == "PATCH":
				if string(q.Body) != `{"displayName":"x"}` || q.Headers["Content-Type"] != "application/json" {
					resp.Status = 400
				} else {
					resp.Status = 204
				}
			default:
				resp.Body = json.RawMessage(fmt.Sprintf(`{"id":%q}`, strings.TrimPrefix(q.URL, "/users/")))
			}
			status[q.ID] = resp.Status
			out = append(out, resp)
		}
		bs.batches = append(bs.batches, ids)
		_ = json.NewEncoder(w).Encode(map[string]any{"responses": out})
	}))
	t.Cleanup(bs.srv.Close)
	return bs
}

// TestBatch25: 25 requests through the methods' path (Do with a typed result), one
// dependsOn chain of four across the 20 boundary, one member throttled, one failing.
func TestBatch25(t *testing.T) {
	bs := newBatchServer(t)
	c := NewClient(WithBaseURL(bs.srv.URL + "/v1.0"))
	var waits []time.Duration
	c.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	ctx := context.Background()
	b := NewBatch(c)
	bc := b.Client()
	users := make([]*item, 25)
	get := func(i int, id string) {
		var u item
		if err := bc.Do(ctx, Request{Method: "GET", Path: "/users/" + id}, &u); err != nil {
			t.Fatal(err)
		}
		users[i] = &u
	}
	for i := range 17 {
		id := fmt.Sprintf("u%d", i+1)
		switch i {
		case 4:
			id = "slow"
		case 9:
			id = "missing"
		}
		get(i, id)
	}
	// 18..21: a chain, each after the one before.
	for i := 17; i < 21; i++ {
		get(i, fmt.Sprintf("u%d", i+1))
		if i > 17 {
			b.Last().After(b.Items()[i-1])
		}
	}
	if err := bc.Do(ctx, Request{Method: "PATCH", Path: "/users/u22", Body: map[string]string{"displayName": "x"}}, nil); err != nil {
		t.Fatal(err)
	}
	for i := 22; i < 25; i++ {
		get(i, fmt.Sprintf("u%d", i+1))
	}
	if len(bs.batches) != 0 || users[0].ID != "" {
		t.Fatal("collecting sent something")
	}
	if err := b.Send(ctx); err != nil {
		t.Fatal(err)
	}
	// Two batches: 1..17, then the chain and 22..25; then the throttled one again.
	if got := fmt.Sprint(bs.batches); got != "[[1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17] [18 19 20 21 22 23 24 25] [5]]" {
		t.Errorf("batches %s", got)
	}
	if len(waits) != 1 || waits[0] != 4*time.Second {
		t.Errorf("waits %v", waits)
	}
	for i, it := range b.Items() {
		switch {
		case i == 9:
			var e *Error
			if !errors.As(it.Err, &e) || e.StatusCode != 404 || e.Code != "Request_ResourceNotFound" || !IsNotFound(it.Err) {
				t.Errorf("member 10: %v", it.Err)
			}
		case it.Err != nil:
			t.Errorf("member %s: %v", it.ID, it.Err)
		case i == 21:
			if it.Response.StatusCode != 204 {
				t.Errorf("member 22: %d", it.Response.StatusCode)
			}
		case i == 4 && users[i].ID != "slow", i != 4 && i != 21 && users[i].ID != fmt.Sprintf("u%d", i+1):
			t.Errorf("member %s: %+v", it.ID, users[i])
		}
	}
}

// TestBatchDependencyFailure: a member after a failing one gets 424 and is not retried;
// one after a throttled one is retried with it.
func TestBatchDependencyFailure(t *testing.T) {
	bs := newBatchServer(t)
	c := NewClient(WithBaseURL(bs.srv.URL + "/v1.0"))
	c.sleep = func(context.Context, time.Duration) error { return nil }
	ctx := context.Background()
	b := NewBatch(c)
	for _, id := range []string{"missing", "a", "slow", "b"} {
		_ = b.Client().Do(ctx, Request{Method: "GET", Path: "/users/" + id}, &item{})
	}
	it := b.Items()
	it[1].After(it[0])
	it[3].After(it[2])
	if err := b.Send(ctx); err != nil {
		t.Fatal(err)
	}
	var e *Error
	if !errors.As(it[1].Err, &e) || e.StatusCode != 424 {
		t.Errorf("after the failing one: %v", it[1].Err)
	}
	if it[2].Err != nil || it[3].Err != nil {
		t.Errorf("throttled chain: %v, %v", it[2].Err, it[3].Err)
	}
	if got := fmt.Sprint(bs.batches); got != "[[1 2 3 4] [3 4]]" {
		t.Errorf("batches %s", got)
	}
}

// TestBatchRefusals: a chain longer than 20 is refused before anything is sent; calls
// whose result is a copy cannot be collected.
func TestBatchRefusals(t *testing.T) {
	bs := newBatchServer(t)
	c := NewClient(WithBaseURL(bs.srv.URL + "/v1.0"))
	ctx := context.Background()
	b := NewBatch(c)
	for i := range 21 {
		_ = b.Client().Do(ctx, Request{Method: "GET", Path: fmt.Sprintf("/users/u%d", i)}, &item{})
		if i > 0 {
			b.Last().After(b.Items()[i-1])
		}
	}
	if err := b.Send(ctx); err == nil || !strings.Contains(err.Error(), "one dependsOn chain of 21") {
		t.Errorf("err %v", err)
	}
	if len(bs.batches) != 0 {
		t.Error("sent")
	}
	bc := NewBatch(c).Client()
	var v ValueOf[int]
	var raw json.RawMessage
	_, countErr := bc.Count(ctx, Request{Method: "GET", Path: "/users/$count"})
	_, streamErr := bc.Stream(ctx, Request{Method: "GET", Path: "/users/u1/photo/$value"})
	_, monErr := StartMonitor(ctx, bc, Request{Method: "POST", Path: "/x/copy"})
	var listErr error
	for _, err := range List[item](ctx, bc, Request{Method: "GET", Path: "/users"}) {
		listErr = err
	}
	for name, err := range map[string]error{"value": bc.Do(ctx, Request{Path: "/x"}, &v), "raw": bc.Do(ctx, Request{Path: "/x"}, &raw),
		"count": countErr, "stream": streamErr, "monitor": monErr, "list": listErr} {
		if !errors.Is(err, errNotBatchable) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

package graphrt

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// copyServer speaks the driveItem copy protocol: POST .../copy answers 202 Accepted with
// a Location; the monitor answers inProgress twice (the first time with Retry-After: 7),
// then completed with the new item's resourceId, or failed when fail is set.
func copyServer(t *testing.T, fail bool) (*httptest.Server, *[]string) {
	var mu sync.Mutex
	var seen []string
	polls := 0
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, r.Method+" "+r.URL.Path)
		switch {
		case r.Method == "POST" && r.URL.Path == "/v1.0/drives/d1/items/i1/copy":
			b, _ := io.ReadAll(r.Body)
			if !strings.Contains(string(b), `"name":"plan (copy).txt"`) {
				http.Error(w, `{"error":{"code":"invalidRequest"}}`, 400)
				return
			}
			w.Header().Set("Location", srv.URL+"/v1.0/monitor/m1")
			w.WriteHeader(http.StatusAccepted)
		case r.URL.Path == "/v1.0/monitor/m1":
			polls++
			switch {
			case polls == 1:
				w.Header().Set("Retry-After", "7")
				w.WriteHeader(http.StatusAccepted)
				_, _ = io.WriteString(w, `{"operation":"itemCopy","percentageComplete":0.0,"status":"notStarted"}`)
			case polls == 2:
				w.WriteHeader(http.StatusAccepted)
				_, _ = io.WriteString(w, `{"operation":"itemCopy","percentageComplete":58.2,"status":"inProgress"}`)
			case fail:
				_, _ = io.WriteString(w, `{"operation":"itemCopy","status":"failed","error":{"code":"nameAlreadyExists","message":"taken"}}`)
			default:
				_, _ = io.WriteString(w, `{"operation":"itemCopy","percentageComplete":100.0,"resourceId":"01NEWITEM","status":"completed"}`)
			}
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &seen
}

func TestDriveItemCopyMonitored(t *testing.T) {
	srv, seen := copyServer(t, false)
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
	var waits []time.Duration
	c.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	ctx := context.Background()
	body := map[string]any{"parentReference": map[string]string{"driveId": "d2", "id": "folder"}, "name": "plan (copy).txt"}
	var started Response
	m, err := StartMonitor(ctx, c, Request{Method: "POST", Path: "/drives/d1/items/i1/copy", Body: body, Response: &started})
	if err != nil {
		t.Fatal(err)
	}
	if m.URL != srv.URL+"/v1.0/monitor/m1" || started.StatusCode != 202 {
		t.Fatalf("monitor %q, status %d", m.URL, started.StatusCode)
	}
	// A new process resumes from the saved URL.
	m2 := ResumeMonitor(c, m.URL)
	m2.Interval = 2 * time.Second
	id, err := m2.Wait(ctx)
	if err != nil || id != "01NEWITEM" {
		t.Fatalf("Wait = %q, %v", id, err)
	}
	// Retry-After: 7 first, then the interval.
	if len(waits) != 2 || waits[0] != 7*time.Second || waits[1] != 2*time.Second {
		t.Errorf("waits %v", waits)
	}
	if m2.Last == nil || m2.Last.PercentageComplete != 100 {
		t.Errorf("last %+v", m2.Last)
	}
	if got := strings.Join(*seen, ","); got != "POST /v1.0/drives/d1/items/i1/copy,GET /v1.0/monitor/m1,GET /v1.0/monitor/m1,GET /v1.0/monitor/m1" {
		t.Errorf("requests %s", got)
	}
}

func TestMonitorFailed(t *testing.T) {
	srv, _ := copyServer(t, true)
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
	c.sleep = func(context.Context, time.Duration) error { return nil }
	_, err := ResumeMonitor(c, srv.URL+"/v1.0/monitor/m1").Wait(context.Background())
	var fe *OperationFailedError
	if !errors.As(err, &fe) || fe.Status.Error == nil || fe.Status.Error.Code != "nameAlreadyExists" {
		t.Fatalf("err %v", err)
	}
}

// TestMonitorPinned: a monitor on another host is refused, as a next link is, and never
// receives the token.
func TestMonitorPinned(t *testing.T) {
	var got int
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got++ }))
	defer other.Close()
	srv, _ := copyServer(t, false)
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithToken("secret"))
	for _, u := range []string{other.URL + "/monitor/m1", strings.Replace(srv.URL, "http://", "http://user:pw@", 1) + "/v1.0/monitor/m1"} {
		_, err := ResumeMonitor(c, u).Wait(context.Background())
		if err == nil || !strings.Contains(err.Error(), "refusing to follow") || strings.Contains(err.Error(), "pw") {
			t.Errorf("%s: err %v", u, err)
		}
	}
	if got != 0 {
		t.Errorf("the other host got %d requests", got)
	}
}

// TestMonitorRelative: Teams answers with a Location under the version root.
func TestMonitorRelative(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1.0/teams/t1/clone":
			w.Header().Set("Location", "/teams('t2')/operations('o1')")
			w.WriteHeader(http.StatusAccepted)
		case "/v1.0/teams('t2')/operations('o1')":
			_, _ = io.WriteString(w, `{"operationType":"cloneTeam","status":"succeeded","targetResourceId":"t2"}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
	m, err := StartMonitor(context.Background(), c, Request{Method: "POST", Path: "/teams/t1/clone", Body: map[string]string{}})
	if err != nil {
		t.Fatal(err)
	}
	if id, err := m.Wait(context.Background()); id != "t2" || err != nil {
		t.Errorf("Wait = %q, %v", id, err)
	}
}

// TestMonitorCancelled: Wait stops when ctx is done.
func TestMonitorCancelled(t *testing.T) {
	srv, _ := copyServer(t, false)
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
	ctx, cancel := context.WithCancel(context.Background())
	c.sleep = func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }
	if _, err := ResumeMonitor(c, srv.URL+"/v1.0/monitor/m1").Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v", err)
	}
}

// TestMonitorOperationLocation: OneNote's copies name the monitor in Operation-Location
// and answer "Completed"; a print operation writes its status as an object, whose failed
// state and description end the wait.
func TestMonitorOperationLocation(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1.0/me/onenote/sections/s1/copyToNotebook":
			w.Header().Set("Operation-Location", "http://"+r.Host+"/v1.0/me/onenote/operations/op1")
			w.WriteHeader(http.StatusAccepted)
		case "/v1.0/me/onenote/operations/op1":
			_, _ = io.WriteString(w, `{"id":"op1","status":"Completed","resourceId":"s2","resourceLocation":"https://graph.microsoft.com/v1.0/me/onenote/sections/s2"}`)
		case "/v1.0/print/operations/p1":
			_, _ = io.WriteString(w, `{"id":"p1","status":{"state":"failed","description":"The certificate signing request is invalid."}}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
	m, err := StartMonitor(context.Background(), c, Request{Method: "POST", Path: "/me/onenote/sections/s1/copyToNotebook", Body: map[string]string{"id": "n1"}})
	if err != nil {
		t.Fatal(err)
	}
	if m.URL != srv.URL+"/v1.0/me/onenote/operations/op1" {
		t.Fatalf("monitor %q", m.URL)
	}
	if id, err := m.Wait(context.Background()); id != "s2" || err != nil {
		t.Errorf("Wait = %q, %v", id, err)
	}
	_, err = ResumeMonitor(c, srv.URL+"/v1.0/print/operations/p1").Wait(context.Background())
	var fe *OperationFailedError
	if !errors.As(err, &fe) || fe.Status.Status != "failed" || !strings.Contains(err.Error(), "certificate signing request") {
		t.Errorf("err %v", err)
	}
	// The whole status stays at hand, for the members the fields do not gather.
	if fe != nil && string(fe.Status.Raw) != `{"id":"p1","status":{"state":"failed","description":"The certificate signing request is invalid."}}` {
		t.Errorf("Raw %s", fe.Status.Raw)
	}
}

// TestMonitorStatusDone: the states that end a wait, as success or failure; a state that
// names a step's failure (submissionFailed) ends it too; others go on.
func TestMonitorStatusDone(t *testing.T) {
	for _, tc := range []struct {
		status   string
		done, ok bool
	}{
		{"succeeded", true, true}, {"Completed", true, true}, {"partiallySucceeded", true, true},
		{"failed", true, false}, {"deleteFailed", true, false}, {"submissionFailed", true, false}, {"cancelled", true, false},
		{"running", false, false}, {"notStarted", false, false}, {"inProgress", false, false},
	} {
		s := MonitorStatus{Status: tc.status}
		if done, ok := s.Done(); done != tc.done || ok != tc.ok {
			t.Errorf("%s: done %v ok %v, want %v %v", tc.status, done, ok, tc.done, tc.ok)
		}
	}
}

// TestMonitorAccepted: the body of a 202 that starts an operation is kept on the Monitor.
func TestMonitorAccepted(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "http://"+r.Host+"/v1.0/operations/op1")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		_, _ = io.WriteString(w, `{"newPassword":"Cuyo5459"}`)
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
	m, err := StartMonitor(context.Background(), c, Request{Method: "POST", Path: "/me/authentication/methods/m1/resetPassword"})
	if err != nil || string(m.Accepted) != `{"newPassword":"Cuyo5459"}` || m.URL == "" {
		t.Errorf("monitor %+v, %v", m, err)
	}
}

// TestMonitorResource: what Wait returns is the resource the operation made, never the
// operation's own id beside a status; a member typed otherwise than the fields (a billing
// export's resourceLocation object) does not fail the wait, and stays in Raw.
func TestMonitorResource(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"printer registration: the operation's id beside its state", `{"id":"op1","status":{"state":"succeeded"},"printer":{"id":"P9"}}`, ""},
		{"longRunningOperation: its resourceLocation", `{"id":"op1","status":"succeeded","resourceLocation":"https://graph.microsoft.com/v1.0/x/1"}`, "https://graph.microsoft.com/v1.0/x/1"},
		{"billing export: resourceLocation an object", `{"id":"op1","status":"succeeded","resourceLocation":{"@odata.type":"#microsoft.graph.partners.billing.blobManifest","dataFormat":"compressedJSONLines"}}`, ""},
		{"redirected to the resource: its id", `{"id":"01NEWITEM","name":"plan.txt"}`, "01NEWITEM"},
		{"teams operation: the target's id", `{"id":"op1","operationType":"cloneTeam","status":"succeeded","targetResourceId":"t2"}`, "t2"},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, tc.body)
		}))
		c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
		m := ResumeMonitor(c, srv.URL+"/v1.0/operations/op1")
		id, err := m.Wait(context.Background())
		if id != tc.want || err != nil {
			t.Errorf("%s: Wait = %q, %v; want %q", tc.name, id, err, tc.want)
		}
		if err == nil && string(m.Last.Raw) != tc.body {
			t.Errorf("%s: Raw %s", tc.name, m.Last.Raw)
		}
		srv.Close()
	}
}

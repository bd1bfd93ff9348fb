package graphrt

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

// fakeGraph is a small stand-in for the service, speaking the documented wire formats of
// the examples below: a driveItem copy and its monitor, users/delta, $batch, and an
// upload session.
func fakeGraph() *httptest.Server {
	var srv *httptest.Server
	got := map[string]int64{}
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case p == "/v1.0/me":
			w.Header().Set("ETag", `W/"7"`)
			_, _ = io.WriteString(w, `{"id":"ann"}`)
		case strings.HasSuffix(p, "/copy"):
			w.Header().Set("Location", srv.URL+"/v1.0/monitor/1")
			w.WriteHeader(http.StatusAccepted)
		case p == "/v1.0/monitor/1":
			_, _ = io.WriteString(w, `{"operation":"itemCopy","percentageComplete":100,"resourceId":"01COPY","status":"completed"}`)
		case p == "/v1.0/users/delta" && r.URL.Query().Get("$deltatoken") == "":
			_, _ = io.WriteString(w, `{"value":[{"id":"ann"},{"id":"bo"}],"@odata.deltaLink":"`+srv.URL+`/v1.0/users/delta?$deltatoken=t1"}`)
		case p == "/v1.0/users/delta":
			_, _ = io.WriteString(w, `{"value":[{"id":"bo","@removed":{"reason":"deleted"}}],"@odata.deltaLink":"`+srv.URL+`/v1.0/users/delta?$deltatoken=t2"}`)
		case p == "/v1.0/$batch":
			var in struct{ Requests []batchRequest }
			_ = json.NewDecoder(r.Body).Decode(&in)
			var out []batchResponse
			for _, q := range in.Requests {
				if q.URL == "/users/nobody" {
					out = append(out, batchResponse{ID: q.ID, Status: 404, Body: json.RawMessage(`{"error":{"code":"Request_ResourceNotFound"}}`)})
					continue
				}
				out = append(out, batchResponse{ID: q.ID, Status: 200, Body: json.RawMessage(`{"id":"` + strings.TrimPrefix(q.URL, "/users/") + `"}`)})
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"responses": out})
		case p == "/upload/s1":
			n, _ := io.Copy(io.Discard, r.Body)
			got[p] += n
			if got[p] < 1<<20 {
				w.WriteHeader(http.StatusAccepted)
				fmt.Fprintf(w, `{"nextExpectedRanges":["%d-"]}`, got[p])
				return
			}
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"id":"01FILE","size":1048576}`)
		default:
			http.NotFound(w, r)
		}
	}))
	return srv
}

type user struct {
	ID string `json:"id"`
}

// ExampleResponse reads a call's status and headers: a generated method takes them in
// opts.Response (&GetMeOptions{Response: &resp}); Request.Response is the same field.
func ExampleResponse() {
	srv := fakeGraph()
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))

	var resp Response
	var me user
	err := c.Do(context.Background(), Request{Method: "GET", Path: "/me", Response: &resp}, &me)
	fmt.Println(me.ID, resp.StatusCode, resp.Header.Get("ETag"), err)
	// Output: ann 200 W/"7" <nil>
}

// ExampleMonitor copies a driveItem and waits for the copy: the generated
// DriveItemCopy returns the *Monitor that StartMonitor does here.
func ExampleMonitor() {
	srv := fakeGraph()
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
	ctx := context.Background()

	m, err := StartMonitor(ctx, c, Request{Method: "POST", Path: "/drives/d1/items/01SRC/copy",
		Body: map[string]string{"name": "plan (copy).docx"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	id, err := m.Wait(ctx) // polls m.URL, honouring Retry-After; save m.URL to ResumeMonitor later
	fmt.Println(id, m.Last.Status, err)
	// Output: 01COPY completed <nil>
}

// ExampleDeltaSync runs two rounds of users/delta, the second from the saved link: the
// generated DeltaUsers(ctx, &DeltaUsersOptions{DeltaLink: &link}) is this iterator.
func ExampleDeltaSync() {
	srv := fakeGraph()
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
	ctx := context.Background()

	var link string // saved between rounds (a file, a database)
	for round := 1; round <= 2; round++ {
		for it, err := range DeltaSync[user](ctx, c, Request{Method: "GET", Path: "/users/delta"}, &link) {
			switch {
			case err != nil:
				fmt.Println(err)
			case it.Removed != nil:
				fmt.Println(round, it.Item.ID, "removed:", it.Removed.Reason)
			default:
				fmt.Println(round, it.Item.ID)
			}
		}
	}
	fmt.Println(strings.TrimPrefix(link, srv.URL))
	// Output:
	// 1 ann
	// 1 bo
	// 2 bo removed: deleted
	// /v1.0/users/delta?$deltatoken=t2
}

// ExampleBatch sends three GETs in one POST /$batch. Through b.Client() any generated
// method whose result is a *T or *Page[T] is collected the same way: u, _ :=
// b.Client().GetUser(ctx, "ann", nil) returns a *User that Send fills in.
func ExampleBatch() {
	srv := fakeGraph()
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
	ctx := context.Background()

	b := NewBatch(c)
	users := make([]*user, 3)
	for i, id := range []string{"ann", "bo", "nobody"} {
		users[i] = &user{}
		_ = b.Client().Do(ctx, Request{Method: "GET", Path: "/users/" + id}, users[i]) // collected, not sent
	}
	b.Items()[1].After(b.Items()[0]) // dependsOn
	if err := b.Send(ctx); err != nil {
		fmt.Println(err)
		return
	}
	for i, it := range b.Items() {
		fmt.Printf("%s %q %v\n", it.ID, users[i].ID, it.Err)
	}
	// Output:
	// 1 "ann" <nil>
	// 2 "bo" <nil>
	// 3 "" graph: 404 Not Found: Request_ResourceNotFound
}

// ExampleUpload sends 1 MiB to an upload session, in fragments of 320 KiB. The session
// URL is what a generated createUploadSession method returns (UploadSession.UploadURL).
func ExampleUpload() {
	srv := fakeGraph()
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))

	content := strings.NewReader(strings.Repeat("x", 1<<20)) // any io.Reader; an io.ReaderAt can also be re-read
	var item struct {
		ID   string `json:"id"`
		Size int64  `json:"size"`
	}
	err := Upload(context.Background(), c, srv.URL+"/upload/s1", content, 1<<20, &item, &UploadOptions{
		FragmentSize: UploadFragmentUnit,
		Progress:     func(done, size int64) { fmt.Printf("%d/%d\n", done, size) },
	})
	fmt.Println(item.ID, item.Size, err)
	// Output:
	// 327680/1048576
	// 655360/1048576
	// 983040/1048576
	// 1048576/1048576
	// 01FILE 1048576 <nil>
}

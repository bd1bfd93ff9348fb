package generated

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestBatchGeneratedMethods: the generated methods, called through a Batch's client,
// are collected with their typing unchanged (a *VppToken, a *Group, a *Page[VppToken]),
// sent in one POST /$batch, and their results filled in; opts.Response receives the
// member's status and headers.
func TestBatchGeneratedMethods(t *testing.T) {
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/beta/$batch" {
			http.NotFound(w, r)
			return
		}
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(b))
		_, _ = io.WriteString(w, `{"responses":[
			{"id":"1","status":200,"headers":{"ETag":"W/\"1\""},"body":{"id":"t1","appleId":"a@b.c"}},
			{"id":"2","status":404,"body":{"error":{"code":"Request_ResourceNotFound","message":"gone"}}},
			{"id":"3","status":200,"body":{"value":[{"id":"t1"},{"id":"t2"}]}}]}`)
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL + "/beta"))
	ctx := context.Background()
	b := NewBatch(c)
	bc := b.Client()
	var resp Response
	tok, err := bc.GetDeviceAppManagementVppToken(ctx, "t1", &GetDeviceAppManagementVppTokenOptions{Response: &resp})
	if err != nil {
		t.Fatal(err)
	}
	group, _ := bc.GetGroup(ctx, "g/1", nil)
	page, _ := bc.ListDeviceAppManagementVppTokensPage(ctx, &ListDeviceAppManagementVppTokensOptions{Top: 2})
	b.Last().After(b.Items()[0])
	if len(bodies) != 0 {
		t.Fatal("collecting sent")
	}
	// An iterator cannot be collected: it yields the refusal.
	for _, err := range bc.ListDeviceAppManagementVppTokens(ctx, nil) {
		if err == nil || !strings.Contains(err.Error(), "cannot be batched") {
			t.Errorf("iterator: %v", err)
		}
	}
	if err := b.Send(ctx); err != nil {
		t.Fatal(err)
	}
	var sent struct {
		Requests []struct {
			ID, Method, URL string
			DependsOn       []string
		}
	}
	if len(bodies) != 1 || json.Unmarshal([]byte(bodies[0]), &sent) != nil || len(sent.Requests) != 3 ||
		sent.Requests[1].URL != "/groups/g%2F1" || sent.Requests[2].URL != "/deviceAppManagement/vppTokens?$top=2" ||
		strings.Join(sent.Requests[2].DependsOn, ",") != "1" {
		t.Fatalf("sent %v", bodies)
	}
	if tok.ID == nil || *tok.ID != "t1" || tok.AppleID == nil || *tok.AppleID != "a@b.c" || resp.Header.Get("ETag") != `W/"1"` {
		t.Errorf("token %+v, resp %+v", tok, resp)
	}
	var e *Error
	if !errors.As(b.Items()[1].Err, &e) || !IsNotFound(e) || group.ID != nil {
		t.Errorf("group: %v %+v", b.Items()[1].Err, group)
	}
	if len(page.Value) != 2 || *page.Value[1].ID != "t2" {
		t.Errorf("page %+v", page)
	}
}

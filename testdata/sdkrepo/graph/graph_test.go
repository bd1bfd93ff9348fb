package graph_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/graphsdk/graph"
	"example.com/graphsdk/graph/deviceappmanagement"
	"example.com/graphsdk/graph/groups"
)

// TestSelectedClient calls the selected operations against a local server.
func TestSelectedClient(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/beta/deviceAppManagement/vppTokens/t1":
			_, _ = w.Write([]byte(`{"id":"t1","organizationName":"Contoso","state":"valid"}`))
		case "/beta/deviceAppManagement/vppTokens":
			_, _ = w.Write([]byte(`{"value":[{"id":"t1"},{"id":"t2"}]}`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := graph.NewClient(graph.WithBaseURL(srv.URL+"/beta"), graph.WithHTTPClient(srv.Client()))
	apps := deviceappmanagement.New(c)
	tok, err := apps.GetDeviceAppManagementVppToken(context.Background(), "t1", nil)
	if err != nil || *tok.OrganizationName != "Contoso" || *tok.State != deviceappmanagement.VppTokenStateValid {
		t.Fatalf("GetDeviceAppManagementVppToken = %+v, %v", tok, err)
	}
	var ids []string
	for tok, err := range apps.ListDeviceAppManagementVppTokens(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *tok.ID)
	}
	if len(ids) != 2 {
		t.Errorf("listed %v", ids)
	}
	if _, err := groups.New(c).GetGroup(context.Background(), "missing", nil); !graph.IsNotFound(err) {
		t.Errorf("GetGroup(missing): %v, want a not-found error", err)
	}
}

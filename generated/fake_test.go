package generated

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"slices"
	"testing"
	"time"
)

// This file shows how code that calls Microsoft Graph through the API interface is
// tested without a server: securityGroups depends on API, and its test gives it a fake.

// errNoUser is securityGroups' error for a user that does not exist.
var errNoUser = errors.New("no such user")

// securityGroups is the code under test: the display names of the security groups userID
// is a direct member of, at most limit of them, in the service's order. It asks only for
// the properties it needs and stops reading once it has limit names.
func securityGroups(ctx context.Context, g API, userID string, limit int) ([]string, error) {
	var names []string
	opts := &ListUserMemberOfOptions{Select: []string{"id", "displayName", "securityEnabled"}}
	for obj, err := range g.ListUserMemberOf(ctx, userID, opts) {
		if IsNotFound(err) {
			return nil, fmt.Errorf("%s: %w", userID, errNoUser)
		}
		if err != nil {
			return nil, fmt.Errorf("listing the groups of %s: %w", userID, err)
		}
		grp, ok := obj.Derived.(*Group)
		if !ok || grp.SecurityEnabled == nil || !*grp.SecurityEnabled || grp.DisplayName == nil {
			continue
		}
		names = append(names, *grp.DisplayName)
		if len(names) == limit {
			break
		}
	}
	return names, nil
}

// fakeGraph is a fake of API. It embeds API (left nil), so that it implements the whole
// interface while defining only what securityGroups calls: any other call panics, which
// shows at once that the code under test does more than the test expects.
type fakeGraph struct {
	API
	memberOf map[string][]DirectoryObject // by user ID; a user not in it is not found
	failWith error                        // yielded after the items, when not nil

	// What the code under test did.
	gotOpts *ListUserMemberOfOptions
	yielded int
}

var _ API = (*fakeGraph)(nil)

func (f *fakeGraph) ListUserMemberOf(ctx context.Context, userID string, opts *ListUserMemberOfOptions) iter.Seq2[DirectoryObject, error] {
	f.gotOpts = opts
	return func(yield func(DirectoryObject, error) bool) {
		objs, ok := f.memberOf[userID]
		if !ok {
			yield(DirectoryObject{}, &Error{StatusCode: http.StatusNotFound, Code: "Request_ResourceNotFound"})
			return
		}
		for _, o := range objs {
			if err := ctx.Err(); err != nil {
				yield(DirectoryObject{}, err)
				return
			}
			f.yielded++
			if !yield(o, nil) {
				return
			}
		}
		if f.failWith != nil {
			yield(DirectoryObject{}, f.failWith)
		}
	}
}

// group is a directory object holding a group.
func group(id, name string, security bool) DirectoryObject {
	g := &Group{ODataType: Ptr("#microsoft.graph.group"), ID: Ptr(id), DisplayName: Ptr(name), SecurityEnabled: Ptr(security)}
	return DirectoryObject{ODataType: g.ODataType, ID: g.ID, Derived: g}
}

func TestFakeAPI(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	alice := []DirectoryObject{
		group("g1", "Finance", true),
		{ODataType: Ptr("#microsoft.graph.directoryRole"), ID: Ptr("r1")},
		group("g2", "All staff (Microsoft 365)", false),
		group("g3", "VPN users", true),
		{ODataType: Ptr("#microsoft.graph.user"), ID: Ptr("u9"), Derived: &User{ID: Ptr("u9")}},
		group("g4", "Auditors", true),
	}

	t.Run("security groups only, in order", func(t *testing.T) {
		t.Parallel()
		f := &fakeGraph{memberOf: map[string][]DirectoryObject{"alice": alice}}
		got, err := securityGroups(ctx, f, "alice", 10)
		if err != nil {
			t.Fatal(err)
		}
		checkEqual(t, "names", got, []string{"Finance", "VPN users", "Auditors"})
		if f.gotOpts == nil || !slices.Equal(f.gotOpts.Select, []string{"id", "displayName", "securityEnabled"}) {
			t.Errorf("options = %+v, want $select of the three properties used", f.gotOpts)
		}
	})

	t.Run("stops reading at the limit", func(t *testing.T) {
		t.Parallel()
		f := &fakeGraph{memberOf: map[string][]DirectoryObject{"alice": alice}}
		got, err := securityGroups(ctx, f, "alice", 2)
		if err != nil {
			t.Fatal(err)
		}
		checkEqual(t, "names", got, []string{"Finance", "VPN users"})
		if f.yielded != 4 {
			t.Errorf("read %d items, want 4: none after the limit", f.yielded)
		}
	})

	t.Run("unknown user", func(t *testing.T) {
		t.Parallel()
		_, err := securityGroups(ctx, &fakeGraph{}, "bob", 10)
		if !errors.Is(err, errNoUser) {
			t.Errorf("err = %v, want errNoUser", err)
		}
	})

	t.Run("an error after some items", func(t *testing.T) {
		t.Parallel()
		throttled := &Error{StatusCode: http.StatusTooManyRequests, RetryAfter: 5 * time.Second}
		f := &fakeGraph{memberOf: map[string][]DirectoryObject{"alice": alice[:1]}, failWith: throttled}
		got, err := securityGroups(ctx, f, "alice", 10)
		if got != nil || !IsThrottled(err) || errors.Is(err, errNoUser) {
			t.Errorf("got %v, %v; want no names and the throttling error", got, err)
		}
	})

	t.Run("canceled", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		f := &fakeGraph{memberOf: map[string][]DirectoryObject{"alice": alice}}
		if _, err := securityGroups(ctx, f, "alice", 10); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})

	// The same function works against the real client, which implements API too.
	t.Run("with the real client", func(t *testing.T) {
		t.Parallel()
		c, next := serve(t, reply{body: `{"value":[` +
			`{"@odata.type":"#microsoft.graph.group","id":"g1","displayName":"Finance","securityEnabled":true},` +
			`{"@odata.type":"#microsoft.graph.group","id":"g2","displayName":"Everyone","securityEnabled":false}]}`})
		got, err := securityGroups(ctx, c, "alice@contoso.com", 10)
		if err != nil {
			t.Fatal(err)
		}
		checkEqual(t, "names", got, []string{"Finance"})
		if r := next(); r.Path != "/beta/users/alice@contoso.com/memberOf" || r.RawQuery != "$select=id,displayName,securityEnabled" {
			t.Errorf("request = %s?%s", r.Path, r.RawQuery)
		}
	})

	t.Run("a method the fake does not define panics", func(t *testing.T) {
		t.Parallel()
		defer func() {
			if recover() == nil {
				t.Error("no panic")
			}
		}()
		var g API = &fakeGraph{}
		_, _ = g.GetGroup(ctx, "g1", nil)
	})
}

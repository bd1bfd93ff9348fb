package graphrt

import (
	"errors"
	"testing"
)

// TestMergeBase: members set beside Derived are appended to the derived value's object,
// which wins on a clash; an empty base, or an error, leaves it as it is.
func TestMergeBase(t *testing.T) {
	t.Parallel()
	base := func(s string) func() ([]byte, error) { return func() ([]byte, error) { return []byte(s), nil } }
	for _, tc := range []struct {
		derived, base, want string
	}{
		{`{"@odata.type":"#microsoft.graph.androidLobApp","packageId":"p"}`, `{}`, `{"@odata.type":"#microsoft.graph.androidLobApp","packageId":"p"}`},
		{`{"@odata.type":"#microsoft.graph.androidLobApp","packageId":"p"}`, `{"displayName":"App","publisher":null}`,
			`{"@odata.type":"#microsoft.graph.androidLobApp","packageId":"p","displayName":"App","publisher":null}`},
		{`{"displayName":"derived"}`, `{"displayName":"base","notes":"n"}`, `{"displayName":"derived","notes":"n"}`},
		{`{}`, `{"a":1}`, `{"a":1}`},
	} {
		got, err := MergeBase([]byte(tc.derived), nil, base(tc.base))
		if err != nil || string(got) != tc.want {
			t.Errorf("MergeBase(%s, %s) = %s, %v; want %s", tc.derived, tc.base, got, err, tc.want)
		}
	}
	boom := errors.New("boom")
	if _, err := MergeBase(nil, boom, base(`{"a":1}`)); err != boom {
		t.Errorf("error %v, want boom", err)
	}
	if _, err := MergeBase([]byte(`{}`), nil, func() ([]byte, error) { return nil, boom }); err != boom {
		t.Errorf("base error %v, want boom", err)
	}
}

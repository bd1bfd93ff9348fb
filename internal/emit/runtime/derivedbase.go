package graphrt

import (
	"bytes"
	"encoding/json"
)

// MergeBase is how a polymorphic value with Derived set is encoded: derived, the derived
// value's JSON object (err its error), with the members of base's object that it lacks
// appended in base's order. base encodes the outer struct without Derived: a field set
// there beside Derived (MobileApp{DisplayName: ..., Derived: &AndroidLobApp{...}}) is
// sent, not dropped; the derived value's own members win on a clash. base is called
// only when derived encodes without error.
func MergeBase(derived []byte, err error, base func() ([]byte, error)) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	bb, err := base()
	if err != nil {
		return nil, err
	}
	if bytes.Equal(bytes.TrimSpace(bb), []byte("{}")) {
		return derived, nil // the common case: nothing set beside Derived
	}
	var have map[string]json.RawMessage
	if json.Unmarshal(derived, &have) != nil || have == nil {
		return derived, nil // not an object: nothing to merge into
	}
	dec := json.NewDecoder(bytes.NewReader(bb))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return derived, nil
	}
	d := bytes.TrimSpace(derived)
	out := append([]byte(nil), d[:len(d)-1]...) // without its closing brace
	members := len(have) > 0
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		name, _ := t.(string)
		if _, set := have[name]; set {
			continue
		}
		k, err := json.Marshal(name)
		if err != nil {
			return nil, err
		}
		if members {
			out = append(out, ',')
		}
		out = append(append(append(out, k...), ':'), v...)
		members = true
	}
	return append(out, '}'), nil
}
